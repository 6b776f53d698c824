import { test, expect, type Locator, type Page } from '@playwright/test';
import { Browsing, runId, type Admin } from './support.js';
import { addMonths, zurichDate } from '../../src/shared/days.js';
import { rateScores, type RiskAssessment, type RiskPolicy } from '../../src/shared/schemas/risk.js';

// Supplier risk in the browser: a partner's first assessment scored criterion by criterion with a
// finding and its mitigation task, approved (rating and next review shown, the approved one read-only),
// then a second assessment that supersedes it. The overview page lists the partner. It signs in with
// an administrator every spec knows and makes its own partner. Four eyes: the administrator prepares
// each assessment and a second Partner Manager, signed in in a browser of their own, approves it.
test.describe.configure({ mode: 'serial' });

const run = runId();
const partner = { id: '', name: `Helvetia Hosting ${run}` };
const finding = `No SOC 2 report ${run}`;
const OWN_ADMIN: Admin = { name: 'Rita Rhythm', email: 'rita.rhythm@example.com', password: 'rhythm spec admin passphrase' };

const b = Browsing.forSpec({ admin: OWN_ADMIN });
const APPROVER = { name: `Moritz Manager ${run}`, email: `moritz.manager.${run}@example.com`, password: 'risk spec second manager passphrase' };
let second: Browsing;
let page: Page;
let policy: RiskPolicy;
let firstId = '';
const today = zurichDate(new Date());
const shown = (day: string) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

test.beforeAll(async ({ browser }) => {
  page = b.page;
  await b.api('post', '/api/users', { ...APPROVER, role: 'manager' });
  second = await new Browsing().init(browser);
  expect((await second.page.request.post('/api/auth/sign-in/email', { data: { email: APPROVER.email, password: APPROVER.password } })).ok()).toBe(true);
  // The catalogue comes with setup; on an installation set up before it existed, the starter set adds it.
  await b.api('post', '/api/risk/criteria/starter', {});
  policy = await b.api<RiskPolicy>('get', '/api/risk/policy');
  const p = await b.api<{ id: string }>('post', '/api/partners', { name: partner.name, types: ['cloud_service_provider'], status: 'active', importance: 'key', country: 'CH' });
  partner.id = p.id;
});

test.afterAll(async () => second?.context?.close());
test.afterEach(() => second.expectCleanConsole());

/** The preparer saves the draft and is told another person approves it; the second manager approves it in their browser. */
async function approveAsSecondManager(draft: Locator, expectInDialog: string[] = []) {
  await draft.getByRole('button', { name: 'Save draft' }).click();
  await expect(draft.getByText('Four eyes: you started', { exact: false })).toBeVisible();
  await expect(draft.getByRole('button', { name: 'Approve', exact: true })).toHaveCount(0);
  const p2 = second.page;
  await p2.goto(`/partners/${partner.id}/risk`);
  await p2.getByRole('region', { name: 'Draft assessment' }).getByRole('button', { name: 'Approve', exact: true }).click();
  const dialog = p2.getByRole('dialog', { name: 'Approve the assessment?' });
  for (const text of expectInDialog) await expect(dialog).toContainText(text);
  await dialog.getByRole('button', { name: 'Approve' }).click();
  await expect(dialog).toBeHidden();
  await page.reload();
}

/** Clicks the score `value` of every criterion of the draft; returns the weights in order. */
async function scoreAll(draft: Locator, value: (i: number) => number) {
  const groups = draft.getByRole('list', { name: 'Criteria' }).getByRole('radiogroup');
  const n = await groups.count();
  expect(n).toBeGreaterThan(5);
  for (let i = 0; i < n; i++)
    await groups
      .nth(i)
      .locator('label')
      .filter({ hasText: new RegExp(`^${value(i)}$`) })
      .click();
  return n;
}

