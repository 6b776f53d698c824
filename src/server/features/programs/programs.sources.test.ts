import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { createTestApp, makeUser, type TestApp } from '../../../../tests/support/app.js';
import { addTeamMember, makePartner } from '../../../../tests/support/factories.js';
import { grantCertification, makeCertification, makeLevel, makeProgram } from '../../../../tests/support/compliance.js';
import { notification, partnerProgram } from '../../db/schema/index.js';
import { runReminders } from '../../jobs/reminders.js';
import { calendarSources } from '../calendar/index.js';
import type { User } from '../../../shared/schemas/user.js';
import { alertDays, dueAlert } from './programs.sources.js';
import { addDays, zurichDate } from '../../../shared/days.js';
import { insertRequirements } from './programs.requirements.js';

let t: TestApp;
let owner: User;
let mate: User;
let stranger: User;
let partnerId: string;
let programId: string;
let orphanId: string;
let manager: User;

beforeAll(async () => {
  t = await createTestApp();
  owner = await makeUser(t, 'member', { name: 'Olga Owner' });
  mate = await makeUser(t, 'member', { name: 'Toni Team' });
  stranger = await makeUser(t, 'member');
  manager = await makeUser(t, 'manager');
  partnerId = (await makePartner(t, { ownerId: owner.id })).id;
  await addTeamMember(t, partnerId, mate.id, 'technical_lead');

  // KCSP: 3 CKA holders, the third's expires 2026-04-01, so we fall below on 2026-04-02.
  // Recorded long before the days the tests look at.
  const createdAt = new Date('2024-04-02T08:00:00Z');
  const make = async (name: string, linked: string | null) => {
    const p = await makeProgram(t, { name, vendor: 'CNCF', partnerId: linked, nextReviewOn: '2026-02-01', createdAt });
    const cka = await makeCertification(t, p.id, { name: 'Certified Kubernetes Administrator', examCode: 'CKA', category: 'professional' });
    const level = await makeLevel(t, p.id, 1, { name: 'KCSP' });
    await insertRequirements(t.database.db, [{ levelId: level.id, counts: 'people', minCount: 3, certificationIds: [cka.id] }]);
    await t.database.db.update(partnerProgram).set({ heldLevelId: level.id }).where(eq(partnerProgram.id, p.id));
    for (const [who, expires] of [
      ['Paula One', '2027-05-01'],
      ['Peter Two', '2027-01-01'],
      ['Pia Three', '2026-04-01'],
    ] as const) {
      await grantCertification(t, (await makeUser(t, 'member', { name: who })).id, cka.id, '2024-04-01', expires, { createdAt });
    }
    return p.id;
  };
  programId = await make(`KCSP linked ${process.pid}`, partnerId);
  orphanId = await make(`KCSP unlinked ${process.pid}`, null);
});
afterAll(() => t.close());

const deps = () => ({ db: t.database.db, mailer: null, baseUrl: t.config.baseUrl, secret: 'test-secret-test-secret-test-secret' });
/** 09:00 in Zurich on `day`. */
const at = (day: string) => new Date(`${day}T08:00:00Z`);
const inbox = (userId: string, id: string) =>
  t.database.db
    .select({ kind: notification.kind, title: notification.title, body: notification.body, key: notification.dedupeKey, link: notification.link })
    .from(notification)
    .where(and(eq(notification.userId, userId), like(notification.dedupeKey, `%${id}%`)))
    .orderBy(notification.createdAt);

