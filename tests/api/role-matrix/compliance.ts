// Valid requests for certifications, programmes and levels, supplier risk, contracts and documents.
import { levelChecklistItem, riskCriterion } from '../../../src/server/db/schema/index.js';
import { makeContract, makePdf, multipart, PNG, type Part } from '../../../src/server/features/documents/documents.fixtures.js';
import { setContractArchived } from '../../../src/server/features/contracts/contracts.service.js';
import { setDocumentArchived } from '../../../src/server/features/documents/documents.service.js';
import { addFinding, startAssessment, updateAssessment } from '../../../src/server/features/risk/risk.service.js';
import { readRiskPolicy } from '../../../src/server/features/risk/risk.settings.js';
import { bearer, makeUser } from '../../support/app.js';
import { grantCertification, makeCertification, makeLevel, makeProgram } from '../../support/compliance.js';
import { makePartner, unique } from '../../support/factories.js';
import { actorOf, ownPartner, plain, type BuildContext, type Builders } from './support.js';

// ---- certifications -------------------------------------------------------------------------

/** An obtained certification of the caller's (members record and change only their own). */
const ownHolding = async (c: BuildContext) => grantCertification(c.t, c.as.id, (await makeCertification(c.t)).id, '2026-01-12', '2029-01-12');

const certifications: Builders = {
  'GET /api/certifications': plain('/api/certifications'),
  'GET /api/certifications/export': plain('/api/certifications/export?includeArchived=true&format=xlsx&columns=programme,certification,holders'),
  'POST /api/certifications': async (c) => ({
    url: '/api/certifications',
    body: { programId: (await makeProgram(c.t)).id, name: unique('Solutions Architect'), examCode: 'SAA-C03', category: 'associate', validityMonths: 36 },
  }),
  'POST /api/certifications/starter': plain('/api/certifications/starter'),
  'GET /api/certifications/matrix': plain('/api/certifications/matrix'),
  'GET /api/certifications/matrix.csv': plain('/api/certifications/matrix.csv'),
  'GET /api/certifications/:id': async (c) => ({ url: `/api/certifications/${(await makeCertification(c.t)).id}` }),
  'PATCH /api/certifications/:id': async (c) => {
    const cert = await makeCertification(c.t);
    return { url: `/api/certifications/${cert.id}`, body: { version: cert.version, validityMonths: 24 } };
  },
  'POST /api/certifications/:id/archive': async (c) => {
    const cert = await makeCertification(c.t);
    return { url: `/api/certifications/${cert.id}/archive`, body: { version: cert.version } };
  },
  'POST /api/certifications/:id/restore': async (c) => {
    const cert = await makeCertification(c.t, null, { archivedAt: new Date() });
    return { url: `/api/certifications/${cert.id}/restore`, body: { version: cert.version } };
  },
  'GET /api/user-certifications': plain('/api/user-certifications'),
  'GET /api/user-certifications/export': async (c) => {
    await ownHolding(c);
    return { url: `/api/user-certifications/export?userId=${encodeURIComponent(c.as.id)}&format=xlsx&columns=colleague,certification,state,expiresOn` };
  },
  'POST /api/user-certifications': async (c) => ({
    url: '/api/user-certifications',
    body: { userId: c.as.id, certificationId: (await makeCertification(c.t)).id, obtainedOn: '2026-02-03' },
  }),
  'GET /api/user-certifications/:id': async (c) => ({ url: `/api/user-certifications/${(await ownHolding(c)).id}` }),
  'PATCH /api/user-certifications/:id': async (c) => {
    const h = await ownHolding(c);
    return { url: `/api/user-certifications/${h.id}`, body: { version: h.version, credentialId: 'ABC-123-XYZ' } };
  },
  'POST /api/user-certifications/:id/archive': async (c) => {
    const h = await ownHolding(c);
    return { url: `/api/user-certifications/${h.id}/archive`, body: { version: h.version } };
  },
};

// ---- programmes and levels ------------------------------------------------------------------