test('a first assessment: every criterion scored, a finding with its mitigation, approved with its rating and next review', async () => {
  await page.goto(`/partners/${partner.id}/risk`);
  const current = page.getByRole('region', { name: 'Current rating' });
  await expect(current.getByText('Not assessed', { exact: true })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Risk' })).toHaveAttribute('aria-selected', 'true');
  await b.expectAccessible('risk tab, not assessed');
  await b.screenshot('risk-tab-empty');

  await page.getByRole('region', { name: 'First assessment' }).getByRole('button', { name: 'Start assessment' }).click();
  const draft = page.getByRole('region', { name: 'Draft assessment' });
  await expect(draft).toBeVisible();
  await expect(draft.getByText('No scores yet')).toBeVisible();
  // Scores 2 and 3 alternating: a high risk under the default thresholds, whatever the weights.
  const scoreOf = (i: number) => (i % 2 === 0 ? 2 : 3);
  await scoreAll(draft, scoreOf);
  const a = await b.api<{ findings: unknown[] } & RiskAssessment>(
    'get',
    `/api/risk-assessments/${(await b.api<{ draft: { id: string } }>('get', `/api/partners/${partner.id}/risk`)).draft.id}`,
  );
  firstId = a.id;
  const expected = rateScores(
    a.scores.map((s, i) => ({ score: scoreOf(i), weight: s.weight })),
    policy,
  )!;
  await expect(draft.getByText(`Preview: ${expected.scorePercent} %`)).toBeVisible();
  await draft.getByRole('textbox', { name: 'Assessed on' }).fill(today);
  await draft.getByRole('textbox', { name: 'Scope' }).fill('Hosts our customer portal and its customer data in Zurich');

  await draft.getByRole('textbox', { name: 'Finding', exact: true }).fill(finding);
  await draft.getByRole('textbox', { name: 'Mitigation' }).fill('Ask for the SOC 2 type II report before renewal');
  await draft.getByRole('button', { name: 'Add finding' }).click();
  await expect(draft.getByText(`Task “Mitigate: ${finding}” · Open`)).toBeVisible();
  await b.expectAccessible('risk draft');
  await b.screenshot('risk-draft');

  await approveAsSecondManager(draft, ['Approved assessments cannot be changed', `rated ${expected.rating} risk (${expected.scorePercent} %)`]);

  const nextReview = addMonths(today, policy.reviewMonths[expected.rating]);
  await expect(current.getByText(`${expected.rating[0]!.toUpperCase()}${expected.rating.slice(1)} risk`, { exact: true })).toBeVisible();
  await expect(current.getByText(`Score ${expected.scorePercent} %`)).toBeVisible();
  await expect(current.getByText(shown(nextReview), { exact: true })).toBeVisible();
  await expect(current).toContainText(`by ${APPROVER.name}`);
  await expect(draft).toBeHidden();
  await expect(page.getByRole('region', { name: 'Findings of the current assessment' })).toContainText(finding);
  await expect(page.getByRole('region', { name: 'Contract clauses' }).getByText('missing from contracts').first()).toBeVisible();
  await b.expectAccessible('risk tab, approved');
  await b.screenshot('risk-tab-approved');

  // The approved assessment reads back as it was decided, with nothing to edit.
  await current.getByRole('button', { name: 'View approved assessment' }).click();
  const view = page.getByRole('dialog', { name: `Risk assessment of ${shown(today)}` });
  await expect(view).toContainText(`Score ${expected.scorePercent} %`);
  await expect(view.getByRole('cell', { name: a.scores[0]!.criterionName })).toBeVisible();
  await expect(view.getByRole('radiogroup')).toHaveCount(0);
  await expect(view.getByRole('textbox')).toHaveCount(0);
  await b.expectAccessible('approved assessment, read-only');
  await b.screenshot('risk-approved-view');
  await page.keyboard.press('Escape');
  await expect(view).toBeHidden();
});

test('a second assessment supersedes the first, which stays in the history', async () => {
  const start = page.getByRole('region', { name: 'New assessment' });
  await expect(
    start
      .getByRole('textbox', { name: 'Reason' })
      .or(start.getByRole('combobox', { name: 'Reason' }))
      .first(),
  ).toHaveValue('Scheduled review');
  await start.getByRole('button', { name: 'Start assessment' }).click();
  const draft = page.getByRole('region', { name: 'Draft assessment' });
  await expect(draft.getByText('No scores yet')).toBeVisible();
  await scoreAll(draft, () => 0);
  await draft.getByRole('textbox', { name: 'Assessed on' }).fill(today);
  await approveAsSecondManager(draft);

  const current = page.getByRole('region', { name: 'Current rating' });
  await expect(current.getByText('Low risk', { exact: true })).toBeVisible();
  await expect(current.getByText(shown(addMonths(today, policy.reviewMonths.low)), { exact: true })).toBeVisible();
  const history = page.getByRole('region', { name: 'Assessment history' });
  const rows = history.getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText('Current');
  await expect(rows.nth(1)).toContainText('Low risk');
  await expect(rows.nth(2)).toContainText('Superseded');
  const first = await b.api<RiskAssessment>('get', `/api/risk-assessments/${firstId}`);
  expect(first.status).toBe('superseded');
  await b.expectAccessible('risk tab with history');
  await b.screenshot('risk-tab-history');
  await b.screenshot('risk-tab-history', { phone: true });
});

test('the supplier risk page lists the partner with its rating and next review', async () => {
  await page.goto('/risk');
  await expect(page.getByRole('heading', { name: 'Supplier risk', level: 1 })).toBeVisible();
  await page.getByRole('textbox', { name: 'Search partners' }).fill(partner.name);
  const row = page.getByRole('row').filter({ hasText: partner.name });
  await expect(row).toContainText('Low risk');
  await expect(row).toContainText(shown(addMonths(today, policy.reviewMonths.low)));
  await page
    .getByRole('radiogroup', { name: 'Rating' })
    .locator('label')
    .filter({ hasText: /^High$/ })
    .click();
  await expect(page.getByRole('row').filter({ hasText: partner.name })).toHaveCount(0);
  await page.getByRole('radiogroup', { name: 'Rating' }).locator('label').filter({ hasText: /^All$/ }).click();
  await expect(row).toBeVisible();
  await b.expectAccessible('supplier risk page');
  await b.screenshot('risk-overview');

  await page.goto('/admin/risk');
  await expect(page.getByRole('heading', { name: 'Risk policy', level: 1 })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Data access and classification', exact: true })).toBeVisible();
  await b.expectAccessible('risk policy page');
  await b.screenshot('risk-admin');
});
