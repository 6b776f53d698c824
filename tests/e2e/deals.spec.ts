import fs from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { addDays, zurichDate } from '../../src/shared/days.js';
import { pdfText } from '../support/pdf.js';
import { Browsing, runId, type Admin } from './support.js';

// Joint business in the browser (issue 13): two resellers register the same customer's deal, the
// later one typed with a typo and another domain; its page shows the conflict with the earlier
// registration and our open deal side by side; the manager rejects it with a reason and approves the
// earlier one, which opens a deal sourced by that reseller; the deal is moved to won on the board
// with the keyboard alone; the reseller's kickback statement is downloaded as a PDF and its total read
// back equals 10 % of the deal's first-year value.
test.describe.configure({ mode: 'serial' });

const run = runId();
const OWN_ADMIN: Admin = { name: 'Dana Deals', email: 'dana.deals@example.com', password: 'deals spec admin passphrase' };
const b = Browsing.forSpec({ admin: OWN_ADMIN, acceptDownloads: true });
let page: Page;

const today = zurichDate(new Date());
// Today is in the current quarter, so the board opens on the deal without paging quarters.
const closeOn = today;
const ids = { product: '', first: '', second: '', vendor: '', ourDeal: '', earlier: '', later: '', sourcedDeal: '' };
const DEAL_VALUE_MINOR = 4_800_000; // CHF 48,000.00 one-off, no MRR
const EXPECTED_FEE = '4,800.00'; // 10 % of the first year's value

