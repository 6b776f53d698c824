import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { createTestApp, makeUser, type TestApp } from '../../../../tests/support/app.js';
import { actorsFor, requestsAs, type Actors } from '../../../../tests/support/actors.js';
import { grantCertification, makeCertification, makeProgram } from '../../../../tests/support/compliance.js';
import { unique } from '../../../../tests/support/factories.js';
import { auditLog, certificationRenewal, notification, user, userCertification } from '../../db/schema/index.js';
import { runReminders } from '../../jobs/reminders.js';
import { calendarSources } from '../calendar/index.js';
import { addDays, zurichDate } from '../../../shared/days.js';

let t: TestApp;
let as: Actors;

beforeAll(async () => {
  t = await createTestApp();
  as = await actorsFor(t);
});
afterAll(() => t.close());

const { get, post, patch } = requestsAs(() => as.admin);
const holdingCount = async () => (await t.database.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(userCertification))[0]!.n;
const today = () => zurichDate(new Date());

describe('colleagues’ certifications', () => {
  it('derive the expiry from the catalogue (CKA 24 months; 36 months from a 31st), take an override, and re-derive when the obtained day changes', async () => {
    const cka = await makeCertification(t, null, { name: unique('CKA'), examCode: 'CKA', validityMonths: 24, category: 'professional' });
    const created = await post(
      '/api/user-certifications',
      { certificationId: cka.id, obtainedOn: '2024-04-01', credentialId: 'LF-abc123', credentialUrl: 'https://ti-user-certificates.s3.amazonaws.com/abc.pdf' },
      as.member,
    );
    expect(created.statusCode, created.body).toBe(201);
    const h = created.json();
    expect(h).toMatchObject({
      user: { id: as.member.id, name: as.member.name },
      status: 'obtained',
      obtainedOn: '2024-04-01',
      expiresOn: '2026-04-01',
      expiryOverridden: false,
      effectiveExpiresOn: '2026-04-01',
      credentialId: 'LF-abc123',
      createdBy: { id: as.member.id },
    });
    expect(h.certification).toMatchObject({ id: cka.id, examCode: 'CKA', validityMonths: 24 });

    const aws = await makeCertification(t, null, { validityMonths: 36 });
    const eom = await post('/api/user-certifications', { certificationId: aws.id, obtainedOn: '2024-01-31' }, as.member);
    expect(eom.json()).toMatchObject({ expiresOn: '2027-01-31', expiryOverridden: false });

    const moved = await patch(`/api/user-certifications/${h.id}`, { version: 1, obtainedOn: '2024-08-31' }, as.member);
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ obtainedOn: '2024-08-31', expiresOn: '2026-08-31', expiryOverridden: false, version: 2 });

    const overridden = await patch(`/api/user-certifications/${h.id}`, { version: 2, expiresOn: '2026-12-31' }, as.member);
    expect(overridden.json()).toMatchObject({ expiresOn: '2026-12-31', expiryOverridden: true });
    // An override stays when the obtained day moves; null drops it and derives again.
    expect((await patch(`/api/user-certifications/${h.id}`, { version: 3, obtainedOn: '2024-09-01' }, as.member)).json()).toMatchObject({
      expiresOn: '2026-12-31',
      expiryOverridden: true,
    });
    expect((await patch(`/api/user-certifications/${h.id}`, { version: 4, expiresOn: null }, as.member)).json()).toMatchObject({
      expiresOn: '2026-09-01',
      expiryOverridden: false,
    });

    const stale = await patch(`/api/user-certifications/${h.id}`, { version: 1, notes: 'Lost update' }, as.member);
    expect(stale.statusCode).toBe(409);
    const given = await post('/api/user-certifications', { certificationId: cka.id, obtainedOn: '2024-04-01', expiresOn: '2027-04-01' }, as.member);
    expect(given.json()).toMatchObject({ expiresOn: '2027-04-01', expiryOverridden: true });

    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'user_certification'), eq(auditLog.entityId, h.id)))
      .orderBy(auditLog.at);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'update', 'update', 'update']);
  });

  it('refuse an expiry before the obtained day, an unknown or archived certification, a deactivated colleague and incomplete statuses: 400 naming the field, nothing written', async () => {
    const cert = await makeCertification(t);
    const archived = await makeCertification(t, null, { archivedAt: new Date() });
    const [gone] = await t.database.db
      .update(user)
      .set({ deactivatedAt: new Date() })
      .where(eq(user.id, (await makeUser(t, 'member')).id))
      .returning();
    const before = await holdingCount();
    const cases: [Record<string, unknown>, string][] = [
      [{ certificationId: cert.id, obtainedOn: '2025-03-10', expiresOn: '2025-03-09' }, 'body.expiresOn'],
      [{ certificationId: '00000000-0000-4000-8000-000000000000', obtainedOn: '2025-03-10' }, 'body.certificationId'],
      [{ certificationId: archived.id, obtainedOn: '2025-03-10' }, 'body.certificationId'],
      [{ certificationId: cert.id, obtainedOn: '2025-03-10', userId: gone!.id }, 'body.userId'],
      [{ certificationId: cert.id, obtainedOn: '2025-03-10', userId: 'nobody-like-this' }, 'body.userId'],
      [{ certificationId: cert.id }, 'body.obtainedOn'],
      [{ certificationId: cert.id, obtainedOn: addDays(today(), 2) }, 'body.obtainedOn'],
      [{ certificationId: cert.id, status: 'planned' }, 'body.targetOn'],
      [{ certificationId: cert.id, status: 'planned', targetOn: '2027-01-10', obtainedOn: '2025-01-01' }, 'body.obtainedOn'],
      [{ certificationId: cert.id, obtainedOn: '2025-02-30' }, 'body.obtainedOn'],
      [{ certificationId: cert.id, obtainedOn: '2025-03-10', credentialUrl: 'javascript:alert(1)' }, 'body.credentialUrl'],
    ];
    for (const [body, path] of cases) {
      const res = await post('/api/user-certifications', body, as.manager);
      expect(res.statusCode, `${JSON.stringify(body)} ${res.body}`).toBe(400);
      expect(res.json().errors[0].path).toBe(path);
    }
    const ok = (await post('/api/user-certifications', { certificationId: cert.id, obtainedOn: '2025-03-10' }, as.manager)).json();
    const later = await patch(`/api/user-certifications/${ok.id}`, { version: 1, expiresOn: '2025-01-01' }, as.manager);
    expect(later.statusCode).toBe(400);
    expect(later.json().errors[0].path).toBe('body.expiresOn');
    expect(await holdingCount()).toBe(before + 1);
    expect((await get(`/api/user-certifications/${ok.id}`)).json().version).toBe(1);
  });

  it('members record their own only (403 for a colleague’s); managers and admins record anyone’s; viewers none', async () => {
    const cert = await makeCertification(t);
    const before = await holdingCount();
    const forOther = await post('/api/user-certifications', { userId: as.manager.id, certificationId: cert.id, obtainedOn: '2025-05-05' }, as.member);
    expect(forOther.statusCode).toBe(403);
    expect((await post('/api/user-certifications', { certificationId: cert.id, obtainedOn: '2025-05-05' }, as.viewer)).statusCode).toBe(403);
    expect(await holdingCount()).toBe(before);

    const own = await post('/api/user-certifications', { userId: as.member.id, certificationId: cert.id, obtainedOn: '2025-05-05' }, as.member);
    expect(own.statusCode, own.body).toBe(201);
    const byManager = await post('/api/user-certifications', { userId: as.admin.id, certificationId: cert.id, status: 'planned', targetOn: '2027-02-01' }, as.manager);
    expect(byManager.statusCode, byManager.body).toBe(201);
    expect(byManager.json()).toMatchObject({ user: { id: as.admin.id }, status: 'planned', state: 'planned', createdBy: { id: as.manager.id } });
    const byAdmin = await post('/api/user-certifications', { userId: as.manager.id, certificationId: cert.id, obtainedOn: '2025-01-05' }, as.admin);
    expect(byAdmin.statusCode).toBe(201);

    // A as.member may not change or archive a colleague's record either.
    expect((await patch(`/api/user-certifications/${byAdmin.json().id}`, { version: 1, notes: 'mine now' }, as.member)).statusCode).toBe(403);
    expect((await post(`/api/user-certifications/${byAdmin.json().id}/archive`, { version: 1 }, as.member)).statusCode).toBe(403);
    expect((await get(`/api/user-certifications/${byAdmin.json().id}`)).json()).toMatchObject({ version: 1, notes: null, archivedAt: null });

    // A planned exam, once passed: status and obtained day; the expiry is derived then.
    const passed = await patch(`/api/user-certifications/${byManager.json().id}`, { version: 1, status: 'obtained', obtainedOn: '2025-06-30' }, as.admin);
    expect(passed.statusCode, passed.body).toBe(200);
    expect(passed.json()).toMatchObject({ status: 'obtained', obtainedOn: '2025-06-30', expiresOn: '2028-06-30', targetOn: '2027-02-01' });
    const archived = await post(`/api/user-certifications/${own.json().id}/archive`, { version: 1 }, as.member);
    expect(archived.statusCode).toBe(200);
    expect((await get(`/api/user-certifications?userId=${as.member.id}&certificationId=${cert.id}`, as.viewer)).json().items).toEqual([]);
    expect((await get(`/api/user-certifications?userId=${as.member.id}&certificationId=${cert.id}&includeArchived=true`, as.viewer)).json().items).toHaveLength(1);
  });

  it('show the effective expiry after a renewal by the same colleague’s higher exam, and a state per holding', async () => {
    const program = await makeProgram(t);
    const saa = await makeCertification(t, program.id, { name: unique('Solutions Architect Associate'), examCode: 'SAA-C03' });
    const sap = await makeCertification(t, program.id, { name: unique('Solutions Architect Professional'), category: 'professional' });
    await t.database.db.insert(certificationRenewal).values({ certificationId: saa.id, renewedById: sap.id });
    const ann = await makeUser(t, 'member');
    const bob = await makeUser(t, 'member');
    const d = today();
    const annSaa = await grantCertification(t, ann.id, saa.id, addDays(d, -900), addDays(d, 40));
    await grantCertification(t, ann.id, sap.id, addDays(d, -100), addDays(d, 995));
    const bobSaa = await grantCertification(t, bob.id, saa.id, addDays(d, -900), addDays(d, 40));
    const bobOld = await grantCertification(t, bob.id, sap.id, addDays(d, -1200), addDays(d, -5));

    const items = (await get(`/api/user-certifications?programId=${program.id}`)).json().items as {
      id: string;
      effectiveExpiresOn: string;
      state: string;
      renewedVia: { name: string } | null;
    }[];
    const of = (id: string) => items.find((i) => i.id === id)!;
    expect(of(annSaa.id)).toMatchObject({ effectiveExpiresOn: addDays(d, 995), state: 'current', renewedVia: { name: sap.name } });
    expect(of(bobSaa.id)).toMatchObject({ effectiveExpiresOn: addDays(d, 40), state: 'expiring', renewedVia: null });
    expect(of(bobOld.id)).toMatchObject({ state: 'expired' });
    // Filters: by state, by effective expiry.
    expect((await get(`/api/user-certifications?programId=${program.id}&state=expiring`)).json().items.map((i: { id: string }) => i.id)).toEqual([bobSaa.id]);
    expect(
      (await get(`/api/user-certifications?programId=${program.id}&expiresBefore=${addDays(d, 100)}`))
        .json()
        .items.map((i: { id: string }) => i.id)
        .sort(),
    ).toEqual([bobSaa.id, bobOld.id].sort());
  });
});

