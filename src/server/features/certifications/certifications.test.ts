import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { bearer, createTestApp, makeUser, tokenFor, type TestApp } from '../../../../tests/support/app.js';
import { actorsFor, requestsAs, type Actors } from '../../../../tests/support/actors.js';
import { makeCertification, makeProgram } from '../../../../tests/support/compliance.js';
import { unique } from '../../../../tests/support/factories.js';
import { auditLog, certification, certificationRenewal, partnerProgram, userCertification } from '../../db/schema/index.js';
import { ensureStarterCatalogue, STARTER_CATALOGUE, STARTER_PROGRAM_NAMES } from './certifications.starter.js';
import { seedDemoCertifications } from './certifications.demo.js';

let t: TestApp;
let as: Actors;

beforeAll(async () => {
  t = await createTestApp();
  as = await actorsFor(t);
});
afterAll(() => t.close());

const { get, post, patch } = requestsAs(() => as.admin);
const certCount = async (programId: string) =>
  (
    await t.database.db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(certification)
      .where(eq(certification.programId, programId))
  )[0]!.n;
const renewalsOf = async (id: string) => (await t.database.db.select().from(certificationRenewal).where(eq(certificationRenewal.certificationId, id))).map((r) => r.renewedById);

describe('certification catalogue', () => {
  it('admins add, edit, archive and restore entries; the issuer defaults to the vendor; everyone reads; every change is audited', async () => {
    const program = await makeProgram(t, { vendor: 'Cloud Native Computing Foundation' });
    const created = await post('/api/certifications', {
      programId: program.id,
      name: 'Certified Kubernetes Administrator',
      examCode: 'CKA',
      category: 'professional',
      validityMonths: 24,
      url: 'https://www.cncf.io/training/certification/cka/',
    });
    expect(created.statusCode, created.body).toBe(201);
    const cka = created.json();
    expect(cka).toMatchObject({
      program: { id: program.id, name: program.name },
      name: 'Certified Kubernetes Administrator',
      examCode: 'CKA',
      issuer: 'Cloud Native Computing Foundation',
      category: 'professional',
      validityMonths: 24,
      renewedBy: [],
      renews: [],
      holderCount: 0,
      archivedAt: null,
      version: 1,
    });

    const listed = await get(`/api/certifications?programId=${program.id}`, as.viewer);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items).toEqual([cka]);
    expect((await get('/api/certifications?q=cka', as.viewer)).json().items.map((c: { id: string }) => c.id)).toContain(cka.id);
    expect((await get(`/api/certifications/${cka.id}`, as.member)).json()).toEqual(cka);

    const edited = await patch(`/api/certifications/${cka.id}`, { version: 1, validityMonths: 36, issuer: 'The Linux Foundation', examCode: '' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ validityMonths: 36, issuer: 'The Linux Foundation', examCode: null, version: 2 });
    const stale = await patch(`/api/certifications/${cka.id}`, { version: 1, name: 'Lost update' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');

    const archived = await post(`/api/certifications/${cka.id}/archive`, { version: 2 });
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json().archivedAt).not.toBeNull();
    expect((await get(`/api/certifications?programId=${program.id}`)).json().items).toEqual([]);
    expect((await get(`/api/certifications?programId=${program.id}&includeArchived=true`)).json().items.map((c: { id: string }) => c.id)).toEqual([cka.id]);
    expect((await patch(`/api/certifications/${cka.id}`, { version: 3, name: 'While archived' })).statusCode).toBe(409);
    const restored = await post(`/api/certifications/${cka.id}/restore`, { version: 3 });
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json().archivedAt).toBeNull();

    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'certification'), eq(auditLog.entityId, cka.id)))
      .orderBy(auditLog.at);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'archive', 'restore']);
    expect(audit[1]!.changes).toMatchObject({ validityMonths: { from: 24, to: 36 }, issuer: { from: 'Cloud Native Computing Foundation', to: 'The Linux Foundation' } });
  });

  it('is the administrator’s alone: managers, members and viewers are refused and nothing changes', async () => {
    const program = await makeProgram(t);
    const c = await makeCertification(t, program.id);
    for (const token of [as.manager, as.member, as.viewer]) {
      expect((await post('/api/certifications', { programId: program.id, name: 'Mine', category: 'associate', validityMonths: 12 }, token)).statusCode).toBe(403);
      expect((await patch(`/api/certifications/${c.id}`, { version: 1, name: 'Mine' }, token)).statusCode).toBe(403);
      expect((await post(`/api/certifications/${c.id}/archive`, { version: 1 }, token)).statusCode).toBe(403);
      expect((await post('/api/certifications/starter', {}, token)).statusCode).toBe(403);
    }
    expect(await certCount(program.id)).toBe(1);
    expect((await get(`/api/certifications/${c.id}`)).json()).toMatchObject({ version: 1, name: c.name });
  });

  it('refuses a name in use in the programme (another programme may use it), an unknown programme and bad values, writing nothing', async () => {
    const program = await makeProgram(t);
    const other = await makeProgram(t);
    await makeCertification(t, program.id, { name: 'Security Specialty' });
    const dup = await post('/api/certifications', { programId: program.id, name: 'security specialty', category: 'specialty', validityMonths: 36 });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors).toEqual([{ path: 'body.name', message: 'is already used by another certification of this programme' }]);
    expect((await post('/api/certifications', { programId: other.id, name: 'Security Specialty', category: 'specialty', validityMonths: 36 })).statusCode).toBe(201);

    const unknown = await post('/api/certifications', { programId: '00000000-0000-4000-8000-000000000000', name: 'Orphan', category: 'associate', validityMonths: 36 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].path).toBe('body.programId');
    for (const bad of [{ validityMonths: 0 }, { validityMonths: 241 }, { validityMonths: 1.5 }, { category: 'expert' }, { url: 'javascript:alert(1)' }]) {
      const res = await post('/api/certifications', { programId: program.id, name: 'Bad one', category: 'associate', validityMonths: 12, ...bad });
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().errors[0].path).toBe(`body.${Object.keys(bad)[0]}`);
    }
    expect(await certCount(program.id)).toBe(1);
  });

  it('"renewed by" names other certifications of the same programme and never makes a loop', async () => {
    const program = await makeProgram(t);
    const clf = await makeCertification(t, program.id, { name: unique('Cloud Practitioner'), category: 'foundational' });
    const saa = await makeCertification(t, program.id, { name: unique('Solutions Architect Associate') });
    const sap = await makeCertification(t, program.id, { name: unique('Solutions Architect Professional'), category: 'professional' });
    const elsewhere = await makeCertification(t);

    const linked = await patch(`/api/certifications/${clf.id}`, { version: 1, renewedByIds: [saa.id, sap.id] });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(
      linked
        .json()
        .renewedBy.map((r: { id: string }) => r.id)
        .sort(),
    ).toEqual([saa.id, sap.id].sort());
    expect((await patch(`/api/certifications/${saa.id}`, { version: 1, renewedByIds: [sap.id] })).statusCode).toBe(200);
    expect(
      (await get(`/api/certifications/${sap.id}`))
        .json()
        .renews.map((r: { id: string }) => r.id)
        .sort(),
    ).toEqual([clf.id, saa.id].sort());

    const cases: [string, unknown, string][] = [
      [sap.id, { version: 1, renewedByIds: [clf.id] }, 'would make a loop'],
      [sap.id, { version: 1, renewedByIds: [saa.id] }, 'would make a loop'],
      [saa.id, { version: 2, renewedByIds: [saa.id] }, 'cannot include the certification itself'],
      [saa.id, { version: 2, renewedByIds: [elsewhere.id] }, 'must name certifications of the same programme'],
      [saa.id, { version: 2, renewedByIds: ['00000000-0000-4000-8000-000000000000'] }, 'names unknown certifications'],
    ];
    for (const [id, body, message] of cases) {
      const res = await patch(`/api/certifications/${id}`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors[0]).toMatchObject({ path: 'body.renewedByIds' });
      expect(res.json().errors[0].message).toContain(message);
    }
    const fresh = await post('/api/certifications', { programId: program.id, name: 'New one', category: 'associate', validityMonths: 36, renewedByIds: [elsewhere.id] });
    expect(fresh.statusCode).toBe(400);
    expect(fresh.json().errors[0].path).toBe('body.renewedByIds');
    // Nothing moved: the links and versions are as before the refused requests.
    expect(await renewalsOf(saa.id)).toEqual([sap.id]);
    expect(await renewalsOf(sap.id)).toEqual([]);
    expect((await get(`/api/certifications/${sap.id}`)).json().version).toBe(1);
    expect(await certCount(program.id)).toBe(3);
  });
});

