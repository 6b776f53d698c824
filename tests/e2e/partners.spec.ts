import { test, expect, type Locator, type Page } from '@playwright/test';
import { Browsing, escapeRegExp, runId, type Admin } from './support.js';

// The partner registry in the browser: the form, the list with its filters and saved views, the
// 360° page with links between partners, status changes and history. Independent of the other
// specs: it signs in with an administrator it knows (creating one through the first-run API on an
// empty installation) and makes its own partners, with names unique to this run.
test.describe.configure({ mode: 'serial' });

const run = runId();
const vendor = { id: '', name: `Kubeforge ${run}` };
const distributor = { id: '', name: `Alpenland Distribution ${run}` };
const viewName = `Distributors ${run}`;

const OWN_ADMIN: Admin = { name: 'Paula Partners', email: 'paula.partners@example.com', password: 'partners spec admin passphrase' };

const b = Browsing.forSpec({ admin: OWN_ADMIN });
let page: Page;
const screenshot = (name: string, opts?: { phone?: boolean }) => b.screenshot(name, opts);
const expectAccessible = (what: string) => b.expectAccessible(what);
const choose = (input: Locator, option: string) => b.choose(input, option);
const field = (name: string, scope?: Page | Locator) => b.field(name, scope ?? page);

const idFromUrl = () => new URL(page.url()).pathname.split('/')[2]!;
const related = () => page.getByRole('region', { name: 'Related partners' });

test.beforeAll(() => {
  page = b.page;
});

