import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, makeUser, type TestApp } from '../../../../tests/support/app.js';
import { grantCertification, makeCertification, makeLevel, makeProgram, type CertificationRow } from '../../../../tests/support/compliance.js';
import { certificationRenewal, levelChecklistItem, partnerProgram, user, userCertification } from '../../db/schema/index.js';
import type { CertificationCategory, RequirementCounts } from '../../../shared/compliance.js';
import { evaluatePrograms } from './programs.evaluate.js';
import { insertRequirements } from './programs.requirements.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const DAY = '2026-01-15';
interface Req {
  counts: RequirementCounts;
  minCount: number;
  categories?: CertificationCategory[];
  certificationIds?: string[];
  label?: string;
  children?: Omit<Req, 'children'>[];
}
async function addRequirements(levelId: string, reqs: Req[]) {
  for (const [position, r] of reqs.entries()) {
    const [parent] = await insertRequirements(t.database.db, [
      { levelId, position, counts: r.counts, minCount: r.minCount, categories: r.categories ?? [], certificationIds: r.certificationIds ?? [], label: r.label ?? null },
    ]);
    for (const [k, c] of (r.children ?? []).entries()) {
      await insertRequirements(t.database.db, [
        { levelId, parentId: parent!, position: k, counts: c.counts, minCount: c.minCount, categories: c.categories ?? [], certificationIds: c.certificationIds ?? [] },
      ]);
    }
  }
}
const person = async (name: string) => (await makeUser(t, 'member', { name })).id;
const standing = async (programId: string, day = DAY) => (await evaluatePrograms(t.database.db, day, [programId])).get(programId)!;