describe('starter catalogue', () => {
  it('adds the four programmes with their certifications and renewal rules; running it again adds nothing', { timeout: 120_000 }, async () => {
    const fresh = await createTestApp();
    try {
      const admin = await tokenFor(fresh, await makeUser(fresh, 'admin'));
      const first = await fresh.app.inject({ method: 'POST', url: '/api/certifications/starter', headers: bearer(admin), payload: {} });
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json().programs.sort()).toEqual(Object.values(STARTER_PROGRAM_NAMES).sort());
      expect(first.json().certifications).toHaveLength(STARTER_CATALOGUE.reduce((n, p) => n + p.certifications.length, 0));

      const all = (await fresh.app.inject({ method: 'GET', url: '/api/certifications', headers: bearer(admin) })).json().items as {
        name: string;
        examCode: string | null;
        validityMonths: number | null;
        category: string;
        issuer: string;
        renewedBy: { name: string }[];
        program: { name: string };
      }[];
      const byCode = (code: string) => all.find((c) => c.examCode === code)!;
      expect(byCode('CKA')).toMatchObject({ validityMonths: 24, issuer: 'CNCF / The Linux Foundation', program: { name: STARTER_PROGRAM_NAMES.cncf } });
      expect(byCode('SAA-C03')).toMatchObject({ validityMonths: 36, category: 'associate', renewedBy: [{ name: 'AWS Certified Solutions Architect – Professional' }] });
      expect(byCode('CLF-C02').renewedBy.map((r) => r.name)).toContain('AWS Certified DevOps Engineer – Professional');
      expect(byCode('EX200').renewedBy.map((r) => r.name)).toEqual(['Red Hat Certified Engineer (RHCE)']);
      expect(byCode('AZ-900').validityMonths).toBeNull();
      expect(byCode('AZ-104').validityMonths).toBe(12);

      const again = await fresh.app.inject({ method: 'POST', url: '/api/certifications/starter', headers: bearer(admin), payload: {} });
      expect(again.json()).toEqual({ programs: [], certifications: [] });
      expect(await fresh.database.db.transaction((tx) => ensureStarterCatalogue(tx, null))).toEqual({ programs: [], certifications: [] });
      const programs = await fresh.database.db
        .select()
        .from(partnerProgram)
        .where(inArray(partnerProgram.name, Object.values(STARTER_PROGRAM_NAMES)));
      expect(programs).toHaveLength(4);
      expect(programs.every((p) => p.partnerId === null)).toBe(true);

      // An entry an admin archived comes back; the rest stays as it is.
      const cka = await fresh.database.db.select().from(certification).where(eq(certification.examCode, 'CKA'));
      await fresh.database.db.update(certification).set({ archivedAt: new Date() }).where(eq(certification.id, cka[0]!.id));
      const third = await fresh.app.inject({ method: 'POST', url: '/api/certifications/starter', headers: bearer(admin), payload: {} });
      expect(third.json()).toEqual({ programs: [], certifications: [`${STARTER_PROGRAM_NAMES.cncf}: Certified Kubernetes Administrator (CKA)`] });
    } finally {
      await fresh.close();
    }
  });

  // A fresh installation (its own database, migrated from nothing) takes most of a minute on a loaded machine.
  it('the first administrator’s setup installs it', { timeout: 120_000 }, async () => {
    const fresh = await createTestApp();
    try {
      const setup = await fresh.app.inject({
        method: 'POST',
        url: '/api/setup',
        payload: { name: 'Ada Admin', email: `ada.${process.pid}@example.com`, password: 'correct horse battery staple' },
      });
      expect(setup.statusCode, setup.body).toBe(201);
      const rows = await fresh.database.db
        .select({ name: partnerProgram.name })
        .from(partnerProgram)
        .where(inArray(partnerProgram.name, Object.values(STARTER_PROGRAM_NAMES)));
      expect(rows).toHaveLength(4);
    } finally {
      await fresh.close();
    }
  });
});

