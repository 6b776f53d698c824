import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../tests/support/app.js';
import { actorsFor, requestsAs, type Actors } from '../../../../tests/support/actors.js';
import { makeContact, makePartner } from '../../../../tests/support/factories.js';
import { meetingOccurrence, meetingSeries } from '../../db/schema/index.js';
import { quarterlyReport } from './meetings.service.js';
import { toLocalParts } from './meetings.time.js';

let t: TestApp;
let as: Actors<'manager' | 'member' | 'viewer'>;

beforeAll(async () => {
  t = await createTestApp();
  as = await actorsFor(t, { roles: ['manager', 'member', 'viewer'] });
});
afterAll(() => t.close());

const { get, post, patch } = requestsAs(() => as.manager);

async function series(partnerId: string, body: Record<string, unknown>) {
  const res = await post(`/api/partners/${partnerId}/meeting-series`, { title: 'Sync', cadence: 'weekly', startLocal: '2026-03-19T10:00', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
async function meetings(partnerId: string, from: string, to: string, extra = '') {
  const res = await get(`/api/partners/${partnerId}/meetings?from=${from}T00:00:00Z&to=${to}T00:00:00Z${extra}`, as.viewer);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as { id: string | null; seriesId: string; startsAt: string; endsAt: string; originalStart: string; status: string; title: string }[];
}
const starts = (items: { startsAt: string }[]) => items.map((m) => m.startsAt);
const seriesCount = async (partnerId: string) => (await t.database.db.select({ id: meetingSeries.id }).from(meetingSeries).where(eq(meetingSeries.partnerId, partnerId))).length;

describe('meeting series', () => {
  it('keeps a weekly 10:00 Europe/Zurich meeting at 10:00 local across both daylight-saving changes', async () => {
    const p = await makePartner(t);
    const spring = await series(p.id, { startLocal: '2026-03-19T10:00' });
    expect(spring).toMatchObject({ cadence: 'weekly', rrule: 'FREQ=WEEKLY', timeZone: 'Europe/Zurich', durationMinutes: 60 });
    expect(spring.description).toBe('Every week on Thursday at 10:00 (Europe/Zurich)');
    // 2026-03-29: clocks go forward; UTC hour drops from 09 to 08.
    const march = await meetings(p.id, '2026-03-16', '2026-04-06');
    expect(starts(march)).toEqual(['2026-03-19T09:00:00.000Z', '2026-03-26T09:00:00.000Z', '2026-04-02T08:00:00.000Z']);
    expect(march[0]).toMatchObject({ id: null, seriesId: spring.id, originalStart: '2026-03-19T09:00:00.000Z', status: 'planned', title: 'Sync' });
    // 2026-10-25: clocks go back; UTC hour rises from 08 to 09.
    const october = await meetings(p.id, '2026-10-14', '2026-11-03');
    expect(starts(october)).toEqual(['2026-10-15T08:00:00.000Z', '2026-10-22T08:00:00.000Z', '2026-10-29T09:00:00.000Z']);
    for (const m of [...march, ...october]) expect(toLocalParts(new Date(m.startsAt), 'Europe/Zurich')).toMatchObject({ hour: 10, minute: 0 });
  });

  it('expands monthly, quarterly and custom rules, with COUNT and UNTIL', async () => {
    const p = await makePartner(t);
    const monthly = await series(p.id, { title: 'Monthly', cadence: 'monthly', startLocal: '2026-01-15T09:30' });
    const quarterly = await series(p.id, { title: 'Quarterly', cadence: 'quarterly', purpose: 'quarterly', startLocal: '2026-01-20T14:00' });
    const firstTuesdays = await series(p.id, { title: 'First Tuesday', cadence: 'custom', rrule: 'FREQ=MONTHLY;BYDAY=1TU;COUNT=3', startLocal: '2026-02-03T08:00' });
    const until = await series(p.id, { title: 'Until', cadence: 'custom', rrule: 'RRULE:FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20260218T235959Z', startLocal: '2026-02-09T16:00' });
    expect(firstTuesdays.rrule).toBe('FREQ=MONTHLY;BYDAY=1TU;COUNT=3');
    expect(until.rrule).toBe('FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20260218T235959Z');
    expect(quarterly.description).toContain('Every three months');

    const items = await meetings(p.id, '2026-01-01', '2026-12-31');
    const of = (id: string) => starts(items.filter((m) => m.seriesId === id));
    expect(of(monthly.id)).toHaveLength(12);
    expect(of(monthly.id).slice(0, 4)).toEqual(['2026-01-15T08:30:00.000Z', '2026-02-15T08:30:00.000Z', '2026-03-15T08:30:00.000Z', '2026-04-15T07:30:00.000Z']);
    expect(of(quarterly.id)).toEqual(['2026-01-20T13:00:00.000Z', '2026-04-20T12:00:00.000Z', '2026-07-20T12:00:00.000Z', '2026-10-20T12:00:00.000Z']);
    expect(of(firstTuesdays.id)).toEqual(['2026-02-03T07:00:00.000Z', '2026-03-03T07:00:00.000Z', '2026-04-07T06:00:00.000Z']);
    expect(of(until.id)).toEqual(['2026-02-09T15:00:00.000Z', '2026-02-11T15:00:00.000Z', '2026-02-16T15:00:00.000Z', '2026-02-18T15:00:00.000Z']);
    // Sorted by start across series.
    expect(starts(items)).toEqual([...starts(items)].sort());
  });

  it('refuses an invalid recurrence rule with 400 naming rrule, and writes nothing', async () => {
    const p = await makePartner(t);
    const bad = [
      { cadence: 'custom', rrule: 'FREQ=SOMETIMES' },
      { cadence: 'custom', rrule: 'INTERVAL=2' },
      { cadence: 'custom', rrule: 'FREQ=WEEKLY;BYDAY=XX' },
      { cadence: 'custom', rrule: 'FREQ=WEEKLY;COUNT=3;UNTIL=20261231' },
      { cadence: 'custom', rrule: 'FREQ=WEEKLY;COLOR=RED' },
      { cadence: 'custom', rrule: 'FREQ=MONTHLY;BYMONTHDAY=32' },
      { cadence: 'custom', rrule: 'FREQ=WEEKLY;UNTIL=20250101' },
      { cadence: 'custom' },
      { cadence: 'weekly', rrule: 'FREQ=DAILY' },
    ];
    for (const body of bad) {
      const res = await post(`/api/partners/${p.id}/meeting-series`, { title: 'Sync', startLocal: '2026-03-19T10:00', ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(
        res.json().errors.map((e: { path: string }) => e.path),
        JSON.stringify(body),
      ).toEqual(['body.rrule']);
    }
    const zone = await post(`/api/partners/${p.id}/meeting-series`, { title: 'Sync', cadence: 'weekly', startLocal: '2026-03-19T10:00', timeZone: 'Mars/Olympus' });
    expect(zone.statusCode).toBe(400);
    expect(zone.json().errors[0].path).toBe('body.timeZone');
    expect(await seriesCount(p.id)).toBe(0);
  });

  it('refuses a contact of another partner or an inactive colleague as attendee, and writes nothing', async () => {
    const p = await makePartner(t);
    const ours = await makeContact(t, p.id);
    const theirs = await makeContact(t);
    const res = await post(`/api/partners/${p.id}/meeting-series`, { title: 'Sync', cadence: 'monthly', startLocal: '2026-03-19T10:00', contactIds: [ours.id, theirs.id] });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('body.contactIds');
    expect(res.json().errors[0].message).toContain(theirs.id);
    const nobody = await post(`/api/partners/${p.id}/meeting-series`, { title: 'Sync', cadence: 'monthly', startLocal: '2026-03-19T10:00', userIds: ['no-such-user'] });
    expect(nobody.statusCode).toBe(400);
    expect(nobody.json().errors[0].path).toBe('body.userIds');
    expect(await seriesCount(p.id)).toBe(0);

    const ok = await series(p.id, { contactIds: [ours.id], userIds: [as.manager.id] });
    expect(ok.contacts).toEqual([{ id: ours.id, name: `${ours.firstName} ${ours.lastName}` }]);
    expect(ok.users).toEqual([{ id: as.manager.id, name: as.manager.name }]);
    const edit = await patch(`/api/meeting-series/${ok.id}`, { contactIds: [theirs.id], version: ok.version });
    expect(edit.statusCode).toBe(400);
    expect(edit.json().errors[0].path).toBe('body.contactIds');
  });

  it('edits a series with its version (a stale one gets 409), switches cadence and archives it', async () => {
    const p = await makePartner(t);
    const s = await series(p.id, {});
    const edited = await patch(`/api/meeting-series/${s.id}`, { cadence: 'fortnightly', title: 'Fortnightly sync', version: s.version });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ cadence: 'fortnightly', rrule: 'FREQ=WEEKLY;INTERVAL=2', title: 'Fortnightly sync', version: 2 });
    expect(starts(await meetings(p.id, '2026-03-16', '2026-04-06'))).toEqual(['2026-03-19T09:00:00.000Z', '2026-04-02T08:00:00.000Z']);
    const stale = await patch(`/api/meeting-series/${s.id}`, { title: 'Lost update', version: s.version });
    expect(stale.statusCode).toBe(409);
    const member = await patch(`/api/meeting-series/${s.id}`, { title: 'Not mine', version: 2 }, as.member);
    expect(member.statusCode).toBe(403);
    const archived = await post(`/api/meeting-series/${s.id}/archive`, { version: 2 });
    expect(archived.statusCode, archived.body).toBe(200);
    expect(await meetings(p.id, '2026-03-16', '2026-04-06')).toEqual([]);
    const audit = await get(`/api/audit?entityType=meeting_series&entityId=${s.id}`);
    expect(audit.statusCode, audit.body).toBe(200);
    expect(audit.json().items.map((a: { action: string }) => a.action)).toEqual(['archive', 'update', 'create']);
    expect(audit.json().items[1].changes).toMatchObject({ cadence: { from: 'weekly', to: 'fortnightly' }, title: { from: 'Sync', to: 'Fortnightly sync' } });
  });
});

describe('occurrences', () => {
  it('moves an occurrence (shown at its new time, not the old), skips one and restores it', async () => {
    const p = await makePartner(t);
    const s = await series(p.id, {});
    const moved = await post(`/api/meeting-series/${s.id}/occurrences`, { originalStart: '2026-03-26T09:00:00Z', action: 'move', startsAt: '2026-03-27T13:00:00Z' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ startsAt: '2026-03-27T13:00:00.000Z', endsAt: '2026-03-27T14:00:00.000Z', originalStart: '2026-03-26T09:00:00.000Z', status: 'planned' });
    const skipped = await post(`/api/meeting-series/${s.id}/occurrences`, { originalStart: '2026-04-02T08:00:00Z', action: 'skip' });
    expect(skipped.statusCode, skipped.body).toBe(200);

    const items = await meetings(p.id, '2026-03-16', '2026-04-13');
    expect(starts(items)).toEqual(['2026-03-19T09:00:00.000Z', '2026-03-27T13:00:00.000Z', '2026-04-09T08:00:00.000Z']);
    expect(items[1]!.id).toBe(moved.json().id);
    const withSkipped = await meetings(p.id, '2026-03-16', '2026-04-13', '&includeSkipped=true');
    expect(withSkipped.find((m) => m.status === 'skipped')?.startsAt).toBe('2026-04-02T08:00:00.000Z');
    // Moved out of the window: gone from where it was, found where it went.
    const out = await post(`/api/meeting-series/${s.id}/occurrences`, {
      originalStart: '2026-04-09T08:00:00Z',
      action: 'move',
      startsAt: '2026-05-20T08:00:00Z',
      endsAt: '2026-05-20T08:30:00Z',
    });
    expect(out.statusCode).toBe(200);
    expect(starts(await meetings(p.id, '2026-04-06', '2026-04-13'))).toEqual([]);
    expect((await meetings(p.id, '2026-05-20', '2026-05-21')).map((m) => m.originalStart)).toEqual(['2026-04-09T08:00:00.000Z']);

    const restored = await post(`/api/meeting-series/${s.id}/occurrences`, { originalStart: '2026-04-02T08:00:00Z', action: 'restore' });
    expect(restored.json().status).toBe('planned');
    expect(starts(await meetings(p.id, '2026-04-01', '2026-04-03'))).toEqual(['2026-04-02T08:00:00.000Z']);

    const notAStart = await post(`/api/meeting-series/${s.id}/occurrences`, { originalStart: '2026-03-20T09:00:00Z', action: 'skip' });
    expect(notAStart.statusCode).toBe(400);
    expect(notAStart.json().errors[0].path).toBe('body.originalStart');
  });

  it('creates a one-off meeting; an end before the start gets 400 naming endsAt and writes nothing', async () => {
    const p = await makePartner(t);
    const c = await makeContact(t, p.id);
    const bad = await post(`/api/partners/${p.id}/meetings`, { title: 'Kickoff', purpose: 'kickoff', startsAt: '2026-05-04T10:00:00Z', endsAt: '2026-05-04T09:00:00Z' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.endsAt']);
    expect((await t.database.db.select().from(meetingOccurrence).where(eq(meetingOccurrence.partnerId, p.id))).length).toBe(0);

    const theirs = await makeContact(t);
    const wrong = await post(`/api/partners/${p.id}/meetings`, { title: 'Kickoff', startsAt: '2026-05-04T10:00:00Z', endsAt: '2026-05-04T11:00:00Z', contactIds: [theirs.id] });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe('body.contactIds');

    const ok = await post(`/api/partners/${p.id}/meetings`, {
      title: 'Kickoff',
      purpose: 'kickoff',
      startsAt: '2026-05-04T10:00:00Z',
      endsAt: '2026-05-04T11:30:00Z',
      contactIds: [c.id],
      userIds: [as.manager.id],
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ title: 'Kickoff', purpose: 'kickoff', seriesId: null, originalStart: null, status: 'planned', version: 1 });
    expect(await meetings(p.id, '2026-05-01', '2026-05-31')).toMatchObject([{ id: ok.json().id, title: 'Kickoff' }]);
    const moveBack = await patch(`/api/meetings/${ok.json().id}`, { endsAt: '2026-05-04T09:00:00Z', version: 1 });
    expect(moveBack.statusCode).toBe(400);
    expect(moveBack.json().errors[0].path).toBe('body.endsAt');
    const mine = await get(`/api/meetings?from=2026-05-01T00:00:00Z&to=2026-05-31T00:00:00Z&mine=true`);
    expect(mine.json().items.map((m: { id: string }) => m.id)).toContain(ok.json().id);
    const others = await get(`/api/meetings?from=2026-05-01T00:00:00Z&to=2026-05-31T00:00:00Z&mine=true`, as.viewer);
    expect(others.json().items.map((m: { id: string }) => m.id)).not.toContain(ok.json().id);
  });
  it('re-planning a series drops upcoming exceptions of the old rule and gives unmoved ones the new length', async () => {
    const p = await makePartner(t);
    const s = await series(p.id, { startLocal: '2027-01-07T10:00' });
    for (const body of [
      { originalStart: '2027-01-14T09:00:00Z', action: 'skip' },
      { originalStart: '2027-01-21T09:00:00Z', action: 'move', startsAt: '2027-01-22T09:00:00Z' },
      { originalStart: '2027-01-28T09:00:00Z', action: 'open' },
    ]) {
      expect((await post(`/api/meeting-series/${s.id}/occurrences`, body)).statusCode).toBe(200);
    }
    const same = await patch(`/api/meeting-series/${s.id}`, { durationMinutes: 30, version: s.version });
    expect(same.statusCode, same.body).toBe(200);
    const kept = await meetings(p.id, '2027-01-01', '2027-02-01', '&includeSkipped=true');
    expect(kept.map((m) => [m.startsAt, m.status])).toEqual([
      ['2027-01-07T09:00:00.000Z', 'planned'],
      ['2027-01-14T09:00:00.000Z', 'skipped'],
      ['2027-01-22T09:00:00.000Z', 'planned'],
      ['2027-01-28T09:00:00.000Z', 'planned'],
    ]);
    expect((await meetings(p.id, '2027-01-28', '2027-01-29'))[0]!.endsAt).toBe('2027-01-28T09:30:00.000Z');

    const moved = await patch(`/api/meeting-series/${s.id}`, { startLocal: '2027-01-05T10:00', version: same.json().version });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = await meetings(p.id, '2027-01-01', '2027-02-01', '&includeSkipped=true');
    expect(after.map((m) => [m.startsAt, m.status, m.id])).toEqual(['05', '12', '19', '26'].map((d) => [`2027-01-${d}T09:00:00.000Z`, 'planned', null]));
  });
});

describe('quarterly get-together', () => {
  it('lists strategic and key partners keeping the rhythm, the ones with no quarterly meeting first', async () => {
    const tag = `Q${Date.now().toString(36)}`;
    const covered = await makePartner(t, { name: `${tag} A covered`, importance: 'strategic', status: 'active' });
    const planned = await makePartner(t, { name: `${tag} B planned`, importance: 'key', status: 'onboarding' });
    const none = await makePartner(t, { name: `${tag} C none`, importance: 'key', status: 'active' });
    const standard = await makePartner(t, { name: `${tag} D standard`, importance: 'standard', status: 'active' });
    const paused = await makePartner(t, { name: `${tag} E paused`, importance: 'strategic', status: 'paused' });
    // A quarterly series on the covered one, a one-off get-together on the other; a sync does not count.
    await series(covered.id, { title: 'QBR', purpose: 'quarterly', cadence: 'quarterly', startLocal: '2026-08-05T10:00' });
    const oneOff = await post(`/api/partners/${planned.id}/meetings`, {
      title: 'Get-together',
      purpose: 'quarterly',
      startsAt: '2026-12-31T23:30:00Z',
      endsAt: '2027-01-01T00:30:00Z',
    });
    expect(oneOff.statusCode).toBe(201);
    await series(none.id, { title: 'Weekly sync', purpose: 'sync', startLocal: '2026-10-01T10:00' });

    // Frozen clock inside 2026-Q4; 2026-12-31T23:30Z is already 2027 in Zurich, so Q4 excludes it.
    const q4 = await quarterlyReport(t.database.db, undefined, new Date('2026-11-27T12:00:00Z'));
    expect(q4.quarter).toBe('2026-Q4');
    expect(q4.from).toBe('2026-09-30T22:00:00.000Z');
    expect(q4.to).toBe('2026-12-31T23:00:00.000Z');
    const mine = q4.items.filter((i) => i.partner.name.startsWith(tag));
    expect(mine.map((i) => [i.partner.name, i.covered])).toEqual([
      [planned.name, false],
      [none.name, false],
      [covered.name, true],
    ]);
    expect(mine.find((i) => i.covered)!.meetings.map((m) => m.startsAt)).toEqual(['2026-11-05T09:00:00.000Z']);
    expect(mine.map((i) => i.partner.id)).not.toContain(standard.id);
    expect(mine.map((i) => i.partner.id)).not.toContain(paused.id);

    const q1 = await get('/api/meetings/quarterly?quarter=2027-Q1', as.viewer);
    expect(q1.statusCode, q1.body).toBe(200);
    const q1Mine = q1.json().items.filter((i: { partner: { name: string } }) => i.partner.name.startsWith(tag));
    expect(q1Mine.find((i: { partner: { id: string } }) => i.partner.id === planned.id).covered).toBe(true);
    expect((await get('/api/meetings/quarterly?quarter=2026-Q5')).statusCode).toBe(400);
  });
});
