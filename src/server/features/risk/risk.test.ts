import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../tests/support/app.js';
import { actor, actorsFor, requestsAs, type Actors } from '../../../../tests/support/actors.js';
import { addTeamMember, makePartner } from '../../../../tests/support/factories.js';
import { auditLog, contract, partner, riskAssessment, riskFinding, riskScore, task } from '../../db/schema/index.js';
import { DEFAULT_RISK_POLICY, rateScores } from '../../../shared/schemas/risk.js';
import { addDays, dayIn } from '../../../shared/days.js';
import { listPartners } from '../partners/index.js';
import { listPartnersQuery } from '../../../shared/schemas/partner.js';
import { recordServiceChange } from './risk.service.js';

let t: TestApp;
let as: Actors;
/** Weights 5, 3, 2: the maximum is 30 points, so every threshold is hit exactly (9 points = 30 %, 18 = 60 %). */
let crit: { a: string; b: string; c: string };

const { get, post, patch, del } = requestsAs(() => as.admin);

beforeAll(async () => {
  t = await createTestApp();
  as = await actorsFor(t);
  const make = async (name: string, weight: number) => {
    const res = await post('/api/risk/criteria', { name, weight, description: `${name}: 0 none, 3 high` });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  crit = { a: await make('Data access', 5), b: await make('Criticality', 3), c: await make('Data location', 2) };
});
afterAll(() => t.close());

async function draftFor(partnerId: string, token = as.admin) {
  const res = await post(`/api/partners/${partnerId}/risk-assessments`, {}, token);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Scores a, b, c, sets assessor and date, and approves; returns the approved assessment. */
async function assess(partnerId: string, scores: [number, number, number], assessedOn = '2026-03-10') {
  const d = await draftFor(partnerId);
  const filled = await patch(`/api/risk-assessments/${d.id}`, {
    version: d.version,
    assessorId: as.admin.id,
    assessedOn,
    scope: 'Hosting of our customer portal',
    scores: [
      { criterionId: crit.a, score: scores[0] },
      { criterionId: crit.b, score: scores[1], note: 'Runs production' },
      { criterionId: crit.c, score: scores[2] },
    ],
  });
  expect(filled.statusCode, filled.body).toBe(200);
  const approved = await post(`/api/risk-assessments/${d.id}/approve`, { version: filled.json().version }, as.manager);
  expect(approved.statusCode, approved.body).toBe(200);
  return approved.json();
}

const countOf = async (table: typeof riskAssessment | typeof riskScore | typeof riskFinding | typeof task) =>
  (await t.database.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(table))[0]!.n;

describe('risk rating', () => {
  it('rates by the weighted percentage at the exact threshold edges (30 % medium, 60 % high)', async () => {
    const cases: [[number, number, number], number, string][] = [
      [[0, 2, 1], 27, 'low'], // 8 of 30 points
      [[1, 0, 2], 30, 'medium'], // 9 of 30
      [[3, 0, 1], 57, 'medium'], // 17 of 30
      [[3, 1, 0], 60, 'high'], // 18 of 30
      [[3, 3, 3], 100, 'high'],
      [[0, 0, 0], 0, 'low'],
    ];
    for (const [scores, percent, rating] of cases) {
      const a = await assess((await makePartner(t)).id, scores);
      expect([a.scorePercent, a.rating], `${scores}`).toEqual([percent, rating]);
    }
    // The shared function rounds half up and ignores unscored criteria.
    expect(
      rateScores(
        [
          { score: 1, weight: 1 },
          { score: 0, weight: 1 },
          { score: null, weight: 9 },
        ],
        DEFAULT_RISK_POLICY,
      ),
    ).toEqual({ scorePercent: 17, rating: 'low' });
    expect(rateScores([], DEFAULT_RISK_POLICY)).toBeNull();
  });

  it('sets the next review by rating from the assessed-on date, clamped at month end', async () => {
    const high = await assess((await makePartner(t)).id, [3, 3, 3], '2026-01-31');
    expect(high.nextReviewOn).toBe('2027-01-31'); // 12 months
    const leap = await assess((await makePartner(t)).id, [3, 3, 3], '2028-02-29');
    expect(leap.nextReviewOn).toBe('2029-02-28');
    const medium = await assess((await makePartner(t)).id, [1, 0, 2], '2026-08-31');
    expect(medium.nextReviewOn).toBe('2028-08-31'); // 24 months
    const low = await assess((await makePartner(t)).id, [0, 0, 0], '2027-02-28');
    expect(low.nextReviewOn).toBe('2030-02-28'); // 36 months
  });
});

describe('assessments', () => {
  it('approval records assessor and approver, sets the partner’s review date and supersedes the previous one, all kept', async () => {
    const p = await makePartner(t);
    const first = await assess(p.id, [3, 3, 3], '2026-01-15');
    expect(first).toMatchObject({
      status: 'approved',
      reason: 'initial',
      assessor: { id: as.admin.id },
      approver: { name: expect.any(String) },
      rating: 'high',
      supersedesId: null,
      missing: [],
      preview: null,
    });
    expect(first.approvedAt).not.toBeNull();
    let row = (await t.database.db.select().from(partner).where(eq(partner.id, p.id)))[0]!;
    expect(row.riskReviewDueOn).toBe('2027-01-15');

    const second = await assess(p.id, [0, 0, 0], '2026-06-01');
    expect(second).toMatchObject({ reason: 'scheduled', rating: 'low', nextReviewOn: '2029-06-01', supersedesId: first.id });
    row = (await t.database.db.select().from(partner).where(eq(partner.id, p.id)))[0]!;
    expect(row.riskReviewDueOn).toBe('2029-06-01');

    const risk = (await get(`/api/partners/${p.id}/risk`, as.viewer)).json();
    expect(risk.current.id).toBe(second.id);
    expect(risk.reviewDueOn).toBe('2029-06-01');
    expect(risk.overdue).toBe(false);
    expect(risk.history.map((a: { id: string; status: string }) => [a.id, a.status])).toEqual([
      [second.id, 'approved'],
      [first.id, 'superseded'],
    ]);
    expect(risk.history[1].supersededAt).not.toBeNull();
    // The superseded one is still readable, with its own score and rating.
    expect((await get(`/api/risk-assessments/${first.id}`, as.viewer)).json()).toMatchObject({ status: 'superseded', rating: 'high', scorePercent: 100 });
    const audit = (await get(`/api/audit?entityType=risk_assessment&entityId=${first.id}`)).json().items.map((e: { action: string }) => e.action);
    expect(audit).toEqual(['supersede', 'approve', 'update', 'create']);
  });

  it('an approved or superseded assessment cannot change: PATCH, approve, findings and delete answer 409 and change nothing', async () => {
    const p = await makePartner(t);
    const first = await assess(p.id, [1, 1, 1]);
    const approved = (await t.database.db.select().from(riskAssessment).where(eq(riskAssessment.id, first.id)))[0]!;
    const scoresBefore = await t.database.db.select().from(riskScore).where(eq(riskScore.assessmentId, first.id));
    const attempts = [
      () => patch(`/api/risk-assessments/${first.id}`, { version: first.version, summary: 'Rewritten', scores: [{ criterionId: crit.a, score: 0 }] }),
      () => post(`/api/risk-assessments/${first.id}/approve`, { version: first.version }),
      () => post(`/api/risk-assessments/${first.id}/findings`, { title: 'Late finding', mitigation: 'Do something' }),
      () => del(`/api/risk-assessments/${first.id}`),
      () => del(`/api/risk-assessments/${first.id}/findings/${crypto.randomUUID()}`),
    ];
    const check = async () => {
      for (const attempt of attempts) {
        const res = await attempt();
        expect(res.statusCode, res.body).toBe(409);
        expect(res.json().code).toBe('conflict');
        expect(res.json().detail).toContain('cannot be changed');
      }
    };
    const counts = [await countOf(riskFinding), await countOf(task)];
    await check();
    expect((await t.database.db.select().from(riskAssessment).where(eq(riskAssessment.id, first.id)))[0]).toEqual(approved);
    expect(await t.database.db.select().from(riskScore).where(eq(riskScore.assessmentId, first.id))).toEqual(scoresBefore);
    expect([await countOf(riskFinding), await countOf(task)]).toEqual(counts);

    await assess(p.id, [0, 0, 0]);
    await check(); // now superseded
  });

  it('refuses a score of 4, -1 or 1.5 and an unknown criterion with 400 naming the field, and writes nothing', async () => {
    const p = await makePartner(t);
    const d = await draftFor(p.id);
    const before = (await t.database.db.select().from(riskScore).where(eq(riskScore.assessmentId, d.id))).sort((x, y) => x.criterionId.localeCompare(y.criterionId));
    const cases: [unknown, string][] = [
      [
        [
          { criterionId: crit.a, score: 1 },
          { criterionId: crit.b, score: 4 },
        ],
        'body.scores.1.score',
      ],
      [[{ criterionId: crit.a, score: -1 }], 'body.scores.0.score'],
      [[{ criterionId: crit.c, score: 1.5 }], 'body.scores.0.score'],
      [[{ criterionId: crit.a, score: '2' }], 'body.scores.0.score'],
      [
        [
          { criterionId: crit.a, score: 2 },
          { criterionId: crypto.randomUUID(), score: 1 },
        ],
        'body.scores.1.criterionId',
      ],
    ];
    for (const [scores, path] of cases) {
      const res = await patch(`/api/risk-assessments/${d.id}`, { version: d.version, summary: 'Should not stick', scores });
      expect(res.statusCode, `${path}: ${res.body}`).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const after = (await t.database.db.select().from(riskScore).where(eq(riskScore.assessmentId, d.id))).sort((x, y) => x.criterionId.localeCompare(y.criterionId));
    expect(after).toEqual(before);
    expect((await get(`/api/risk-assessments/${d.id}`)).json()).toMatchObject({ version: d.version, summary: null });
  });

  it('refuses an incomplete approval with 400 listing what is missing, and keeps one draft per partner (409)', async () => {
    const p = await makePartner(t);
    const d = await draftFor(p.id);
    expect(d.scores.map((s: { criterionName: string; weight: number }) => [s.criterionName, s.weight])).toEqual([
      ['Data access', 5],
      ['Criticality', 3],
      ['Data location', 2],
    ]);
    const dup = await post(`/api/partners/${p.id}/risk-assessments`, {});
    expect(dup.statusCode).toBe(409);
    expect(dup.json().detail).toContain('already has a draft');

    const partial = await patch(`/api/risk-assessments/${d.id}`, { version: d.version, assessorId: null, scores: [{ criterionId: crit.a, score: 2 }] });
    expect(partial.statusCode, partial.body).toBe(200);
    expect(partial.json().preview).toEqual({ scorePercent: 67, rating: 'high' });
    const res = await post(`/api/risk-assessments/${d.id}/approve`, { version: partial.json().version }, as.manager);
    expect(res.statusCode).toBe(400);
    const detail = res.json().detail as string;
    for (const m of ['Assessor', 'Assessed on', 'Score for “Criticality”', 'Score for “Data location”']) expect(detail).toContain(m);
    expect(detail).not.toContain('Data access');
    expect((await t.database.db.select().from(riskAssessment).where(eq(riskAssessment.id, d.id)))[0]).toMatchObject({ status: 'draft', approvedAt: null, rating: null });
    expect((await t.database.db.select().from(partner).where(eq(partner.id, p.id)))[0]!.riskReviewDueOn).toBeNull();
    // Members may not approve.
    expect((await post(`/api/risk-assessments/${d.id}/approve`, { version: partial.json().version }, as.member)).statusCode).toBe(403);
  });

  it('four eyes: who started, last changed or assessed a draft may not approve it (403 four_eyes, nothing changes); another manager may', async () => {
    const p = await makePartner(t);
    const d = await draftFor(p.id); // started by the admin
    const scores = [crit.a, crit.b, crit.c].map((criterionId) => ({ criterionId, score: 1 }));
    // The manager fills it in: now they changed it last, and they name someone else as assessor.
    const filled = await patch(`/api/risk-assessments/${d.id}`, { version: d.version, assessorId: as.admin.id, assessedOn: '2026-03-10', scores }, as.manager);
    expect(filled.statusCode, filled.body).toBe(200);
    expect(filled.json()).toMatchObject({ missing: [], canApprove: false, approvalRefusal: expect.stringContaining('you last changed this assessment') });
    expect((await get(`/api/risk-assessments/${d.id}`)).json()).toMatchObject({ canApprove: false, approvalRefusal: expect.stringContaining('you started') });
    expect((await get(`/api/risk-assessments/${d.id}`, as.member)).json()).toMatchObject({ canApprove: false, approvalRefusal: null });
    const before = (await t.database.db.select().from(riskAssessment).where(eq(riskAssessment.id, d.id)))[0]!;
    const audits = async () => (await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, d.id))).length;
    const auditsBefore = await audits();
    for (const who of [as.manager, as.admin]) {
      const res = await post(`/api/risk-assessments/${d.id}/approve`, { version: filled.json().version }, who);
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json()).toMatchObject({ code: 'four_eyes', detail: expect.stringContaining('another Partner Manager or administrator must approve it') });
    }
    expect((await t.database.db.select().from(riskAssessment).where(eq(riskAssessment.id, d.id)))[0]).toEqual(before);
    expect((await t.database.db.select().from(partner).where(eq(partner.id, p.id)))[0]!.riskReviewDueOn).toBeNull();
    expect(await audits()).toBe(auditsBefore);

    // A second Partner Manager, who neither started nor changed it nor assessed it, sees it approvable and approves.
    const second = await actor(t, 'manager');
    expect((await get(`/api/risk-assessments/${d.id}`, second)).json()).toMatchObject({ canApprove: true, approvalRefusal: null });
    const ok = await post(`/api/risk-assessments/${d.id}/approve`, { version: filled.json().version }, second);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved', approver: { id: second.id }, assessor: { id: as.admin.id }, canApprove: false });
  });

  it('findings with a mitigation become tasks on the assessment; removing a finding from a draft cancels its task; a draft can be deleted', async () => {
    const p = await makePartner(t);
    const d = await draftFor(p.id);
    const res = await post(`/api/risk-assessments/${d.id}/findings`, {
      title: 'No SOC 2 report',
      severity: 'high',
      mitigation: 'Ask for the SOC 2 type II report',
      assigneeId: as.member.id,
      dueDate: '2026-12-31',
    });
    expect(res.statusCode, res.body).toBe(201);
    const f = res.json().findings[0];
    expect(f).toMatchObject({
      title: 'No SOC 2 report',
      severity: 'high',
      task: { title: 'Mitigate: No SOC 2 report', status: 'open', dueDate: '2026-12-31', assignee: { id: as.member.id } },
    });
    const [row] = await t.database.db.select().from(task).where(eq(task.id, f.task.id));
    expect(row).toMatchObject({ subjectType: 'risk_assessment', subjectId: d.id, partnerId: p.id, priority: 'high' });
    const plain = await post(`/api/risk-assessments/${d.id}/findings`, { title: 'Old TLS on the portal', severity: 'low' });
    expect(plain.json().findings[1].task).toBeNull();
    expect((await post(`/api/risk-assessments/${d.id}/findings`, { title: '', severity: 'extreme' })).statusCode).toBe(400);

    const removed = await del(`/api/risk-assessments/${d.id}/findings/${f.id}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().findings.map((x: { title: string }) => x.title)).toEqual(['Old TLS on the portal']);
    expect((await t.database.db.select().from(task).where(eq(task.id, f.task.id)))[0]!.status).toBe('cancelled');

    expect((await del(`/api/risk-assessments/${d.id}`)).statusCode).toBe(204);
    expect(await t.database.db.select().from(riskAssessment).where(eq(riskAssessment.id, d.id))).toEqual([]);
    expect((await get(`/api/risk-assessments/${d.id}`)).statusCode).toBe(404);
    expect((await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, d.id))).map((e) => e.action).sort()).toEqual([
      'add_finding',
      'add_finding',
      'create',
      'delete',
      'remove_finding',
    ]);
  });

  it('members edit drafts only of partners they own or are on the team of; viewers read', async () => {
    const theirs = await makePartner(t, { ownerId: as.member.id });
    const team = await makePartner(t);
    await addTeamMember(t, team.id, as.member.id);
    const other = await makePartner(t);
    await draftFor(theirs.id, as.member);
    await draftFor(team.id, as.member);
    expect((await post(`/api/partners/${other.id}/risk-assessments`, {}, as.member)).statusCode).toBe(403);
    const d = await draftFor(other.id);
    expect((await patch(`/api/risk-assessments/${d.id}`, { version: d.version, summary: 'x' }, as.member)).statusCode).toBe(403);
    expect((await post(`/api/risk-assessments/${d.id}/findings`, { title: 'x' }, as.member)).statusCode).toBe(403);
    expect((await post(`/api/partners/${other.id}/risk-assessments`, {}, as.viewer)).statusCode).toBe(403);
    expect((await get(`/api/risk-assessments/${d.id}`, as.viewer)).statusCode).toBe(200);
    expect((await get(`/api/risk-assessments/${d.id}`)).json().summary).toBeNull();
  });
});

describe('review due dates, clauses and the overview', () => {
  it('a change of service makes the review due today; tomorrow the partner is flagged overdue in the list filter', async () => {
    const p = await makePartner(t);
    await assess(p.id, [0, 0, 0], '2026-01-10'); // due 2029-01-10
    const now = new Date('2026-11-27T09:00:00Z');
    const actor = { id: as.admin.id, name: as.admin.name, email: as.admin.email, role: 'admin' as const, via: 'token' as const };
    expect(await recordServiceChange(t.database.db, p.id, 'Now also hosts customer data', actor, now)).toEqual({ riskReviewDueOn: '2026-11-27' });
    const q = (riskReviewOverdue: string) => listPartnersQuery.parse({ riskReviewOverdue, q: p.name, pageSize: '100' });
    expect((await listPartners(t.database.db, q('true'), now)).items).toEqual([]);
    const tomorrow = new Date('2026-11-28T09:00:00Z');
    const flagged = await listPartners(t.database.db, q('true'), tomorrow);
    expect(flagged.items.map((x) => [x.id, x.riskReviewDueOn])).toEqual([[p.id, '2026-11-27']]);
    expect((await listPartners(t.database.db, q('false'), tomorrow)).items).toEqual([]);
    expect((await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, p.id))).map((e) => e.action)).toContain('risk_review_due');

    // Through the API (today's clock): the route validates the note and answers with the due date.
    expect((await post(`/api/partners/${p.id}/risk/service-change`, { note: '' })).statusCode).toBe(400);
    const res = await post(`/api/partners/${p.id}/risk/service-change`, { note: 'New data centre' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().riskReviewDueOn <= dayIn(new Date())).toBe(true);
  });

  it('lists the clauses the rating requires and which of them the partner’s active contracts contain', async () => {
    const p = await makePartner(t);
    const none = (await get(`/api/partners/${p.id}/risk`)).json();
    expect(none).toMatchObject({ current: null, reviewDueOn: null, overdue: false, clauses: { required: [], missing: [] } });
    await assess(p.id, [1, 0, 2]); // medium
    await t.database.db.insert(contract).values([
      { partnerId: p.id, type: 'msa', title: 'MSA', status: 'active', clauses: ['confidentiality', 'service_levels', 'audit_rights'] },
      { partnerId: p.id, type: 'dpa', title: 'DPA draft', status: 'draft', clauses: ['data_processing'] },
      { partnerId: p.id, type: 'nda', title: 'Old NDA', status: 'active', clauses: ['return_of_assets'], archivedAt: new Date() },
    ]);
    const risk = (await get(`/api/partners/${p.id}/risk`)).json();
    expect(risk.clauses.required).toEqual(DEFAULT_RISK_POLICY.clauses.medium);
    expect(risk.clauses.present).toEqual(['audit_rights', 'confidentiality', 'service_levels']);
    expect(risk.clauses.missing).toEqual(['return_of_assets', 'data_processing', 'incident_notification']);
  });

  it('the overview shows overdue partners first and filters by rating', async () => {
    const late = await makePartner(t, { name: `Risk overview late ${process.pid}` });
    const fine = await makePartner(t, { name: `Risk overview fine ${process.pid}` });
    await assess(fine.id, [3, 3, 3], dayIn(new Date()));
    await assess(late.id, [0, 0, 0]);
    await t.database.db
      .update(partner)
      .set({ riskReviewDueOn: addDays(dayIn(new Date()), -3) })
      .where(eq(partner.id, late.id));
    const res = await get(`/api/risk/overview?q=${encodeURIComponent(`Risk overview`)}`, as.viewer);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((i: { partner: { id: string }; overdue: boolean; rating: string }) => [i.partner.id, i.overdue, i.rating])).toEqual([
      [late.id, true, 'low'],
      [fine.id, false, 'high'],
    ]);
    const high = (await get(`/api/risk/overview?rating=high&q=${encodeURIComponent('Risk overview')}`)).json().items;
    expect(high.map((i: { partner: { id: string } }) => i.partner.id)).toEqual([fine.id]);
    const overdue = (await get(`/api/risk/overview?overdue=true&q=${encodeURIComponent('Risk overview')}`)).json().items;
    expect(overdue.map((i: { partner: { id: string } }) => i.partner.id)).toEqual([late.id]);
  });
});