describe('demo certifications', () => {
  it('give the demo colleagues believable holdings, one expiring soon and one planned exam; a second run adds nothing', async () => {
    const tina = await makeUser(t, 'member', { name: 'Tina Tech' });
    const remo = await makeUser(t, 'member', { name: 'Remo Engineer' });
    const users = [tina, remo, await makeUser(t, 'member', { name: 'Someone Else' })];
    const now = new Date('2026-11-27T08:30:00Z');
    const made = await t.database.db.transaction((tx) => seedDemoCertifications(tx, { users, now }));
    expect(made).toBeGreaterThanOrEqual(6);
    const rows = await t.database.db
      .select()
      .from(userCertification)
      .where(
        inArray(
          userCertification.userId,
          users.map((u) => u.id),
        ),
      );
    expect(rows.every((r) => r.userId !== users[2]!.id)).toBe(true);
    const soon = rows.filter((r) => r.status === 'obtained' && r.expiresOn && r.expiresOn >= '2026-11-27' && r.expiresOn <= '2027-02-25');
    expect(soon.length).toBeGreaterThanOrEqual(1);
    expect(rows.filter((r) => r.status === 'planned' && r.userId === remo.id && r.targetOn! > '2026-11-27')).toHaveLength(1);
    expect(await t.database.db.transaction((tx) => seedDemoCertifications(tx, { users, now }))).toBe(0);
  });
});
