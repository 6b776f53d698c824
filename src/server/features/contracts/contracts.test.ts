import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, makeUser, type TestApp } from '../../../../tests/support/app.js';
import { actorsFor, requestsAs, type Actors } from '../../../../tests/support/actors.js';
import { addTeamMember, makePartner, unique } from '../../../../tests/support/factories.js';
import { auditLog, contract, notification, user } from '../../db/schema/index.js';
import { calendarSources } from '../calendar/index.js';
import { notify } from '../notifications/index.js';
import { reminderSources } from '../../jobs/reminder-sources.js';
import './contracts.sources.js';

let t: TestApp;
let as: Actors<'manager' | 'member' | 'viewer'>;

beforeAll(async () => {
  t = await createTestApp();
  as = await actorsFor(t, { roles: ['manager', 'member', 'viewer'] });
});
afterAll(() => t.close());
afterEach(() => vi.useRealTimers());

const { get, post, patch } = requestsAs(() => as.manager);

/** Freezes only the clock (timers keep running, so requests still complete); 10:00 in Zurich. */
function today(day: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${day}T09:00:00Z`));
}

async function create(body: Record<string, unknown>, token = as.manager) {
  const res = await post('/api/contracts', { type: 'reseller_agreement', title: unique('Contract'), ...body }, token);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const countTitled = async (title: string) => (await t.database.db.select({ id: contract.id }).from(contract).where(eq(contract.title, title))).length;

describe('contracts', () => {
  it('creates, reads, lists and changes a contract with its computed notice deadline, and audits each change', async () => {
    today('2026-11-27');
    const p = await makePartner(t, { name: unique('Nimbus Cloud') });
    const c = await create({
      partnerId: p.id,
      type: 'partner_agreement',
      title: 'Nimbus partner agreement',
      parties: ['Partnerhub AG', ' Nimbus Cloud GmbH '],
      status: 'active',
      signedOn: '2025-01-20',
      startsOn: '2025-02-01',
      endsOn: '2027-05-31',
      autoRenew: true,
      renewalTermMonths: 12,
      noticePeriodCount: 3,
      noticePeriodUnit: 'months',
      valueMinor: 1_250_050,
      currency: 'chf',
      ownerId: as.member.id,
      clauses: ['confidentiality', 'audit_rights', 'confidentiality'],
      notes: 'Framework for resale of Nimbus compute.',
    });
    expect(c).toMatchObject({
      partner: { id: p.id, name: p.name },
      parties: ['Partnerhub AG', 'Nimbus Cloud GmbH'],
      currency: 'CHF',
      valueMinor: 1_250_050,
      owner: { id: as.member.id, name: as.member.name },
      clauses: ['confidentiality', 'audit_rights'],
      noticeState: 'renews',
      currentTermEnd: '2027-05-31',
      noticeDeadline: '2027-02-28',
      daysToNotice: 93,
      version: 1,
      archivedAt: null,
    });
    expect((await get(`/api/contracts/${c.id}`, as.viewer)).json()).toEqual(c);

    const listed = (await get(`/api/contracts?partnerId=${p.id}`, as.viewer)).json();
    expect(listed).toMatchObject({ total: 1, items: [{ id: c.id, noticeDeadline: '2027-02-28' }] });

    const changed = await patch(`/api/contracts/${c.id}`, { version: 1, noticePeriodCount: 30, noticePeriodUnit: 'days', status: 'active' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ version: 2, noticeDeadline: '2027-05-01', daysToNotice: 155 });

    const trail = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'contract'), eq(auditLog.entityId, c.id)))
      .orderBy(auditLog.at);
    expect(trail.map((a) => a.action)).toEqual(['create', 'update']);
    expect(trail[1]!.changes).toEqual({ noticePeriodCount: { from: 3, to: 30 }, noticePeriodUnit: { from: 'months', to: 'days' } });
  });

  it('moves an auto-renewing contract on to the next term once the deadline has passed', async () => {
    const p = await makePartner(t);
    const c = await create({ partnerId: p.id, status: 'active', endsOn: '2025-01-31', autoRenew: true, renewalTermMonths: 12, noticePeriodCount: 3, noticePeriodUnit: 'months' });
    today('2025-10-31');
    expect((await get(`/api/contracts/${c.id}`)).json()).toMatchObject({ currentTermEnd: '2026-01-31', noticeDeadline: '2025-10-31', daysToNotice: 0 });
    today('2025-11-01');
    expect((await get(`/api/contracts/${c.id}`)).json()).toMatchObject({ currentTermEnd: '2027-01-31', noticeDeadline: '2026-10-31', daysToNotice: 364 });
  });

  it('lists upcoming notice deadlines first, and filters by deadline, type, status and text', async () => {
    today('2026-11-27');
    const p = await makePartner(t, { name: unique('Filter Partner') });
    const late = await create({ partnerId: p.id, type: 'msa', title: unique('Late'), status: 'active', endsOn: '2027-12-31', noticePeriodCount: 3, noticePeriodUnit: 'months' });
    const soon = await create({
      partnerId: p.id,
      type: 'nda',
      title: unique('Soon'),
      status: 'active',
      endsOn: '2027-01-31',
      noticePeriodCount: 30,
      noticePeriodUnit: 'days',
      parties: ['Zebra Holding SA'],
    });
    const none = await create({ partnerId: p.id, type: 'msa', title: unique('Open-ended'), status: 'draft' });
    const passed = await create({
      partnerId: p.id,
      type: 'sla',
      title: unique('Passed'),
      status: 'active',
      endsOn: '2026-12-15',
      noticePeriodCount: 1,
      noticePeriodUnit: 'months',
    });
    const ids = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((i) => i.id);

    // Then those without a deadline ahead, by title ("Open-ended …" before "Passed …").
    expect(ids(await get(`/api/contracts?partnerId=${p.id}`))).toEqual([soon.id, late.id, none.id, passed.id]);
    // Deadline between today and the day: the passed one (2026-11-15) is no longer a deadline.
    expect(ids(await get(`/api/contracts?partnerId=${p.id}&noticeBefore=2027-03-01`))).toEqual([soon.id]);
    expect(ids(await get(`/api/contracts?partnerId=${p.id}&noticeBefore=2027-09-30`))).toEqual([soon.id, late.id]);
    expect(ids(await get(`/api/contracts?partnerId=${p.id}&type=msa&sort=title`))).toEqual([late.id, none.id]);
    expect(ids(await get(`/api/contracts?partnerId=${p.id}&status=draft`))).toEqual([none.id]);
    expect(ids(await get(`/api/contracts?partnerId=${p.id}&q=zebra`))).toEqual([soon.id]);
    expect((await get(`/api/contracts?partnerId=${p.id}&q=filter%20partner`)).json().total).toBe(4);
    const paged = (await get(`/api/contracts?partnerId=${p.id}&pageSize=1&page=2`)).json();
    expect(paged).toMatchObject({ total: 4, page: 2, items: [{ id: late.id }] });
  });

  it('refuses bad input with a 400 naming the field, and writes nothing', async () => {
    const p = await makePartner(t);
    const base = { partnerId: p.id, type: 'nda' };
    const cases: [Record<string, unknown>, string][] = [
      [{ startsOn: '2027-01-01', endsOn: '2026-12-31' }, 'body.endsOn'],
      [{ autoRenew: true, endsOn: '2027-01-01' }, 'body.renewalTermMonths'],
      [{ autoRenew: true, renewalTermMonths: 12 }, 'body.endsOn'],
      [{ noticePeriodCount: 3 }, 'body.noticePeriodUnit'],
      [{ noticePeriodUnit: 'months' }, 'body.noticePeriodCount'],
      [{ valueMinor: 1000 }, 'body.currency'],
      [{ valueMinor: 1000, currency: 'XYZ' }, 'body.currency'],
      [{ valueMinor: 1000, currency: 'francs' }, 'body.currency'],
      [{ valueMinor: -1, currency: 'CHF' }, 'body.valueMinor'],
      [{ valueMinor: 10.5, currency: 'CHF' }, 'body.valueMinor'],
      [{ ownerId: 'no-such-user' }, 'body.ownerId'],
      [{ parties: Array.from({ length: 11 }, (_, i) => `Party ${i}`) }, 'body.parties'],
      [{ parties: ['x'.repeat(201)] }, 'body.parties.0'],
      [{ clauses: ['world_peace'] }, 'body.clauses.0'],
      [{ type: 'handshake' }, 'body.type'],
      [{ partnerId: crypto.randomUUID() }, 'body.partnerId'],
      [{ renewalTermMonths: 121 }, 'body.renewalTermMonths'],
    ];
    for (const [body, path] of cases) {
      const title = unique('Rejected');
      const res = await post('/api/contracts', { ...base, title, ...body });
      expect(res.statusCode, `${JSON.stringify(body)}: ${res.body}`).toBe(400);
      expect(
        res.json().errors.map((e: { path: string }) => e.path),
        JSON.stringify(body),
      ).toContain(path);
      expect(await countTitled(title)).toBe(0);
    }

    // An update is checked as the contract would be after it.
    const c = await create({ ...base, endsOn: '2027-06-30', noticePeriodCount: 2, noticePeriodUnit: 'months' });
    for (const [body, path] of [
      [{ startsOn: '2027-07-01' }, 'body.endsOn'],
      [{ noticePeriodUnit: null }, 'body.noticePeriodUnit'],
      [{ autoRenew: true }, 'body.renewalTermMonths'],
      [{ valueMinor: 5 }, 'body.currency'],
      [{ ownerId: 'nobody' }, 'body.ownerId'],
    ] as const) {
      const res = await patch(`/api/contracts/${c.id}`, { version: 1, ...body });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors[0].path).toBe(path);
    }
    expect((await get(`/api/contracts/${c.id}`)).json()).toMatchObject({ version: 1, startsOn: null, noticePeriodUnit: 'months', autoRenew: false, valueMinor: null, owner: null });
  });

  it('refuses a stale version with 409 and keeps the newer change', async () => {
    const c = await create({ partnerId: (await makePartner(t)).id });
    expect((await patch(`/api/contracts/${c.id}`, { version: 1, title: 'First edit' })).statusCode).toBe(200);
    const stale = await patch(`/api/contracts/${c.id}`, { version: 1, title: 'Second edit' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    expect((await post(`/api/contracts/${c.id}/archive`, { version: 1 })).statusCode).toBe(409);
    expect((await get(`/api/contracts/${c.id}`)).json()).toMatchObject({ title: 'First edit', version: 2, archivedAt: null });
  });

  it('archives and restores; an archived contract is left out of lists and cannot be edited', async () => {
    const p = await makePartner(t);
    const c = await create({ partnerId: p.id });
    const archived = await post(`/api/contracts/${c.id}/archive`, { version: 1 });
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json().archivedAt).not.toBeNull();
    expect((await get(`/api/contracts?partnerId=${p.id}`)).json().total).toBe(0);
    expect((await get(`/api/contracts?partnerId=${p.id}&archived=true`)).json().items[0].id).toBe(c.id);
    expect((await patch(`/api/contracts/${c.id}`, { version: 2, title: 'Edited' })).statusCode).toBe(409);
    const restored = await post(`/api/contracts/${c.id}/restore`, { version: 2 });
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json()).toMatchObject({ archivedAt: null, version: 3 });
  });

  it('lets members write contracts only of partners they own or are on the team of; viewers only read', async () => {
    const own = await makePartner(t, { ownerId: as.member.id });
    const team = await makePartner(t);
    await addTeamMember(t, team.id, as.member.id);
    const other = await makePartner(t);
    await create({ partnerId: own.id }, as.member);
    const mine = await create({ partnerId: team.id }, as.member);
    const title = unique('Not mine');
    const refused = await post('/api/contracts', { partnerId: other.id, type: 'nda', title }, as.member);
    expect(refused.statusCode).toBe(403);
    expect(await countTitled(title)).toBe(0);

    const theirs = await create({ partnerId: other.id });
    expect((await patch(`/api/contracts/${theirs.id}`, { version: 1, title: 'Hijacked' }, as.member)).statusCode).toBe(403);
    expect((await post(`/api/contracts/${theirs.id}/archive`, { version: 1 }, as.member)).statusCode).toBe(403);
    expect((await patch(`/api/contracts/${mine.id}`, { version: 1, title: 'Renamed' }, as.member)).statusCode).toBe(200);
    expect((await post('/api/contracts', { partnerId: own.id, type: 'nda', title: unique('Viewer') }, as.viewer)).statusCode).toBe(403);
    expect((await get(`/api/contracts/${theirs.id}`, as.member)).json().title).toBe(theirs.title);
  });

  it('refuses contracts on an archived partner', async () => {
    const p = await makePartner(t, { archivedAt: new Date() });
    const res = await post('/api/contracts', { partnerId: p.id, type: 'nda', title: unique('Archived partner') });
    expect(res.statusCode).toBe(409);
  });
});

describe('contract notice reminders', () => {
  const source = () => reminderSources.find((s) => s.name === 'contract-notice')!;
  const activeIds = async () => new Set((await t.database.db.select({ id: user.id }).from(user)).map((u) => u.id));

  async function run(day: string) {
    const now = new Date(`${day}T07:00:00Z`);
    const candidates = await source().candidates(t.database.db, now, { today: day, active: await activeIds(), localeOf: () => 'en' });
    return notify(t.database.db, candidates, now);
  }

  it('alert the owner 90, 30 and 7 days before the notice deadline and on the day, each once', async () => {
    const owner = await makeUser(t, 'member');
    const partnerOwner = await makeUser(t, 'manager');
    const p = await makePartner(t, { name: unique('Reminded'), ownerId: partnerOwner.id });
    // Deadline 2027-02-28 (31 May − 3 months).
    const c = await create({
      partnerId: p.id,
      title: unique('Alerted'),
      status: 'active',
      endsOn: '2027-05-31',
      noticePeriodCount: 3,
      noticePeriodUnit: 'months',
      ownerId: owner.id,
    });
    const mine = async () =>
      (
        await t.database.db
          .select()
          .from(notification)
          .where(and(eq(notification.userId, owner.id), eq(notification.kind, 'contract_notice')))
      )
        .map((n) => n.dedupeKey)
        .sort();

    await run('2026-11-29'); // 91 days before: nothing yet
    expect(await mine()).toEqual([]);
    const first = await run('2026-11-30'); // 90 days
    expect(first.filter((n) => n.userId === owner.id)).toMatchObject([{ title: `Notice deadline in 90 days: ${c.title} (${p.name})`, link: `/contracts/${c.id}` }]);
    await run('2026-12-01');
    await run('2026-12-15');
    expect(await mine()).toEqual([`contract_notice:${c.id}:2027-02-28:90`]);
    await run('2027-01-29'); // 30 days
    await run('2027-02-21'); // 7 days
    await run('2027-02-25');
    await run('2027-02-28'); // the day
    await run('2027-02-28');
    await run('2027-03-01'); // past: nothing more
    expect(await mine()).toEqual(['90', '30', '7', '0'].map((d) => `contract_notice:${c.id}:2027-02-28:${d}`).sort());
    const onTheDay = await t.database.db
      .select()
      .from(notification)
      .where(eq(notification.dedupeKey, `contract_notice:${c.id}:2027-02-28:0`));
    expect(onTheDay[0]!.title).toBe(`Notice deadline today: ${c.title} (${p.name})`);
    expect(onTheDay[0]!.body).toContain('Ends on Mon, 31 May 2027; notice by Sun, 28 Feb 2027');
  });

  it('go to the partner owner when the contract has no owner, and skip drafts and archived contracts', async () => {
    const partnerOwner = await makeUser(t, 'manager');
    const p = await makePartner(t, { ownerId: partnerOwner.id });
    const c = await create({ partnerId: p.id, status: 'active', endsOn: '2027-01-10', noticePeriodCount: 10, noticePeriodUnit: 'days' });
    const draft = await create({ partnerId: p.id, status: 'draft', endsOn: '2027-01-10', noticePeriodCount: 10, noticePeriodUnit: 'days' });
    const gone = await create({ partnerId: p.id, status: 'active', endsOn: '2027-01-10', noticePeriodCount: 10, noticePeriodUnit: 'days' });
    await post(`/api/contracts/${gone.id}/archive`, { version: 1 });
    await run('2026-12-31'); // deadline 2026-12-31: on the day
    const got = await t.database.db
      .select()
      .from(notification)
      .where(and(eq(notification.userId, partnerOwner.id), eq(notification.kind, 'contract_notice')));
    expect(got.map((n) => n.dedupeKey)).toEqual([`contract_notice:${c.id}:2026-12-31:0`]);
    expect(got.some((n) => n.dedupeKey.includes(draft.id))).toBe(false);
  });

  it('send the nearest threshold late when a contract comes in (or a run is missed) inside it, and start over for the next term', async () => {
    const owner = await makeUser(t, 'member');
    const p = await makePartner(t);
    // Deadline 2027-01-31 − 30 days = 2027-01-01; first seen 20 days before it.
    const c = await create({
      partnerId: p.id,
      status: 'active',
      endsOn: '2027-01-31',
      autoRenew: true,
      renewalTermMonths: 12,
      noticePeriodCount: 30,
      noticePeriodUnit: 'days',
      ownerId: owner.id,
    });
    const keys = async () => (await t.database.db.select().from(notification).where(eq(notification.userId, owner.id))).map((n) => n.dedupeKey).sort();
    await run('2026-12-12');
    await run('2026-12-20');
    expect(await keys()).toEqual([`contract_notice:${c.id}:2027-01-01:30`]);
    // After the deadline the contract renews to 2028-01-31: notice by 2028-01-01, 90 days ahead on 2027-10-03.
    await run('2027-01-02');
    await run('2027-10-03');
    expect(await keys()).toEqual([`contract_notice:${c.id}:2027-01-01:30`, `contract_notice:${c.id}:2028-01-01:90`]);
  });
});

describe('contract calendar deadlines', () => {
  const deadlines = (scope: Parameters<(typeof calendarSources)[number]['deadlines']>[1], day: string) =>
    calendarSources.find((s) => s.name === 'contracts')!.deadlines(t.database.db, scope, new Date(`${day}T09:00:00Z`));

  it('show the notice deadline and, for a contract that does not renew, its end, in the partner feed and the owner feed', async () => {
    const owner = await makeUser(t, 'member');
    const p = await makePartner(t, { name: unique('Calendar') });
    const fixed = await create({
      partnerId: p.id,
      title: 'Support SLA',
      status: 'active',
      endsOn: '2027-12-31',
      noticePeriodCount: 30,
      noticePeriodUnit: 'days',
      ownerId: owner.id,
    });
    const renewing = await create({
      partnerId: p.id,
      title: 'Reseller agreement',
      status: 'active',
      endsOn: '2025-03-31',
      autoRenew: true,
      renewalTermMonths: 12,
      noticePeriodCount: 1,
      noticePeriodUnit: 'months',
    });
    await create({ partnerId: p.id, title: 'Draft MSA', status: 'draft', endsOn: '2027-06-30', noticePeriodCount: 30, noticePeriodUnit: 'days', ownerId: owner.id });

    const partnerFeed = await deadlines({ kind: 'partner', partnerId: p.id }, '2026-11-27');
    expect(partnerFeed.map((d) => [d.date, d.title, d.path]).sort()).toEqual(
      [
        ['2027-12-01', `Notice deadline: Support SLA (${p.name})`, `/contracts/${fixed.id}`],
        ['2027-12-31', `Contract ends: Support SLA (${p.name})`, `/contracts/${fixed.id}`],
        // 2025-03-31 renewed twice: the term ending 2027-03-31, notice by 2027-02-28.
        ['2027-02-28', `Notice deadline: Reseller agreement (${p.name})`, `/contracts/${renewing.id}`],
      ].sort(),
    );
    const ownerFeed = await deadlines({ kind: 'user', userId: owner.id }, '2026-11-27');
    expect(ownerFeed.map((d) => d.uid).sort()).toEqual([`contract-end-${fixed.id}@partnerhub`, `contract-notice-${fixed.id}@partnerhub`]);
  });
});