describe('AWS Services Path: Select and Advanced', () => {
  let program: string;
  let select: string;
  let advanced: string;
  let certs: Record<'tech' | 'biz' | 'ccp' | 'saa' | 'sap' | 'spec', CertificationRow>;
  let checklist: string;
  const users: Record<string, string> = {};

  beforeAll(async () => {
    program = (await makeProgram(t, { name: 'AWS Services Path (test)', vendor: 'Amazon Web Services' })).id;
    certs = {
      tech: await makeCertification(t, program, { name: 'AWS Partner Accreditation (Technical)', category: 'accreditation', validityMonths: null }),
      biz: await makeCertification(t, program, { name: 'AWS Partner Accreditation (Business)', category: 'accreditation', validityMonths: null }),
      ccp: await makeCertification(t, program, { name: 'AWS Certified Cloud Practitioner', category: 'foundational' }),
      saa: await makeCertification(t, program, { name: 'AWS Certified Solutions Architect – Associate', examCode: 'SAA-C03', category: 'associate' }),
      sap: await makeCertification(t, program, { name: 'AWS Certified Solutions Architect – Professional', category: 'professional' }),
      spec: await makeCertification(t, program, { name: 'AWS Certified Security – Specialty', category: 'specialty' }),
    };
    select = (await makeLevel(t, program, 1, { name: 'Select' })).id;
    advanced = (await makeLevel(t, program, 2, { name: 'Advanced' })).id;
    await addRequirements(select, [
      {
        counts: 'people',
        minCount: 4,
        categories: ['accreditation'],
        children: [
          { counts: 'people', minCount: 2, certificationIds: [certs.tech.id] },
          { counts: 'people', minCount: 2, certificationIds: [certs.biz.id] },
        ],
      },
      { counts: 'people', minCount: 2, categories: ['foundational'] },
      { counts: 'people', minCount: 2, categories: ['associate', 'professional', 'specialty'] },
    ]);
    checklist = (await t.database.db.insert(levelChecklistItem).values({ levelId: select, title: '3 launched opportunities' }).returning())[0]!.id;
    await addRequirements(advanced, [
      {
        counts: 'certifications',
        minCount: 6,
        categories: ['associate', 'professional', 'specialty'],
        children: [{ counts: 'certifications', minCount: 3, categories: ['professional', 'specialty'] }],
      },
      { counts: 'people', minCount: 8, categories: ['accreditation'], label: 'AWS accredited professionals' },
    ]);
    await t.database.db.update(partnerProgram).set({ heldLevelId: select }).where(eq(partnerProgram.id, program));
    for (const name of ['Anna Amrein', 'Beat Bühler', 'Chiara Conti']) users[name] = await person(name);
    const grant = (who: string, c: CertificationRow, expires: string | null = '2028-01-01') =>
      grantCertification(t, users[who]!, c.id, '2025-01-01', c.validityMonths === null ? null : expires);
    await grant('Anna Amrein', certs.tech);
    await grant('Anna Amrein', certs.ccp);
    await grant('Anna Amrein', certs.saa);
    await grant('Beat Bühler', certs.tech);
    await grant('Beat Bühler', certs.ccp);
    await grant('Chiara Conti', certs.biz);
    await grant('Chiara Conti', certs.sap);
  });

  it('Select: counts distinct people, "of which" within the parent, and says the gap in words, checklist included', async () => {
    const s = await standing(program);
    const sel = s.levels.get(select)!;
    expect(sel.met).toBe(false);
    expect(sel.requirements.map((r) => [r.count, r.minCount, r.met, r.children.map((c) => c.count)])).toEqual([
      [3, 4, false, [2, 1]],
      [2, 2, true, []],
      [2, 2, true, []],
    ]);
    expect(sel.gaps).toEqual([
      'Need 1 more person holding an accreditation certification',
      'Need 1 more person holding AWS Partner Accreditation (Business)',
      'Checklist: 3 launched opportunities not done',
    ]);
    expect(s.held).toMatchObject({ levelId: select, met: false, gaps: sel.gaps, forecast: null });
    expect(s.next).toMatchObject({ levelId: advanced, met: false });
  });

  it('Advanced: certifications counted per person and certification, "of which" professional or specialty; a label names the gap', async () => {
    const adv = (await standing(program)).levels.get(advanced)!;
    expect(adv.requirements.map((r) => [r.count, r.children.map((c) => c.count)])).toEqual([
      [2, [1]],
      [3, []],
    ]);
    expect(adv.gaps).toEqual([
      'Need 4 more certifications: associate, professional or specialty',
      'Need 2 more certifications: professional or specialty',
      'Need 5 more AWS accredited professionals',
    ]);
  });

  it('a person’s two certifications count twice, the same one recorded twice once; deactivated, archived and planned ones not at all', async () => {
    const before = (await standing(program)).levels.get(advanced)!.requirements[0]!.count;
    const dora = await person('Dora Dietrich');
    await grantCertification(t, dora, certs.saa.id, '2025-02-01', '2028-02-01');
    await grantCertification(t, dora, certs.saa.id, '2025-03-01', '2028-03-01');
    await grantCertification(t, dora, certs.spec.id, '2025-02-01', '2028-02-01');
    await grantCertification(t, dora, certs.sap.id, '2025-02-01', '2028-02-01', { archivedAt: new Date() });
    await grantCertification(t, dora, certs.sap.id, '2025-02-01', '2028-02-01', { status: 'planned', targetOn: '2026-06-01' });
    const adv = (await standing(program)).levels.get(advanced)!;
    expect(adv.requirements[0]!.count).toBe(before + 2);
    expect(adv.requirements[0]!.children[0]!.count).toBe(2);
    await t.database.db.update(user).set({ deactivatedAt: new Date() }).where(eq(user.id, dora));
    expect((await standing(program)).levels.get(advanced)!.requirements[0]!.count).toBe(before);
  });

  it('Select is met once a fourth accredited person (business) is certified and the checklist is ticked; then the forecast names the first lapse', async () => {
    const erik = await person('Erik Egger');
    await grantCertification(t, erik, certs.biz.id, '2025-06-01', null);
    let s = await standing(program);
    expect(s.levels.get(select)!.gaps).toEqual(['Checklist: 3 launched opportunities not done']);
    await t.database.db.update(levelChecklistItem).set({ doneAt: new Date(), evidence: 'Three launched in Partner Central' }).where(eq(levelChecklistItem.id, checklist));
    s = await standing(program);
    expect(s.held).toMatchObject({ met: true, gaps: [] });
    // Anna's and Beat's practitioner certificates both end 2028-01-01: foundational falls to 0 the next day.
    expect(s.held!.forecast).toMatchObject({ date: '2028-01-02' });
    expect(s.held!.forecast!.causes.map((c) => `${c.userName}: ${c.certificationName} ${c.expiresOn}`)).toEqual([
      'Anna Amrein: AWS Certified Cloud Practitioner 2028-01-01',
      'Anna Amrein: AWS Certified Solutions Architect – Associate 2028-01-01',
      'Beat Bühler: AWS Certified Cloud Practitioner 2028-01-01',
      'Chiara Conti: AWS Certified Solutions Architect – Professional 2028-01-01',
    ]);
  });
});

