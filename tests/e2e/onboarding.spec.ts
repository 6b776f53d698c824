import { test, expect, type Page } from '@playwright/test';
import { Browsing, runId, type Admin } from './support.js';

// Onboarding in the browser: the starter playbooks, a new prospect onboarded from the playbook of its
// type, every step ticked off on its Onboarding tab until the partner is active, and the overview of
// onboardings. Independent of the other specs: its own administrator (or any known one) and its own
// partner, named for this run.
test.describe.configure({ mode: 'serial' });

const run = runId();
const partnerName = `Helvetic Observability ${run}`;
const OWN_ADMIN: Admin = { name: 'Olga Onboarding', email: 'olga.onboarding@example.com', password: 'onboarding spec admin passphrase' };

const b = Browsing.forSpec({ admin: OWN_ADMIN });
let page: Page;
let partnerId = '';

test.beforeAll(() => {
  page = b.page;
});

test('the playbooks page offers the starter set, one playbook per partner type', async () => {
  const existing = await b.api<{ items: { partnerType: string }[] }>('get', '/api/playbooks');
  await page.goto('/playbooks');
  await expect(page.getByRole('heading', { name: 'Onboarding playbooks', level: 1 })).toBeVisible();
  if (!existing.items.some((p) => p.partnerType === 'software_vendor')) {
    await page.getByRole('button', { name: 'Add starter playbooks' }).first().click();
    await expect(page.getByText(/Added \d+ starter playbooks?/)).toBeVisible();
  }
  const vendor = page.getByRole('region', { name: 'Software vendor onboarding' });
  await expect(vendor).toBeVisible();
  await expect(vendor.getByRole('cell', { name: 'Certification plan' })).toBeVisible();
  await expect(vendor.getByRole('cell', { name: 'NDA signed' })).toBeVisible();
  await b.expectAccessible('playbooks page');
  await b.screenshot('playbooks');

  // The editor: steps with an owner role and a due offset; nothing is saved here.
  await vendor.getByRole('button', { name: 'Edit Software vendor onboarding' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit Software vendor onboarding' });
  await expect(dialog.getByRole('group', { name: 'Step 1', exact: true })).toBeVisible();
  await b.expectAccessible('playbook editor');
  await b.screenshot('playbook-editor');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});

test('a new prospect is onboarded from the playbook of its type', async () => {
  await page.goto('/partners/new');
  await b.field('Name').fill(partnerName);
  await b.choose(page.getByRole('combobox', { name: 'Types' }), 'Software vendor');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Add partner' }).click();
  await expect(page.getByRole('heading', { name: partnerName, level: 1 })).toBeVisible();
  partnerId = new URL(page.url()).pathname.split('/')[2]!;
  await expect(page.locator('header dl')).toContainText('Prospect');

  await page.getByRole('tab', { name: 'Onboarding' }).click();
  await expect(page).toHaveURL(new RegExp(`/partners/${partnerId}/onboarding$`));
  const start = page.getByRole('region', { name: 'Start onboarding' });
  // The playbook for the partner's type is chosen already.
  await expect(
    start
      .getByRole('textbox', { name: 'Playbook' })
      .or(start.getByRole('combobox', { name: 'Playbook' }))
      .first(),
  ).toHaveValue(/Software vendor onboarding/);
  await b.expectAccessible('onboarding tab, before the start');
  await start.getByRole('button', { name: 'Start onboarding' }).click();

  const current = page.getByRole('region', { name: 'Software vendor onboarding' });
  await expect(current).toBeVisible();
  await expect(current.getByText(/0 of \d+ steps done/)).toBeVisible();
  await expect(page.locator('header dl')).toContainText('Onboarding');
  await b.expectAccessible('onboarding tab');
  await b.screenshot('onboarding-tab');
  await b.screenshot('onboarding-tab', { phone: true });
});

test('ticking off every step makes the partner active', async () => {
  const current = page.getByRole('region', { name: 'Software vendor onboarding' });
  const open = current.getByRole('checkbox', { name: /: mark as done$/ });
  const total = await open.count();
  expect(total).toBeGreaterThan(5);
  for (let i = 0; i < total; i++) {
    const box = open.first();
    const label = (await box.getAttribute('aria-label'))!;
    const title = label.replace(/: mark as done$/, '');
    await box.click();
    if (i < total - 1) {
      await expect(current.getByRole('checkbox', { name: `${title}: done, uncheck to reopen` })).toBeChecked();
      await expect(current.getByText(`${i + 1} of ${total} steps done`)).toBeVisible();
    }
  }
  // The last step completes the onboarding: the partner is active and the time it took is shown.
  await expect(page.getByRole('status').filter({ hasText: 'Onboarded' })).toContainText(/completed “Software vendor onboarding” (in \d+ days?|the same day it started)/);
  await expect(page.locator('header dl')).toContainText('Active');
  await expect(page.getByRole('region', { name: 'Earlier onboardings' })).toContainText('Completed');
  await b.expectAccessible('onboarding tab, completed');
  await b.screenshot('onboarding-completed');
});

test('the onboardings overview shows those in progress and how long finished ones took', async () => {
  await page.goto('/onboardings');
  await expect(page.getByRole('heading', { name: 'Onboardings', level: 1 })).toBeVisible();
  await expect(page.getByText('Average time to active')).toBeVisible();
  await b.expectAccessible('onboardings page');
  await b.screenshot('onboardings');
  // SegmentedControl hides its radio inputs behind their labels.
  await page.getByText('Completed', { exact: true }).click();
  await expect(page.getByRole('radio', { name: 'Completed' })).toBeChecked();
  await expect(page.getByRole('link', { name: partnerName })).toBeVisible();
  await b.expectAccessible('completed onboardings');
  await b.screenshot('onboardings-completed');
  await b.screenshot('onboardings-completed', { phone: true });
});
