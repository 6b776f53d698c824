import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, makeUser, type TestApp } from '../../../../tests/support/app.js';
import { actorsFor, requestsAs, type Actors } from '../../../../tests/support/actors.js';
import { addTeamMember, makeContact, makePartner } from '../../../../tests/support/factories.js';
import { activity, contact, meetingTopic, partner, task } from '../../db/schema/index.js';
import type { User } from '../../../shared/schemas/user.js';
import { updateMeeting } from './meetings.minutes.js';

let t: TestApp;
let as: Actors<'manager' | 'member'>;
let colleague: User;

beforeAll(async () => {
  t = await createTestApp();
  as = await actorsFor(t, { roles: ['manager', 'member'] });
  colleague = await makeUser(t, 'member');
});
afterAll(() => t.close());

const { get, post, patch } = requestsAs(() => as.manager);

/** A monthly sync with one contact and one colleague, and its March meeting opened for minutes. */
async function openedMeeting() {
  const p = await makePartner(t, { importance: 'strategic', status: 'active', lastContactAt: null });
  const anna = await makeContact(t, p.id, { firstName: 'Anna', lastName: 'Meier' });
  const s = await post(`/api/partners/${p.id}/meeting-series`, {
    title: 'Monthly sync',
    cadence: 'monthly',
    startLocal: '2026-03-05T10:00',
    agendaTemplate: '1. Pipeline\n2. Certifications',
    userIds: [colleague.id],
    contactIds: [anna.id],
  });
  expect(s.statusCode, s.body).toBe(201);
  const opened = await post(`/api/meeting-series/${s.json().id}/occurrences`, { originalStart: '2026-03-05T09:00:00Z', action: 'open' });
  expect(opened.statusCode, opened.body).toBe(200);
  return { p, anna, series: s.json(), meeting: opened.json() };
}