describe('CNCF KCSP: at least 3 CKA-certified people', () => {
  it('meets it, forecasts the day after the third person’s CKA expires, exact to the day, naming it; a fourth person moves the date', async () => {
    const program = (await makeProgram(t, { name: 'CNCF KCSP (test)', vendor: 'CNCF' })).id;
    const cka = await makeCertification(t, program, { name: 'Certified Kubernetes Administrator', examCode: 'CKA', category: 'professional', validityMonths: 24 });
    const ckad = await makeCertification(t, program, { name: 'Certified Kubernetes Application Developer', examCode: 'CKAD', category: 'professional', validityMonths: 24 });
    const level = (await makeLevel(t, program, 1, { name: 'KCSP' })).id;
    await addRequirements(level, [{ counts: 'people', minCount: 3, certificationIds: [cka.id] }]);
    await t.database.db.update(partnerProgram).set({ heldLevelId: level }).where(eq(partnerProgram.id, program));
    const [p1, p2, p3, p4] = [await person('Paula One'), await person('Peter Two'), await person('Pia Three'), await person('Pius Four')];
    await grantCertification(t, p1!, cka.id, '2025-05-01', '2027-05-01');
    await grantCertification(t, p2!, cka.id, '2024-09-30', '2026-09-30');
    await grantCertification(t, p3!, cka.id, '2024-04-01', '2026-04-01');
    // CKAD does not count for this requirement, however late it expires.
    await grantCertification(t, p4!, ckad.id, '2025-01-01', '2027-01-01');

    let s = await standing(program);
    expect(s.held).toMatchObject({ met: true, gaps: [] });
    expect(s.held!.forecast).toEqual({
      date: '2026-04-02',
      requirementIds: [expect.any(String)],
      causes: [expect.objectContaining({ userName: 'Pia Three', certificationName: 'Certified Kubernetes Administrator', expiresOn: '2026-04-01' })],
    });
    // Valid through its expiry day: on 2026-04-01 still met, on 2026-04-02 not.
    expect((await standing(program, '2026-04-01')).held!.met).toBe(true);
    expect((await standing(program, '2026-04-02')).held).toMatchObject({ met: false, gaps: ['Need 1 more person holding Certified Kubernetes Administrator'] });

    await grantCertification(t, p4!, cka.id, '2025-06-15', '2027-02-14');
    s = await standing(program);
    expect(s.held!.forecast!.date).toBe('2026-10-01');
    expect(s.held!.forecast!.causes.map((c) => `${c.userName} ${c.expiresOn}`)).toEqual(['Pia Three 2026-04-01', 'Peter Two 2026-09-30']);
    // A colleague who leaves takes their certification along.
    await t.database.db.update(user).set({ deactivatedAt: new Date() }).where(eq(user.id, p4!));
    expect((await standing(program)).held!.forecast!.date).toBe('2026-04-02');
  });
});

describe('renewal by a higher exam', () => {
  it('passing the professional exam renews the associate one and moves the forecast to the professional’s expiry', async () => {
    const program = (await makeProgram(t, { name: 'Renewal programme (test)' })).id;
    const saa = await makeCertification(t, program, { name: 'Solutions Architect – Associate', category: 'associate' });
    const sap = await makeCertification(t, program, { name: 'Solutions Architect – Professional', category: 'professional' });
    await t.database.db.insert(certificationRenewal).values({ certificationId: saa.id, renewedById: sap.id });
    const level = (await makeLevel(t, program, 1, { name: 'Associate shop' })).id;
    await addRequirements(level, [{ counts: 'people', minCount: 1, certificationIds: [saa.id] }]);
    await t.database.db.update(partnerProgram).set({ heldLevelId: level }).where(eq(partnerProgram.id, program));
    const x = await person('Xaver Renewer');
    await grantCertification(t, x, saa.id, '2023-03-01', '2026-03-01');
    expect((await standing(program)).held!.forecast!.date).toBe('2026-03-02');

    const pro = await grantCertification(t, x, sap.id, '2025-06-01', '2028-06-01');
    const s = await standing(program);
    expect(s.held!.forecast).toMatchObject({
      date: '2028-06-02',
      causes: [{ userName: 'Xaver Renewer', certificationName: 'Solutions Architect – Associate', expiresOn: '2028-06-01' }],
    });
    // A professional passed after the associate had lapsed does not bring it back.
    await t.database.db.update(userCertification).set({ obtainedOn: '2026-03-05' }).where(eq(userCertification.id, pro.id));
    expect((await standing(program, '2026-03-10')).held!.met).toBe(false);
  });
});
