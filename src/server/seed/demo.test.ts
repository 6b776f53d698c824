import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/app.js';
import { actor } from '../../../tests/support/actors.js';
import { seedDemo } from './demo.js';
import { PARTNER_TYPES, IMPORTANCE } from '../../shared/partners.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('demo data', () => {
  it('loads a realistic portfolio once, and refuses a database that already holds partners unless forced', async () => {
    const result = await seedDemo(t.database.db, t.app.auth, { now: new Date('2026-11-26T10:00:00Z') });
    expect(result.partners).toBeGreaterThanOrEqual(25);
    const rows = await t.database.query<{ types: string[]; importance: string; last_contact_at: Date | null; contacts: string; team: string }>(
      `select p.types, p.importance, p.last_contact_at,
              (select count(*) from contact c where c.partner_id = p.id) as contacts,
              (select count(*) from team_assignment ta where ta.partner_id = p.id) as team
       from partner p`,
    );
    for (const type of PARTNER_TYPES)
      expect(
        rows.some((r) => r.types.includes(type)),
        type,
      ).toBe(true);
    for (const level of IMPORTANCE)
      expect(
        rows.some((r) => r.importance === level),
        level,
      ).toBe(true);
    expect(rows.every((r) => Number(r.contacts) >= 3)).toBe(true);
    expect(rows.every((r) => Number(r.team) >= 1)).toBe(true);
    const [span] = await t.database.query<{ oldest: Date; newest: Date }>('select min(occurred_at) as oldest, max(occurred_at) as newest from activity');
    const days = (new Date(span!.newest).getTime() - new Date(span!.oldest).getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(300);
    expect(rows.every((r) => r.last_contact_at !== null)).toBe(true);

    // Compliance: every partner we work with has its agreements; suppliers have an approved risk
    // assessment, one of them overdue for review; colleagues hold certifications.
    const [c] = await t.database.query<{ partners: string; working: string; approved: string; overdue: string; holdings: string }>(
      `select (select count(distinct partner_id) from contract where status = 'active') as partners,
              (select count(*) from partner where status in ('active', 'paused')) as working,
              (select count(*) from risk_assessment where status = 'approved' and rating is not null) as approved,
              (select count(*) from partner where risk_review_due_on < '2026-11-26') as overdue,
              (select count(*) from user_certification where status = 'obtained') as holdings`,
    );
    expect(Number(c!.partners)).toBe(Number(c!.working));
    expect(Number(c!.approved)).toBeGreaterThanOrEqual(5);
    expect(Number(c!.overdue)).toBe(1);
    expect(Number(c!.holdings)).toBeGreaterThanOrEqual(6);
    // The AWS level we hold is met today, and a lapsing certification puts it at risk within months.
    const viewer = await actor(t, 'viewer');
    const programs = await viewer.get('/api/programs');
    const aws = programs.json().items.find((p: { name: string }) => p.name.startsWith('AWS Partner Network'));
    expect(aws, programs.body).toBeDefined();
    expect(aws.heldLevel?.name).toBe('Select');
    // One source of truth: every programme holding a level is linked to its partner, and the partner
    // list shows the levels held there (Kubeforge's Premier counts the CKAs recorded for the KCSP).
    const held = programs.json().items.filter((p: { heldLevel: unknown }) => p.heldLevel);
    expect(held.length).toBeGreaterThanOrEqual(10);
    for (const p of held) expect(p.partner, p.name).not.toBeNull();
    expect(aws.partner.name).toBe('Amazon Web Services');
    const list = await viewer.get('/api/partners?q=kubeforge');
    const kubeforge = list.json().items.find((p: { name: string }) => p.name === 'Kubeforge');
    expect(kubeforge.heldLevels).toMatchObject([{ programName: 'Kubeforge Partner Program', level: { name: 'Premier' }, met: true }]);

    // Joint business: a year of deals won, lost and open; registrations both ways, two inbound ones
    // contesting one customer and product, and an outbound one whose protection ends within 14 days.
    const [d] = await t.database.query<{
      won: string;
      lost: string;
      open: string;
      span: string;
      inbound: string;
      outbound: string;
      contested: string;
      ending: string;
      unrated: string;
    }>(
      `select (select count(*) from opportunity o join deal_stage s on s.key = o.stage_key where s.kind = 'won') as won,
              (select count(*) from opportunity o join deal_stage s on s.key = o.stage_key where s.kind = 'lost' and o.lost_reason is not null) as lost,
              (select count(*) from opportunity o join deal_stage s on s.key = o.stage_key where s.kind = 'open') as open,
              (select max(at)::date - min(at)::date from opportunity_stage_change) as span,
              (select count(*) from deal_registration where direction = 'inbound') as inbound,
              (select count(*) from deal_registration where direction = 'outbound') as outbound,
              (select count(*) from (select customer_id, product_id from deal_registration_product where direction = 'inbound' and status = 'submitted'
                                     group by customer_id, product_id having count(*) > 1) x) as contested,
              (select count(*) from deal_registration where status = 'approved' and protected_until between '2026-11-26' and '2026-12-10') as ending,
              (select count(*) from opportunity o where o.currency <> 'CHF'
                 and not exists (select 1 from fx_rate r where r.currency = o.currency and r.month = to_char(o.expected_close_on, 'YYYY-MM'))) as unrated`,
    );
    expect(Number(d!.won)).toBeGreaterThanOrEqual(5);
    expect(Number(d!.lost)).toBeGreaterThanOrEqual(5);
    expect(Number(d!.open)).toBeGreaterThanOrEqual(5);
    expect(Number(d!.span)).toBeGreaterThan(300);
    expect(Number(d!.inbound)).toBeGreaterThanOrEqual(2);
    expect(Number(d!.outbound)).toBeGreaterThanOrEqual(2);
    expect(Number(d!.contested)).toBe(1);
    expect(Number(d!.ending)).toBe(1);
    expect(Number(d!.unrated)).toBe(0);
    // Two kickback agreements whose lines the kickbacks feature computed; statements paid and one due.
    const [k] = await t.database.query<{ agreements: string; lines: string; paid: string; due: string; loose: string }>(
      `select (select count(*) from kickback_agreement) as agreements, (select count(*) from commission_line where amount_minor > 0) as lines,
              (select count(*) from commission_statement where status = 'paid' and payment_reference is not null) as paid,
              (select count(*) from commission_statement where status = 'due') as due,
              (select count(*) from commission_line l join commission_statement s on s.id = l.statement_id where l.earned_on > s.period_end) as loose`,
    );
    expect(Number(k!.agreements)).toBe(2);
    expect(Number(k!.lines)).toBeGreaterThanOrEqual(2);
    expect(Number(k!.paid)).toBeGreaterThanOrEqual(1);
    expect(Number(k!.due)).toBeGreaterThanOrEqual(1);
    expect(Number(k!.loose)).toBe(0);

    await expect(seedDemo(t.database.db, t.app.auth)).rejects.toThrow(/already holds/);
    const forced = await seedDemo(t.database.db, t.app.auth, { force: true });
    expect(forced.partners).toBe(0);
  });
});