describe('meeting minutes', () => {
  it('turn action items into tasks linked to the meeting, write a timeline entry and reset last contact', async () => {
    const { p, anna, meeting } = await openedMeeting();
    expect(meeting).toMatchObject({ status: 'planned', agendaTemplate: '1. Pipeline\n2. Certifications', topics: [], actionItems: [], activityId: null });
    expect(meeting.contacts).toEqual([{ id: anna.id, name: 'Anna Meier' }]);

    const res = await patch(`/api/meetings/${meeting.id}`, {
      version: meeting.version,
      notes: 'Good quarter; pipeline is healthy.',
      topics: [
        { kind: 'topic', title: 'New Kubernetes offering', notes: 'Launch in May', informTeam: true },
        { kind: 'decision', title: 'Joint webinar in June' },
      ],
      actionItems: [{ title: 'Send the price list', assigneeId: colleague.id, dueDate: '2026-03-12' }, { title: 'Book the webinar room' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json();
    expect(m.status).toBe('held');
    expect(m.topics.map((x: { kind: string; title: string; informTeam: boolean }) => [x.kind, x.title, x.informTeam])).toEqual([
      ['topic', 'New Kubernetes offering', true],
      ['decision', 'Joint webinar in June', false],
    ]);
    expect(m.actionItems).toMatchObject([
      { title: 'Send the price list', assignee: { id: colleague.id, name: colleague.name }, dueDate: '2026-03-12', status: 'open' },
      { title: 'Book the webinar room', assignee: null, dueDate: null, status: 'open' },
    ]);

    const tasks = await t.database.db.select().from(task).where(eq(task.meetingOccurrenceId, meeting.id));
    expect(tasks).toHaveLength(2);
    for (const row of tasks)
      expect(row).toMatchObject({ subjectType: 'meeting', subjectId: meeting.id, source: 'action_item', partnerId: p.id, status: 'open', createdBy: as.manager.id });

    // The timeline has the meeting, with who attended; it resets the contact cadence.
    const [entry] = await t.database.db.select().from(activity).where(eq(activity.id, m.activityId));
    expect(entry).toMatchObject({ partnerId: p.id, kind: 'meeting', summary: 'Monthly sync', important: true });
    expect(entry!.occurredAt.toISOString()).toBe('2026-03-05T09:00:00.000Z');
    expect(entry!.outcome).toContain('pipeline is healthy');
    expect(entry!.outcome).toContain('Joint webinar in June');
    const timeline = await get(`/api/activities/${m.activityId}`);
    expect(timeline.json().users.map((u: { id: string }) => u.id)).toEqual([colleague.id]);
    expect(timeline.json().contacts.map((c: { id: string }) => c.id)).toEqual([anna.id]);
    const [pr] = await t.database.db.select({ at: partner.lastContactAt }).from(partner).where(eq(partner.id, p.id));
    const [cr] = await t.database.db.select({ at: contact.lastContactAt }).from(contact).where(eq(contact.id, anna.id));
    expect(pr!.at?.toISOString()).toBe('2026-03-05T09:00:00.000Z');
    expect(cr!.at?.toISOString()).toBe('2026-03-05T09:00:00.000Z');

    // Editing the minutes replaces topics, keeps one timeline entry and adds only the new action items.
    const again = await patch(`/api/meetings/${meeting.id}`, {
      version: m.version,
      topics: [{ kind: 'decision', title: 'Webinar moved to July' }],
      actionItems: [{ title: 'Tell marketing' }],
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().activityId).toBe(m.activityId);
    expect(again.json().topics.map((x: { title: string }) => x.title)).toEqual(['Webinar moved to July']);
    expect(again.json().actionItems).toHaveLength(3);
    expect((await t.database.db.select().from(activity).where(eq(activity.partnerId, p.id))).length).toBe(1);
    const [after] = await t.database.db.select().from(activity).where(eq(activity.id, m.activityId));
    expect(after!.important).toBe(false);

    // The held meeting shows as held in the partner's list.
    const list = await get(`/api/partners/${p.id}/meetings?from=2026-03-01T00:00:00Z&to=2026-03-31T00:00:00Z`);
    expect(list.json().items).toMatchObject([{ id: meeting.id, status: 'held' }]);
  });

  it('refuses an unknown assignee with 400 naming the field, and writes nothing', async () => {
    const { meeting } = await openedMeeting();
    const res = await patch(`/api/meetings/${meeting.id}`, {
      version: meeting.version,
      notes: 'Should not be kept',
      topics: [{ title: 'Not kept either', informTeam: true }],
      actionItems: [{ title: 'Fine' }, { title: 'Who?', assigneeId: 'nobody-here' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('body.actionItems.1.assigneeId');
    const now = await get(`/api/meetings/${meeting.id}`);
    expect(now.json()).toMatchObject({ status: 'planned', notes: null, topics: [], actionItems: [], activityId: null, version: meeting.version });
    expect((await t.database.db.select().from(meetingTopic).where(eq(meetingTopic.occurrenceId, meeting.id))).length).toBe(0);
    expect((await t.database.db.select().from(task).where(eq(task.meetingOccurrenceId, meeting.id))).length).toBe(0);
  });

  it('waits for the meeting to start, refuses series fields on an occurrence, and lets only partner editors write', async () => {
    const { p, meeting } = await openedMeeting();
    const early = await updateMeeting(
      t.database.db,
      meeting.id,
      { version: meeting.version, notes: 'Too early' },
      { ...as.manager, role: 'manager', via: 'token' },
      new Date('2026-03-01T00:00:00Z'),
    ).catch((e) => e);
    expect(early.status).toBe(409);
    const title = await patch(`/api/meetings/${meeting.id}`, { version: meeting.version, title: 'Renamed' });
    expect(title.statusCode).toBe(400);
    expect(title.json().errors[0].path).toBe('body.title');
    const outsider = await patch(`/api/meetings/${meeting.id}`, { version: meeting.version, notes: 'x' }, as.member);
    expect(outsider.statusCode).toBe(403);
    await addTeamMember(t, p.id, as.member.id);
    const teamMember = await patch(`/api/meetings/${meeting.id}`, { version: meeting.version, notes: 'Held, notes by the team' }, as.member);
    expect(teamMember.statusCode, teamMember.body).toBe(200);
    const stale = await patch(`/api/meetings/${meeting.id}`, { version: meeting.version, notes: 'stale' });
    expect(stale.statusCode).toBe(409);
    const skip = await patch(`/api/meetings/${meeting.id}`, { version: teamMember.json().version, status: 'skipped' });
    expect(skip.statusCode).toBe(409);
  });
});