describe('level alerts', () => {
  it('picks the 90-day alert until 30 days before, then the 30-day one, none from the day itself', () => {
    expect(dueAlert('2026-04-02', '2026-01-01')).toBeNull();
    expect(dueAlert('2026-04-02', '2026-01-02')).toBe(90);
    expect(dueAlert('2026-04-02', '2026-03-02')).toBe(90);
    expect(dueAlert('2026-04-02', '2026-03-03')).toBe(30);
    expect(dueAlert('2026-04-02', '2026-04-01')).toBe(30);
    expect(dueAlert('2026-04-02', '2026-04-02')).toBeNull();
  });

  it('tells the partner owner 90 and 30 days before the fall below (once each), and about the vendor review 30 days before it', async () => {
    await runReminders(deps(), at('2026-01-01'));
    expect(await inbox(owner.id, programId)).toEqual([]);

    await runReminders(deps(), at('2026-01-02'));
    await runReminders(deps(), at('2026-01-03'));
    let got = await inbox(owner.id, programId);
    expect(got.map((n) => n.key).sort()).toEqual([`level_at_risk:${programId}:2026-04-02:90`, `level_review:${programId}:2026-02-01`]);
    const risk = got.find((n) => n.kind === 'level_at_risk')!;
    expect(risk).toMatchObject({ title: `KCSP linked ${process.pid}: KCSP at risk from Thu, 2 Apr 2026`, link: `/partners/${partnerId}/programs` });
    expect(risk.body).toBe("We fall below on Thu, 2 Apr 2026: Pia Three's Certified Kubernetes Administrator expires Wed, 1 Apr 2026");
    expect(got.find((n) => n.kind === 'level_review')!.title).toContain('the vendor reviews our level on Sun, 1 Feb 2026');
    // Managers hear of the unlinked programme only; the owner not of it.
    expect((await inbox(manager.id, orphanId)).map((n) => n.key).sort()).toEqual([`level_at_risk:${orphanId}:2026-04-02:90`, `level_review:${orphanId}:2026-02-01`]);
    expect(await inbox(manager.id, programId)).toEqual([]);
    expect(await inbox(owner.id, orphanId)).toEqual([]);
    expect(await inbox(stranger.id, programId)).toEqual([]);

    await runReminders(deps(), at('2026-03-03'));
    await runReminders(deps(), at('2026-03-20'));
    got = await inbox(owner.id, programId);
    expect(got.filter((n) => n.kind === 'level_at_risk').map((n) => n.key)).toEqual([`level_at_risk:${programId}:2026-04-02:90`, `level_at_risk:${programId}:2026-04-02:30`]);
    // On the day itself the level is lost: no more "at risk".
    await runReminders(deps(), at('2026-04-02'));
    expect((await inbox(owner.id, programId)).length).toBe(got.length);
  });
});

describe('calendar deadlines', () => {
  const source = () => calendarSources.find((s) => s.name === 'programs')!;

  it('puts the vendor review and the 90/30-day alert days into the partner feed and the feeds of its owner and team', async () => {
    const now = at('2026-01-10');
    const partnerFeed = await source().deadlines(t.database.db, { kind: 'partner', partnerId }, now);
    expect(partnerFeed.map((d) => `${d.date} ${d.title}`).sort()).toEqual([
      `2026-01-02 KCSP linked ${process.pid}: KCSP at risk from Thu, 2 Apr 2026`,
      `2026-02-01 KCSP linked ${process.pid}: vendor's level review`,
      `2026-03-03 KCSP linked ${process.pid}: KCSP at risk from Thu, 2 Apr 2026`,
    ]);
    expect(new Set(partnerFeed.map((d) => d.uid)).size).toBe(3);
    expect(partnerFeed.every((d) => d.path === `/partners/${partnerId}/programs`)).toBe(true);
    for (const who of [owner, mate]) {
      const mine = await source().deadlines(t.database.db, { kind: 'user', userId: who.id }, now);
      expect(mine.map((d) => d.uid).sort()).toEqual(partnerFeed.map((d) => d.uid).sort());
    }
    expect(await source().deadlines(t.database.db, { kind: 'user', userId: stranger.id }, now)).toEqual([]);
  });

  it('dates no alert before the records behind it existed: the 90-day one is left out, the 30-day one the reminders send late falls on the day they were recorded', () => {
    expect(alertDays('2026-04-02', '2025-01-01')).toEqual([
      { days: 90, date: '2026-01-02' },
      { days: 30, date: '2026-03-03' },
    ]);
    expect(alertDays('2026-04-02', '2026-02-10')).toEqual([
      { days: 90, date: '2026-02-10' },
      { days: 30, date: '2026-03-03' },
    ]);
    expect(alertDays('2026-04-02', '2026-03-13')).toEqual([{ days: 30, date: '2026-03-13' }]);
    expect(alertDays('2026-04-02', '2026-04-02')).toEqual([]);
  });

  it('shows a certification recorded today that expires in 20 days as an alert today, not 70 days ago', async () => {
    const now = new Date();
    const today = zurichDate(now);
    const p2 = (await makePartner(t, { ownerId: owner.id })).id;
    const p = await makeProgram(t, { name: `KCSP fresh ${process.pid}`, vendor: 'CNCF', partnerId: p2 });
    const cka = await makeCertification(t, p.id, { name: 'Certified Kubernetes Administrator', examCode: 'CKA', category: 'professional' });
    const level = await makeLevel(t, p.id, 1, { name: 'KCSP' });
    await insertRequirements(t.database.db, [{ levelId: level.id, counts: 'people', minCount: 1, certificationIds: [cka.id] }]);
    await t.database.db.update(partnerProgram).set({ heldLevelId: level.id }).where(eq(partnerProgram.id, p.id));
    await grantCertification(t, mate.id, cka.id, addDays(today, -1000), addDays(today, 20));

    const feed = await source().deadlines(t.database.db, { kind: 'partner', partnerId: p2 }, now);
    const alerts = feed.filter((d) => d.title.includes('at risk'));
    expect(alerts.map((d) => d.date)).toEqual([today]);
    expect(alerts[0]!.uid).toBe(`program-risk-${p.id}-${addDays(today, 21)}-30@partnerhub`);
  });
});