/** A checklist item of a new programme's first level, ticked or not. */
async function checklistItem(c: BuildContext, done: boolean) {
  const level = await makeLevel(c.t, (await makeProgram(c.t)).id, 1);
  const ticked = done ? { doneBy: c.users.admin.id, doneAt: new Date(), evidence: 'Plan signed off' } : {};
  const [item] = await c.t.database.db
    .insert(levelChecklistItem)
    .values({ levelId: level.id, title: 'Partner business plan', ...ticked })
    .returning();
  return item!;
}

const programs: Builders = {
  'GET /api/programs': plain('/api/programs'),
  'GET /api/programs/export': plain('/api/programs/export?archived=all&format=xlsx&columns=name,heldLevel,review'),
  'GET /api/programs/:id': async (c) => ({ url: `/api/programs/${(await makeLevel(c.t, (await makeProgram(c.t)).id, 1)).programId}` }),
  'GET /api/partners/:id/programs': async (c) => {
    const p = await makePartner(c.t);
    await makeProgram(c.t, { partnerId: p.id });
    return { url: `/api/partners/${p.id}/programs` };
  },
  'POST /api/programs': async (c) => ({ url: '/api/programs', body: { name: unique('Partner Network'), vendor: 'Amazon Web Services', partnerId: (await makePartner(c.t)).id } }),
  'PATCH /api/programs/:id': async (c) => {
    const p = await makeProgram(c.t);
    return { url: `/api/programs/${p.id}`, body: { version: p.version, nextReviewOn: '2027-01-15' } };
  },
  'POST /api/programs/:id/archive': async (c) => {
    const p = await makeProgram(c.t);
    return { url: `/api/programs/${p.id}/archive`, body: { version: p.version } };
  },
  'POST /api/programs/:id/restore': async (c) => {
    const p = await makeProgram(c.t, { archivedAt: new Date() });
    return { url: `/api/programs/${p.id}/restore`, body: { version: p.version } };
  },
  'PUT /api/programs/:id/levels': async (c) => {
    const p = await makeProgram(c.t);
    const cert = await makeCertification(c.t, p.id);
    return {
      url: `/api/programs/${p.id}/levels`,
      body: {
        version: p.version,
        levels: [
          { name: 'Select', requirements: [{ counts: 'people', minCount: 2, certificationIds: [cert.id] }] },
          { name: 'Advanced', checklist: [{ title: 'Partner business plan' }] },
        ],
      },
    };
  },
  'POST /api/checklist-items/:id/done': async (c) => {
    const item = await checklistItem(c, false);
    return { url: `/api/checklist-items/${item.id}/done`, body: { version: item.version, evidence: 'Plan signed off on 2026-10-01' } };
  },
  'POST /api/checklist-items/:id/undone': async (c) => {
    const item = await checklistItem(c, true);
    return { url: `/api/checklist-items/${item.id}/undone`, body: { version: item.version } };
  },
};

// ---- supplier risk --------------------------------------------------------------------------

const criterion = async (c: BuildContext, overrides: Partial<typeof riskCriterion.$inferInsert> = {}) =>
  (
    await c.t.database.db
      .insert(riskCriterion)
      .values({ key: unique('criterion').replace(/\W/g, '_'), name: unique('Encryption at rest'), weight: 2, ...overrides })
      .returning()
  )[0]!;

/** A draft assessment of a partner the caller owns (the catalogue has at least one criterion). */
async function draft(c: BuildContext) {
  await criterion(c);
  return startAssessment(c.t.database.db, (await ownPartner(c)).id, undefined, actorOf(c.users.admin));
}

