import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/app.js';
import { actor, actorsFor, type Actor } from '../../../../tests/support/actors.js';
import { grantCertification, makeCertification } from '../../../../tests/support/compliance.js';
import { addTeamMember, makePartner } from '../../../../tests/support/factories.js';
import type { Role } from '../../../shared/roles.js';
import { DOCUMENT_ACCESS } from './documents.policy.js';
import { makeAssessment, makeContract, makePdf, multipart, tempDir } from './documents.fixtures.js';

/**
 * Who may upload, list and download the documents of each kind of record (documents.policy.ts),
 * checked through the API with real records: a partner with a contract and a risk assessment,
 * a member on its team and one who is not, and a colleague's certification.
 */
let t: TestApp;
let people: Record<Role | 'teamMember' | 'holder', Actor>;
let pdf: Buffer;

beforeAll(async () => {
  t = await createTestApp({ FILES_DIR: tempDir('access') });
  // Two more members: one on each partner's team, one holding the certification.
  people = {
    ...(await actorsFor(t, { roles: ['admin', 'manager', 'member', 'finance', 'viewer'] })),
    teamMember: await actor(t, 'member'),
    holder: await actor(t, 'member'),
  };
  pdf = await makePdf('Access');
});
afterAll(() => t.close());

const who = ['admin', 'manager', 'member', 'teamMember', 'holder', 'finance', 'viewer'] as const;
type Who = (typeof who)[number];

async function records() {
  const p = await makePartner(t);
  await addTeamMember(t, p.id, people.teamMember.id);
  const c = await makeContract(t, p.id);
  const a = await makeAssessment(t, p.id);
  const uc = await grantCertification(t, people.holder.id, (await makeCertification(t)).id, '2026-01-10', '2029-01-10');
  return { partner: p.id, contract: c.id, risk_assessment: a.id, user_certification: uc.id, partnerId: p.id };
}

const upload = (subjectType: string, subjectId: string, as: Who) => {
  const { payload, headers } = multipart([
    { name: 'subjectType', value: subjectType },
    { name: 'subjectId', value: subjectId },
    { name: 'file', fileName: `${subjectType}.pdf`, type: 'application/pdf', data: pdf },
  ]);
  return people[as].inject({ method: 'POST', url: '/api/documents', headers, payload });
};
const get = (url: string, as: Who) => people[as].get(url);

// What each person may do with each kind of record's documents: the expected answer of the table.
const EXPECTED: Record<'partner' | 'contract' | 'risk_assessment' | 'user_certification', { read: Who[]; write: Who[] }> = {
  partner: { read: ['admin', 'manager', 'member', 'teamMember', 'holder', 'finance', 'viewer'], write: ['admin', 'manager', 'teamMember'] },
  contract: { read: ['admin', 'manager', 'teamMember', 'finance'], write: ['admin', 'manager', 'teamMember'] },
  risk_assessment: { read: ['admin', 'manager', 'teamMember', 'finance'], write: ['admin', 'manager', 'teamMember'] },
  user_certification: { read: ['admin', 'manager', 'holder'], write: ['admin', 'manager', 'holder'] },
};

describe('document access', () => {
  it.each(Object.entries(EXPECTED))('%s documents: who uploads, lists and downloads', async (subjectType, expected) => {
    const r = await records();
    const subjectId = r[subjectType as keyof typeof EXPECTED];
    const first = await upload(subjectType, subjectId, 'admin');
    expect(first.statusCode, first.body).toBe(201);
    const doc = first.json();
    for (const w of who) {
      const mayRead = expected.read.includes(w);
      const mayWrite = expected.write.includes(w);
      const up = await upload(subjectType, subjectId, w);
      // Finance and viewers are stopped by the route's role check, others by the record's rule: both 403.
      expect(up.statusCode, `${w} uploads to ${subjectType}: ${up.body}`).toBe(mayWrite ? 201 : 403);
      const list = await get(`/api/documents?subjectType=${subjectType}&subjectId=${subjectId}`, w);
      expect(list.statusCode, `${w} lists ${subjectType}`).toBe(mayRead ? 200 : 403);
      if (mayRead) expect(list.json().canUpload, `${w} canUpload on ${subjectType}`).toBe(mayWrite);
      const dl = await get(doc.current.downloadUrl, w);
      expect(dl.statusCode, `${w} downloads from ${subjectType}`).toBe(mayRead ? 200 : 403);
      if (!mayRead) expect(dl.headers['content-disposition']).toBeUndefined();
      expect((await get(`/api/documents/${doc.id}`, w)).statusCode).toBe(mayRead ? 200 : 403);
      // The document's history (file names, titles) follows the same rule.
      expect((await get(`/api/audit?entityType=document&entityId=${doc.id}`, w)).statusCode, `${w} reads the history of a ${subjectType} document`).toBe(mayRead ? 200 : 403);
      const archive = await people[w].post(`/api/documents/${doc.id}/archive`, { version: 999 });
      // Allowed callers get past the rule to the version check (409); nothing is archived here.
      expect(archive.statusCode, `${w} archives on ${subjectType}`).toBe(mayWrite ? 409 : 403);
    }
  });

  it("lists a partner's documents with its contracts' and assessments', as far as the caller may see them", async () => {
    const r = await records();
    for (const type of ['partner', 'contract', 'risk_assessment'] as const) expect((await upload(type, r[type], 'admin')).statusCode).toBe(201);
    const kinds = async (w: Who) => {
      const res = await get(`/api/documents?partnerId=${r.partnerId}`, w);
      expect(res.statusCode).toBe(200);
      return {
        types: res
          .json()
          .items.map((d: { subjectType: string }) => d.subjectType)
          .sort(),
        canUpload: res.json().canUpload,
        labels: res.json().items.map((d: { subjectLabel: string }) => d.subjectLabel),
      };
    };
    const manager = await kinds('manager');
    expect(manager.types).toEqual(['contract', 'partner', 'risk_assessment']);
    expect(manager.labels.some((l: string) => l.startsWith('Contract: Reseller agreement'))).toBe(true);
    expect(manager.labels).toContain('Risk assessment of 2026-03-02 (draft)');
    expect(await kinds('teamMember')).toMatchObject({ types: ['contract', 'partner', 'risk_assessment'], canUpload: true });
    expect(await kinds('finance')).toMatchObject({ types: ['contract', 'partner', 'risk_assessment'], canUpload: false });
    expect(await kinds('member')).toMatchObject({ types: ['partner'], canUpload: false });
    expect(await kinds('viewer')).toMatchObject({ types: ['partner'], canUpload: false });
    expect((await get(`/api/documents?partnerId=${crypto.randomUUID()}`, 'manager')).statusCode).toBe(404);
    expect((await get('/api/documents', 'manager')).statusCode).toBe(400);
  });

  it('the table names a rule for every role on every kind of record', () => {
    for (const rules of Object.values(DOCUMENT_ACCESS)) {
      for (const action of ['read', 'write'] as const) expect(Object.keys(rules[action]).sort()).toEqual(['admin', 'finance', 'manager', 'member', 'viewer']);
      // Nobody may write what they may not read.
      for (const role of Object.keys(rules.write) as Role[]) if (rules.write[role] !== 'none') expect(rules.read[role]).not.toBe('none');
    }
  });
});
