import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, makeUser, type TestApp } from '../../../../tests/support/app.js';
import { actorsFor, requestsAs, type Actors } from '../../../../tests/support/actors.js';
import { grantCertification } from '../../../../tests/support/compliance.js';
import { certification, partnerProgram } from '../../db/schema/index.js';
import { ensureStarterCatalogue, STARTER_PROGRAM_NAMES } from '../certifications/index.js';
import { ensureStarterLevels } from './programs.starter.js';

let t: TestApp;
let as: Actors<'viewer'>;
beforeAll(async () => {
  t = await createTestApp();
  as = await actorsFor(t, { roles: ['viewer'] });
});
afterAll(() => t.close());

const { get } = requestsAs(() => as.viewer);

describe('starter ladders', () => {
  it('adds the AWS Services Path tiers and KCSP to the starter programmes once, and they evaluate', async () => {
    await t.database.db.transaction((tx) => ensureStarterCatalogue(tx, null));
    expect(await t.database.db.transaction((tx) => ensureStarterLevels(tx, null))).toEqual({ programs: [STARTER_PROGRAM_NAMES.aws, STARTER_PROGRAM_NAMES.cncf] });
    expect(await t.database.db.transaction((tx) => ensureStarterLevels(tx, null))).toEqual({ programs: [] });

    const programs = (await get('/api/programs')).json().items;
    const aws = programs.find((p: { name: string }) => p.name === STARTER_PROGRAM_NAMES.aws);
    const kcsp = programs.find((p: { name: string }) => p.name === STARTER_PROGRAM_NAMES.cncf);
    const detail = (id: string) => get(`/api/programs/${id}`).then((r) => r.json());
    const a = await detail(aws.id);
    expect(a.levels.map((l: { name: string }) => l.name)).toEqual(['Select', 'Advanced', 'Premier']);
    const sentences = (l: { requirements: { sentence: string; children: { sentence: string }[] }[]; checklist: { title: string }[] }) => [
      ...l.requirements.flatMap((r) => [r.sentence, ...r.children.map((c) => c.sentence)]),
      ...l.checklist.map((c) => `☐ ${c.title}`),
    ];
    expect(sentences(a.levels[0])).toEqual([
      'At least 4 people holding an accreditation certification',
      'Of which at least 2 people holding AWS Partner Accreditation (Technical)',
      'Of which at least 2 people holding AWS Partner Accreditation (Business)',
      'At least 2 people holding a foundational certification',
      'At least 2 people holding an associate, professional or specialty certification',
      '☐ 3 launched opportunities',
    ]);
    expect(sentences(a.levels[1])).toContain('Of which at least 3 people holding a professional or specialty certification');
    expect(sentences(a.levels[2])).toEqual(expect.arrayContaining(['☐ 3 technical validations', '☐ Executive business review']));

    // KCSP: three CKA holders meet it; a CKAD does not count.
    const [cka] = await t.database.db.select().from(certification).where(eq(certification.examCode, 'CKA'));
    const [ckad] = await t.database.db.select().from(certification).where(eq(certification.examCode, 'CKAD'));
    await t.database.db
      .update(partnerProgram)
      .set({ heldLevelId: (await detail(kcsp.id)).levels[0].id })
      .where(eq(partnerProgram.id, kcsp.id));
    for (let i = 0; i < 2; i++) await grantCertification(t, (await makeUser(t)).id, cka!.id, '2026-01-10', '2028-01-10');
    await grantCertification(t, (await makeUser(t)).id, ckad!.id, '2026-01-10', '2028-01-10');
    expect((await detail(kcsp.id)).held).toMatchObject({ met: false, gaps: ['Need 1 more person holding Certified Kubernetes Administrator (CKA)'] });
    await grantCertification(t, (await makeUser(t)).id, cka!.id, '2026-02-10', '2028-02-10');
    expect((await detail(kcsp.id)).held).toMatchObject({ met: true, gaps: [], forecast: { date: '2028-01-11' } });
  });
});