const risk: Builders = {
  'GET /api/risk/policy': plain('/api/risk/policy'),
  'PUT /api/risk/policy': async (c) => {
    const { version, mediumFrom, highFrom, reviewMonths, clauses } = await readRiskPolicy(c.t.database.db);
    return { url: '/api/risk/policy', body: { version, mediumFrom, highFrom, clauses, reviewMonths: { ...reviewMonths, low: reviewMonths.low === 24 ? 36 : 24 } } };
  },
  'GET /api/risk/criteria': plain('/api/risk/criteria'),
  'POST /api/risk/criteria': async () => ({ url: '/api/risk/criteria', body: { name: unique('Penetration test'), description: '0: none, 3: yearly by a third party', weight: 3 } }),
  'POST /api/risk/criteria/starter': plain('/api/risk/criteria/starter'),
  'PATCH /api/risk/criteria/:id': async (c) => {
    const k = await criterion(c);
    return { url: `/api/risk/criteria/${k.id}`, body: { version: k.version, weight: 5 } };
  },
  'POST /api/risk/criteria/:id/archive': async (c) => {
    const k = await criterion(c);
    return { url: `/api/risk/criteria/${k.id}/archive`, body: { version: k.version } };
  },
  'POST /api/risk/criteria/:id/restore': async (c) => {
    const k = await criterion(c, { archivedAt: new Date() });
    return { url: `/api/risk/criteria/${k.id}/restore`, body: { version: k.version } };
  },
  'GET /api/risk/overview': plain('/api/risk/overview'),
  'GET /api/risk/overview/export': plain('/api/risk/overview/export?rating=high,none&overdue=false&format=xlsx&columns=partner,rating,nextReview'),
  'GET /api/partners/:id/risk': async (c) => ({ url: `/api/partners/${(await draft(c)).partnerId}/risk` }),
  'POST /api/partners/:id/risk/service-change': async (c) => ({
    url: `/api/partners/${(await ownPartner(c)).id}/risk/service-change`,
    body: { note: 'They now host our customer data' },
  }),
  'POST /api/partners/:id/risk-assessments': async (c) => {
    await criterion(c);
    return { url: `/api/partners/${(await ownPartner(c)).id}/risk-assessments`, body: { reason: 'initial' } };
  },
  'GET /api/risk-assessments/:id': async (c) => ({ url: `/api/risk-assessments/${(await draft(c)).id}` }),
  'PATCH /api/risk-assessments/:id': async (c) => {
    const a = await draft(c);
    return {
      url: `/api/risk-assessments/${a.id}`,
      body: { version: a.version, assessedOn: '2026-03-02', scores: a.scores.map((s) => ({ criterionId: s.criterionId, score: 1 })) },
    };
  },
  'DELETE /api/risk-assessments/:id': async (c) => ({ url: `/api/risk-assessments/${(await draft(c)).id}` }),
  'POST /api/risk-assessments/:id/findings': async (c) => ({
    url: `/api/risk-assessments/${(await draft(c)).id}/findings`,
    body: { title: 'No encryption at rest', severity: 'high', dueDate: '2026-12-31' },
  }),
  'DELETE /api/risk-assessments/:id/findings/:findingId': async (c) => {
    const a = await addFinding(c.t.database.db, (await draft(c)).id, { title: 'No second factor', severity: 'medium' }, actorOf(c.users.admin));
    return { url: `/api/risk-assessments/${a.id}/findings/${a.findings[0]!.id}` };
  },
  // Approval needs an assessor, a day and every score, prepared by someone else than the caller (four eyes).
  'POST /api/risk-assessments/:id/approve': async (c) => {
    await criterion(c);
    const preparer = actorOf(await makeUser(c.t, 'manager'));
    const a = await startAssessment(c.t.database.db, (await ownPartner(c)).id, undefined, preparer);
    const scores = a.scores.map((s) => ({ criterionId: s.criterionId, score: 2 }));
    const done = await updateAssessment(c.t.database.db, a.id, { version: a.version, assessedOn: '2026-03-02', scores }, preparer);
    return { url: `/api/risk-assessments/${a.id}/approve`, body: { version: done.version } };
  },
};

// ---- contracts ------------------------------------------------------------------------------