describe('the matrix', () => {
  it('has a row per active colleague and a column per certification held, with state; its CSV parses, guards formulas and names the file by day', async () => {
    const program = await makeProgram(t, { name: unique('Matrix programme') });
    const cka = await makeCertification(t, program.id, { name: 'Certified Kubernetes Administrator', examCode: 'CKA', validityMonths: 24 });
    const ckad = await makeCertification(t, program.id, { name: '=HYPERLINK("http://evil.example")', examCode: null });
    const unheld = await makeCertification(t, program.id, { name: 'Nobody has this' });
    const eve = await makeUser(t, 'member', { name: `=cmd|' /C calc'!A0 ${process.pid}` });
    const fay = await makeUser(t, 'member', { name: `Fay Matrix ${process.pid}` });
    const d = today();
    await grantCertification(t, eve.id, cka.id, addDays(d, -700), addDays(d, 30));
    await grantCertification(t, fay.id, cka.id, addDays(d, -800), addDays(d, -70));
    // A retake speaks for Fay now, not her expired first pass.
    await grantCertification(t, fay.id, cka.id, addDays(d, -10), addDays(d, 720));
    await t.database.db.insert(userCertification).values({ userId: fay.id, certificationId: ckad.id, status: 'planned', targetOn: addDays(d, 60) });

    const res = await get(`/api/certifications/matrix?programId=${program.id}`, as.viewer);
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json();
    expect(m.today).toBe(d);
    expect(m.certifications.map((c: { id: string }) => c.id)).toEqual(
      [ckad.id, cka.id, unheld.id].sort((a, b) =>
        [ckad, cka, unheld]
          .find((c) => c.id === a)!
          .name.toLowerCase()
          .localeCompare([ckad, cka, unheld].find((c) => c.id === b)!.name.toLowerCase()),
      ),
    );
    expect(m.users.map((u: { id: string }) => u.id)).toEqual(expect.arrayContaining([eve.id, fay.id, as.admin.id]));
    const cell = (userId: string, certId: string) => m.cells.find((c: { userId: string; certificationId: string }) => c.userId === userId && c.certificationId === certId);
    expect(cell(eve.id, cka.id)).toMatchObject({ state: 'expiring', effectiveExpiresOn: addDays(d, 30) });
    expect(cell(fay.id, cka.id)).toMatchObject({ state: 'current', effectiveExpiresOn: addDays(d, 720) });
    expect(cell(fay.id, ckad.id)).toMatchObject({ state: 'planned', targetOn: addDays(d, 60) });
    expect(cell(eve.id, unheld.id)).toBeUndefined();
    // Unfiltered: only certifications someone holds or plans.
    const all = (await get('/api/certifications/matrix')).json();
    expect(all.certifications.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining([cka.id, ckad.id]));
    expect(all.certifications.map((c: { id: string }) => c.id)).not.toContain(unheld.id);

    const csv = await get(`/api/certifications/matrix.csv?programId=${program.id}`, as.member);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="certifications-${d}.csv"`);
    const rows = parse(csv.body, { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([
      'colleague',
      ...m.certifications.map((c: { name: string; examCode: string | null }) => (c.name.startsWith('=') ? `'${c.name}` : c.examCode ? `${c.name} (${c.examCode})` : c.name)),
    ]);
    const fayRow = rows.find((r) => r.colleague === fay.name)!;
    expect(fayRow['Certified Kubernetes Administrator (CKA)']).toBe(addDays(d, 720));
    expect(fayRow[`'${ckad.name}`]).toBe(`planned ${addDays(d, 60)}`);
    expect(fayRow['Nobody has this']).toBe('');
    const eveRow = rows.find((r) => r.colleague === `'${eve.name}`)!;
    expect(eveRow['Certified Kubernetes Administrator (CKA)']).toBe(addDays(d, 30));
    expect(rows.some((r) => r.colleague === eve.name)).toBe(false);
  });
});