/** Digits, separators and the decimal point of an amount, whatever apostrophe or space a locale groups thousands with. */
const amountDigits = (s: string) => s.replace(/[’'\u00a0\u202f ,]/g, '');

test.beforeAll(async () => {
  page = b.page;
  ids.product = (await b.api<{ id: string }>('post', '/api/products', { name: `Managed Kubernetes ${run}` })).id;
  const partner = async (name: string, type: string) =>
    (await b.api<{ id: string }>('post', '/api/partners', { name, types: [type], status: 'active', importance: 'standard', country: 'CH' })).id;
  ids.first = await partner(`Zeta Consulting ${run}`, 'consultant_reseller');
  ids.second = await partner(`Omega Reseller ${run}`, 'consultant_reseller');
  ids.vendor = await partner(`Kubevendor ${run}`, 'software_vendor');
  // Our own open deal for the customer, with the vendor whose product we resell.
  ids.ourDeal = (
    await b.api<{ id: string }>('post', '/api/opportunities', {
      title: `Platform for Muster ${run}`,
      customer: { name: `Muster ${run} AG`, domain: `www.muster${run}.ch`, country: 'CH' },
      partners: [{ partnerId: ids.vendor, role: 'we_resell' }],
      productIds: [ids.product],
      oneOffMinor: 2_000_000,
      currency: 'CHF',
      expectedCloseOn: addDays(closeOn, 0),
    })
  ).id;
  // The first reseller's kickback: 10 % of the first year's value of deals it brings.
  await b.api('post', '/api/kickback-agreements', {
    partnerId: ids.first,
    name: `Referral fee ${run}`,
    validFrom: addDays(today, -30),
    kind: 'first_year_pct',
    rateBp: 1000,
    currency: 'CHF',
  });
  // Filed first: the same registrable domain as our deal's customer (a subdomain).
  ids.earlier = (
    await b.api<{ id: string }>('post', '/api/deal-registrations', {
      direction: 'inbound',
      partnerId: ids.first,
      status: 'submitted',
      customer: { name: `Muster ${run} Informatik AG`, domain: `shop.muster${run}.ch`, country: 'CH' },
      productIds: [ids.product],
      estimatedValueMinor: DEAL_VALUE_MINOR,
      currency: 'CHF',
      expectedCloseOn: closeOn,
    })
  ).id;
  // Filed later, by the other reseller: another domain, the name with a typo.
  ids.later = (
    await b.api<{ id: string }>('post', '/api/deal-registrations', {
      direction: 'inbound',
      partnerId: ids.second,
      status: 'submitted',
      customer: { name: `Mustr ${run} AG`, domain: `mustr${run}-group.com`, country: 'CH' },
      productIds: [ids.product],
      estimatedValueMinor: 5_000_000,
      currency: 'CHF',
      expectedCloseOn: closeOn,
    })
  ).id;
});

test('the later registration shows its conflicts side by side and is rejected with a reason', async () => {
  await page.goto(`/registrations/${ids.later}`);
  const panel = page.getByTestId('conflict-panel');
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId(`conflict-${ids.earlier}`).first()).toBeVisible();
  await expect(panel.getByTestId(`conflict-${ids.ourDeal}`).first()).toBeVisible();
  await expect(panel).toContainText(`Zeta Consulting ${run}`);
  await expect(panel).toContainText(`Platform for Muster ${run}`);
  await b.expectAccessible('registration page with conflicts');
  await b.screenshot('deals-01-registration-conflicts');

  await page.getByTestId('registration-reject').click();
  await page.getByTestId('reject-reason').fill('Zeta Consulting registered this customer first');
  await page.getByTestId('reject-confirm').click();
  await expect(page.getByTestId('registration-status')).toHaveText(/rejected/i);
  await expect(page.getByTestId('registration-rejection')).toContainText('Zeta Consulting registered this customer first');
});

test('the earlier registration is approved and opens a deal sourced by the reseller', async () => {
  await page.goto(`/registrations/${ids.earlier}`);
  await expect(page.getByTestId('conflict-panel')).toBeVisible();
  await page.getByTestId('registration-approve').click();
  // Filed first: no reason is asked for.
  await expect(page.getByTestId('approve-not-first')).toHaveCount(0);
  await page.getByTestId('approve-confirm').click();
  await expect(page.getByTestId('registration-status')).toHaveText(/approved/i);
  const reg = await b.api<{ opportunity: { id: string } | null; protectedUntil: string | null }>('get', `/api/deal-registrations/${ids.earlier}`);
  expect(reg.protectedUntil).toBe(addDays(today, 90));
  expect(reg.opportunity).not.toBeNull();
  ids.sourcedDeal = reg.opportunity!.id;
  const deal = await b.api<{ partners: { id: string; role: string }[]; oneOffMinor: number }>('get', `/api/opportunities/${ids.sourcedDeal}`);
  expect(deal.partners).toEqual([expect.objectContaining({ id: ids.first, role: 'sourced' })]);
  expect(deal.oneOffMinor).toBe(DEAL_VALUE_MINOR);
});

test('the deal moves to won on the board with the keyboard alone', async () => {
  await page.goto('/deals');
  const card = page.getByTestId(`deal-card-${ids.sourcedDeal}`);
  await expect(page.getByTestId('board-column-qualify').getByTestId(`deal-card-${ids.sourcedDeal}`)).toBeVisible();
  await b.expectAccessible('deal board');
  const handle = card.getByRole('button', { name: /^Move .* \(now in Qualify\)$/ });
  await handle.focus();
  await page.keyboard.press('Space');
  // dnd-kit attaches its key listener on the next tick: wait until the card is lifted.
  await expect(card).toHaveAttribute('data-dragging', 'true');
  // Lifted with Space, one column to the right with the arrow key, dropped with Space.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('board-column-propose')).toHaveAttribute('data-over', 'true');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('board-column-propose').getByTestId(`deal-card-${ids.sourcedDeal}`)).toBeVisible();
  // Then to Won through the card's "Move to…" menu, by keyboard too: Tab from the handle, Enter, arrows, Enter.
  const menuButton = page.getByTestId(`deal-card-move-${ids.sourcedDeal}`);
  await menuButton.focus();
  await page.keyboard.press('Enter');
  const won = page.getByRole('menuitem', { name: 'Won' });
  await expect(won).toBeVisible();
  while (!(await won.evaluate((el) => el === document.activeElement || el.hasAttribute('data-hovered')))) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('board-column-won').getByTestId(`deal-card-${ids.sourcedDeal}`)).toBeVisible();
  const deal = await b.api<{ stage: { key: string } }>('get', `/api/opportunities/${ids.sourcedDeal}`);
  expect(deal.stage.key).toBe('won');
  await b.screenshot('deals-02-board');
});

test("the partner's Deals tab lists the deal it brought", async () => {
  await page.goto(`/partners/${ids.first}/deals`);
  const tab = page.getByTestId('partner-deals-tab');
  // The tab opens on the open deals; this one is won.
  await expect(tab).toContainText(`No deals with Zeta Consulting ${run} yet`);
  await tab.getByText('Won', { exact: true }).click();
  await expect(tab.getByTestId(`deal-row-${ids.sourcedDeal}`)).toContainText(`Muster ${run}`);
  await b.expectAccessible('partner deals tab');
  await b.screenshot('deals-03-partner-deals-tab');
});

test("the reseller's kickback statement PDF totals 10 % of the deal", async () => {
  const statement = await b.api<{ id: string }>('post', '/api/commission-statements', { partnerId: ids.first, currency: 'CHF' });
  await page.goto(`/commission-statements/${statement.id}`);
  await expect(page.getByTestId('statement-total')).toContainText(/4.800\.00/);
  await b.expectAccessible('commission statement');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download PDF' }).click()]);
  const text = await pdfText(fs.readFileSync((await download.path())!));
  const total = /Total:?\s*CHF\s*([\d’'\u00a0\u202f ,.]+)/.exec(text);
  expect(total, text).not.toBeNull();
  expect(amountDigits(total![1]!.trim())).toBe(amountDigits(EXPECTED_FEE));
});