const contracts: Builders = {
  'GET /api/alerts': plain('/api/alerts'),
  'GET /api/contracts': plain('/api/contracts'),
  'GET /api/contracts/export': plain('/api/contracts/export?status=active&format=xlsx&columns=title,partner,noticeDeadline'),
  'GET /api/contracts/:id': async (c) => ({ url: `/api/contracts/${(await makeContract(c.t, (await makePartner(c.t)).id)).id}` }),
  'POST /api/contracts': async (c) => ({
    url: '/api/contracts',
    body: {
      partnerId: (await ownPartner(c)).id,
      type: 'reseller_agreement',
      title: unique('Reseller agreement'),
      startsOn: '2026-01-01',
      endsOn: '2027-12-31',
      noticePeriodCount: 3,
      noticePeriodUnit: 'months',
    },
  }),
  'PATCH /api/contracts/:id': async (c) => {
    const k = await makeContract(c.t, (await ownPartner(c)).id);
    return { url: `/api/contracts/${k.id}`, body: { version: k.version, status: 'negotiation' } };
  },
  'POST /api/contracts/:id/archive': async (c) => {
    const k = await makeContract(c.t, (await ownPartner(c)).id);
    return { url: `/api/contracts/${k.id}/archive`, body: { version: k.version } };
  },
  'POST /api/contracts/:id/restore': async (c) => {
    const k = await makeContract(c.t, (await ownPartner(c)).id);
    const archived = await setContractArchived(c.t.database.db, k.id, true, k.version, actorOf(c.users.admin));
    return { url: `/api/contracts/${k.id}/restore`, body: { version: archived.version } };
  },
};

// ---- documents ------------------------------------------------------------------------------

let pdf: Promise<Buffer> | undefined;
const filePart = async (): Promise<Part> => ({ name: 'file', fileName: 'agreement.pdf', type: 'application/pdf', data: await (pdf ??= makePdf('Partner agreement')) });

/** A multipart upload as the web app sends it: the fields, then the file. */
const upload = (url: string, parts: Part[]) => {
  const { payload, headers } = multipart(parts);
  return { url, payload, headers };
};

/** A document of a partner the caller owns, uploaded by the administrator. */
async function ownDocument(c: BuildContext): Promise<{ id: string; version: number }> {
  const p = await ownPartner(c);
  const { url, payload, headers } = upload('/api/documents', [{ name: 'subjectType', value: 'partner' }, { name: 'subjectId', value: p.id }, await filePart()]);
  const res = await c.t.app.inject({ method: 'POST', url, payload, headers: { ...headers, ...bearer(c.tokens.admin) } });
  if (res.statusCode !== 201) throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

const documents: Builders = {
  'GET /api/documents': async (c) => ({ url: `/api/documents?subjectType=partner&subjectId=${(await makePartner(c.t)).id}` }),
  'GET /api/documents/:id': async (c) => ({ url: `/api/documents/${(await ownDocument(c)).id}` }),
  'GET /api/documents/:id/download': async (c) => ({ url: `/api/documents/${(await ownDocument(c)).id}/download` }),
  'POST /api/documents': async (c) =>
    upload('/api/documents', [
      { name: 'subjectType', value: 'partner' },
      { name: 'subjectId', value: (await ownPartner(c)).id },
      { name: 'title', value: 'Partner agreement' },
      await filePart(),
    ]),
  'POST /api/documents/:id/versions': async (c) => {
    const d = await ownDocument(c);
    return upload(`/api/documents/${d.id}/versions`, [
      { name: 'version', value: String(d.version) },
      { name: 'file', fileName: 'signed-page.png', type: 'image/png', data: PNG },
    ]);
  },
  'POST /api/documents/:id/archive': async (c) => {
    const d = await ownDocument(c);
    return { url: `/api/documents/${d.id}/archive`, body: { version: d.version } };
  },
  'POST /api/documents/:id/restore': async (c) => {
    const d = await ownDocument(c);
    const archived = await setDocumentArchived(c.t.database.db, d.id, true, d.version, actorOf(c.users.admin));
    return { url: `/api/documents/${d.id}/restore`, body: { version: archived.version } };
  },
};

export const complianceRequests: Builders = { ...certifications, ...programs, ...risk, ...contracts, ...documents };