describe('reminders and calendar', () => {
  // Friday 27 November 2026, 09:30 in Zurich.
  const NOW = new Date('2026-11-27T08:30:00Z');
  const deps = () => ({ db: t.database.db, mailer: null, baseUrl: t.config.baseUrl, secret: 'test-secret-test-secret-test-secret' });
  const inbox = (userId: string) =>
    t.database.db
      .select()
      .from(notification)
      .where(and(eq(notification.userId, userId), eq(notification.kind, 'certification_expiring')))
      .orderBy(notification.dedupeKey);

  it('remind the holder 90 and 30 days before the effective expiry, once each; renewed, expired and far-off ones stay quiet', async () => {
    const program = await makeProgram(t);
    const low = await makeCertification(t, program.id, { name: unique('Associate') });
    const high = await makeCertification(t, program.id, { name: unique('Professional') });
    await t.database.db.insert(certificationRenewal).values({ certificationId: low.id, renewedById: high.id });
    const far = await makeCertification(t, program.id, { name: unique('Far') });
    const kim = await makeUser(t, 'member');
    const lee = await makeUser(t, 'member');
    const in85 = await grantCertification(t, kim.id, low.id, '2024-02-20', '2027-02-20');
    const in23 = await grantCertification(t, kim.id, far.id, '2024-12-20', '2026-12-20');
    await grantCertification(t, kim.id, high.id, '2023-01-10', '2026-11-01');
    await grantCertification(t, lee.id, low.id, '2024-02-20', '2027-02-20');
    await grantCertification(t, lee.id, high.id, '2025-01-10', '2028-01-10');
    await grantCertification(t, lee.id, far.id, '2025-06-01', '2027-06-01');

    await runReminders(deps(), NOW);
    await runReminders(deps(), NOW);
    const got = await inbox(kim.id);
    expect(got.map((n) => n.dedupeKey)).toEqual([`certification_expiring:${in23.id}:30:2026-12-20`, `certification_expiring:${in85.id}:90:2027-02-20`].sort());
    expect(got.find((n) => n.dedupeKey.includes(in23.id))!.title).toBe(`${far.name} expires in 23 days`);
    expect(got[0]!.link).toBe('/certifications');
    expect(await inbox(lee.id)).toEqual([]);

    // 26 days before: the 30-day reminder, once.
    const later = new Date('2027-01-25T08:30:00Z');
    await runReminders(deps(), later);
    await runReminders(deps(), later);
    expect((await inbox(kim.id)).map((n) => n.dedupeKey)).toContain(`certification_expiring:${in85.id}:30:2027-02-20`);
    expect((await inbox(kim.id)).filter((n) => n.dedupeKey.includes(in85.id))).toHaveLength(2);
  });

  it('the user feed shows each expiry and planned exam of theirs, with a stable uid', async () => {
    const cert = await makeCertification(t, null, { name: unique('Feed cert') });
    const planned = await makeCertification(t, null, { name: unique('Planned cert') });
    const ron = await makeUser(t, 'member');
    const h = await grantCertification(t, ron.id, cert.id, '2025-03-01', '2028-03-01');
    const [p] = await t.database.db.insert(userCertification).values({ userId: ron.id, certificationId: planned.id, status: 'planned', targetOn: '2027-03-15' }).returning();
    await grantCertification(t, as.admin.id, cert.id, '2025-03-01', '2028-03-01');
    const source = calendarSources.find((s) => s.name === 'certifications')!;
    const events = await source.deadlines(t.database.db, { kind: 'user', userId: ron.id }, NOW);
    expect(events.map((e) => [e.uid, e.date, e.title]).sort()).toEqual(
      [
        [`certification-${h.id}@partnerhub`, '2028-03-01', `Certification expires: ${cert.name}`],
        [`certification-exam-${p!.id}@partnerhub`, '2027-03-15', `Exam: ${planned.name}`],
      ].sort(),
    );
    expect(await source.deadlines(t.database.db, { kind: 'partner', partnerId: '00000000-0000-4000-8000-000000000000' }, NOW)).toEqual([]);
  });
});