test('add a software vendor through the form', async () => {
  await page.goto('/partners');
  await expect(page.getByRole('heading', { name: 'Partners', level: 1 })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Partners' }).click();
  await page.getByRole('link', { name: 'Add partner' }).first().click();
  await expect(page).toHaveURL(/\/partners\/new$/);
  await expect(page.getByRole('heading', { name: 'Add a partner', level: 1 })).toBeVisible();

  // The shared schema checks the form before anything is sent.
  await page.getByRole('button', { name: 'Add partner' }).click();
  await expect(page.getByText('Name is required')).toBeVisible();
  await expect(page.getByText('Types needs at least one partner type')).toBeVisible();

  // Customers are out of scope, and the form says so when someone looks for them.
  const types = page.getByRole('combobox', { name: 'Types' });
  await types.fill('customer');
  await expect(page.getByText('Customers are not partners in Partnerhub')).toBeVisible();
  await types.fill('');
  await page.keyboard.press('Escape');

  await field('Name').fill(vendor.name);
  await choose(types, 'Software vendor');
  await page.keyboard.press('Escape');
  await field('Website').fill('not a web address');
  await choose(page.getByRole('combobox', { name: 'Country' }), 'Switzerland');
  await field('Description').fill('Enterprise Kubernetes platform vendor.');
  await choose(page.getByRole('combobox', { name: 'Importance' }), 'Strategic');
  const tags = page.getByRole('combobox', { name: 'Tags' });
  await tags.fill('kubernetes');
  await tags.press('Enter');
  await page.getByRole('checkbox', { name: 'We resell them' }).check();
  await field('Partner portal').fill('https://partners.kubeforge.example');
  await expectAccessible('partner form');
  await screenshot('partner-form');
  await screenshot('partner-form', { phone: true });

  await page.getByRole('button', { name: 'Add partner' }).click();
  await expect(page.getByText('Website must be an http(s) URL')).toBeVisible();
  await field('Website').fill('https://www.kubeforge.example');
  await page.getByRole('button', { name: 'Add partner' }).click();

  await expect(page.getByRole('heading', { name: vendor.name, level: 1 })).toBeVisible();
  vendor.id = idFromUrl();
  const facts = page.locator('header dl');
  await expect(facts).toContainText('Prospect');
  await expect(facts).toContainText('Strategic');
  // The level we hold comes from the partner's programmes; none is linked yet.
  await expect(facts).toContainText('Not recorded');
  await expect(facts).toContainText('Switzerland');
  await expect(page.getByRole('link', { name: /Partner portal/ })).toHaveAttribute('rel', /noopener/);
  await expect(page.getByRole('region', { name: 'Why we work together' })).toContainText('We resell them');
});

test('add a distributor; a taken name is reported on its field', async () => {
  await page.goto('/partners/new');
  await field('Name').fill(vendor.name);
  await choose(page.getByRole('combobox', { name: 'Types' }), 'Distributor');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Add partner' }).click();
  // The server's field error lands on the field.
  await expect(page.getByText('Name is already used by another partner')).toBeVisible();

  await field('Name').fill(distributor.name);
  await choose(page.getByRole('combobox', { name: 'Importance' }), 'Key');
  await page.getByRole('button', { name: 'Add partner' }).click();
  await expect(page.getByRole('heading', { name: distributor.name, level: 1 })).toBeVisible();
  distributor.id = idFromUrl();
});

test('link the distributor to the vendor and see it on both 360° pages', async () => {
  await page.getByRole('button', { name: `Actions for ${distributor.name}` }).click();
  await page.getByRole('menuitem', { name: 'Link a vendor or distributor…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Link a vendor or distributor' });
  await expect(dialog.getByRole('radio', { name: `${distributor.name} is a distributor of…` })).toBeChecked();
  const partnerPicker = dialog.getByRole('combobox', { name: 'Partner' });
  await partnerPicker.fill(`Kubeforge ${run}`);
  await page.getByRole('option', { name: new RegExp(`^${escapeRegExp(vendor.name)}`) }).click();
  await dialog.getByRole('button', { name: 'Link partners' }).click();
  await expect(dialog).toBeHidden();

  await expect(related()).toContainText('Distributor of');
  await related().getByRole('link', { name: vendor.name }).click();
  await expect(page).toHaveURL(new RegExp(`/partners/${vendor.id}$`));
  await expect(page.getByRole('heading', { name: vendor.name, level: 1 })).toBeVisible();
  await expect(related()).toContainText('Represented by');
  await expect(related().getByRole('link', { name: distributor.name })).toBeVisible();
  await expectAccessible('partner 360° page');
  await screenshot('partner-360');
  await screenshot('partner-360', { phone: true });
});

test('change the status with a note and find it in the history', async () => {
  await page.locator('header dl').getByRole('button', { name: 'Change' }).click();
  const dialog = page.getByRole('dialog', { name: `Change the status of ${vendor.name}` });
  await dialog.getByRole('radio', { name: /^Onboarding/ }).check();
  await field('Note', dialog).fill('Partner agreement signed; certifications next.');
  await expectAccessible('change status dialog');
  await dialog.getByRole('button', { name: 'Change status' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('header dl')).toContainText('Onboarding');

  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page).toHaveURL(new RegExp(`/partners/${vendor.id}/history$`));
  const statuses = page.getByRole('region', { name: 'Status history' });
  await expect(statuses).toContainText('Prospect → Onboarding');
  await expect(statuses).toContainText('Partner agreement signed; certifications next.');
  await expect(statuses).toContainText('Added as prospect');
  const changes = page.getByRole('region', { name: 'All changes' });
  await expect(changes.getByText('Changed').first()).toBeVisible();
  await expect(changes.getByRole('listitem').filter({ hasText: 'Status:' }).first()).toContainText('Onboarding');
  await expectAccessible('partner history');
  await screenshot('partner-history');

  // The tab is part of the address: back returns to the overview.
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/partners/${vendor.id}$`));
  await expect(page.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true');
});

test('an edit that crossed another one says so and loads the newer version', async () => {
  await page.goto(`/partners/${vendor.id}/edit`);
  await expect(page.getByRole('heading', { name: `Edit ${vendor.name}`, level: 1 })).toBeVisible();
  // Someone else saves first (as a script would).
  const current = await (await page.request.get(`/api/partners/${vendor.id}`)).json();
  const res = await page.request.patch(`/api/partners/${vendor.id}`, { headers: { 'x-csrf-token': b.csrf }, data: { version: current.version, legalName: 'Kubeforge Inc.' } });
  expect(res.status()).toBe(200);

  await field('Description').fill('Kubernetes platform for regulated industries.');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Someone else saved first')).toBeVisible();
  await page.getByRole('button', { name: 'Load the latest version' }).click();
  await expect(field('Legal name')).toHaveValue('Kubeforge Inc.');
  await field('Description').fill('Kubernetes platform for regulated industries.');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { name: vendor.name, level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'About' })).toContainText('Kubernetes platform for regulated industries.');
});

test('filter the list by type, save the view and use it again', async () => {
  await page.goto('/partners');
  await expect(page.getByRole('heading', { name: 'Partners', level: 1 })).toBeVisible();
  await page.getByRole('textbox', { name: 'Search partners by name' }).fill(run);
  await expect(page.getByRole('link', { name: vendor.name })).toBeVisible();
  await expect(page.getByRole('link', { name: distributor.name })).toBeVisible();

  await page.getByRole('button', { name: 'All types' }).click();
  await page.getByRole('checkbox', { name: 'Distributor' }).click();
  await expect(page.getByRole('checkbox', { name: 'Distributor' })).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Type: Distributor' })).toBeVisible();
  await expect(page).toHaveURL(/type=distributor/);
  await expect(page).toHaveURL(new RegExp(`q=${run}`));
  await expect(page.getByRole('link', { name: vendor.name })).toBeHidden();
  const row = page.getByRole('row', { name: new RegExp(escapeRegExp(distributor.name)) });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Distributor');
  await expect(row).toContainText('Key');

  // Sorting by a header, in the address too.
  await page.getByRole('columnheader', { name: 'Importance' }).getByRole('button').click();
  await expect(page.getByRole('columnheader', { name: 'Importance' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(page).toHaveURL(/sort=importance/);

  // Save the view.
  await page.getByRole('button', { name: 'Views' }).click();
  await page.getByRole('menuitem', { name: 'Save current view…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save this view' });
  await field('Name', dialog).fill(viewName);
  await dialog.getByRole('button', { name: 'Save view' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: `View: ${viewName}` })).toBeVisible();
  await expectAccessible('partner list');
  await screenshot('partners-list');
  await screenshot('partners-list', { phone: true });

  // Clear the filters; the back button brings them back.
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(page).not.toHaveURL(/type=/);
  await expect(page.getByRole('button', { name: 'Views', exact: true })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/type=distributor/);
  await expect(page.getByRole('link', { name: vendor.name })).toBeHidden();

  // The saved view restores filters, sort and columns from a fresh page.
  await page.goto('/partners');
  await page.getByRole('button', { name: 'Views' }).click();
  await page.getByRole('menuitem', { name: viewName }).click();
  await expect(page).toHaveURL(/type=distributor/);
  await expect(page).toHaveURL(/sort=importance/);
  await expect(page.getByRole('row', { name: new RegExp(escapeRegExp(distributor.name)) })).toBeVisible();
  await expect(page.getByRole('link', { name: vendor.name })).toBeHidden();

  // And it can be deleted.
  await page.getByRole('button', { name: `View: ${viewName}` }).click();
  await page.getByRole('menuitem', { name: 'Delete views…' }).click();
  const manage = page.getByRole('dialog', { name: 'Delete saved views' });
  await manage.getByRole('button', { name: `Delete view ${viewName}` }).click();
  await expect(manage.getByText(viewName)).toBeHidden();
  await manage.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('button', { name: 'Views', exact: true })).toBeVisible();
});

test('the command palette offers a new partner', async () => {
  await page.keyboard.press('Control+k');
  await page.getByRole('textbox', { name: 'Search pages and commands' }).fill('new partner');
  await page.getByText('Add a vendor, cloud provider, distributor, consultant or reseller').click();
  await expect(page).toHaveURL(/\/partners\/new$/);
});
