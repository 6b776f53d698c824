import fs from 'node:fs';
import { test, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';

// One journey through a fresh installation, step by step: each test starts where the last ended.
test.describe.configure({ mode: 'serial' });

const SHOTS = 'test-results/screenshots';
const admin = { name: 'Ada Admin', email: 'ada@example.com', password: 'correct horse battery staple' };
const member = { name: 'Max Member', email: 'max@example.com', password: 'a long member passphrase' };

let context: BrowserContext;
let page: Page;
const cspViolations: string[] = [];
const pageErrors: string[] = [];

async function openContext(browser: Browser) {
  // AxeBuilder needs a context made with browser.newContext().
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // Runs before any page script (and outside the page's CSP): records every violation event.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      // axe-core compiles its message templates with `new Function`: the test tool, not the app.
      if ((window as unknown as { __axeRunning?: boolean }).__axeRunning) return;
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} in ${e.sourceFile || '?'}:${e.lineNumber}`);
    });
  });
  page = await context.newPage();
  page.on('console', (msg) => {
    const text = msg.text();
    if (/Content Security Policy|CSP violation|Refused to (load|execute|apply|evaluate|connect|frame|create)/i.test(text)) cspViolations.push(text);
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
}

async function screenshot(name: string, opts: { phone?: boolean } = {}) {
  fs.mkdirSync(SHOTS, { recursive: true });
  if (opts.phone) await page.setViewportSize({ width: 375, height: 812 });
  // Let transitions (modals, notifications) settle.
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${SHOTS}/${name}${opts.phone ? '-phone' : ''}.png`, fullPage: true });
  if (opts.phone) await page.setViewportSize({ width: 1280, height: 800 });
}

/** axe-core: no serious or critical violation of WCAG 2.1 A/AA. */
async function expectAccessible(what: string) {
  await page.waitForTimeout(300);
  await page.evaluate(() => ((window as unknown as { __axeRunning?: boolean }).__axeRunning = true));
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  // Violation events are queued: let axe's arrive before listening again.
  await page.evaluate(() => new Promise<void>((resolve) => setTimeout(() => (((window as unknown as { __axeRunning?: boolean }).__axeRunning = false), resolve()), 100)));
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join('\n    ')}`,
    );
  expect(bad, `accessibility violations on ${what}`).toEqual([]);
}

const nav = () => page.getByRole('navigation', { name: 'Main navigation' });
const field = (name: string, scope: Page | ReturnType<Page['getByRole']> = page) => scope.getByRole('textbox', { name, exact: true });

async function signIn(who: { email: string; password: string }) {
  await field('E-mail').fill(who.email);
  await field('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/$/);
}

async function signOut() {
  await page.getByRole('button', { name: /: account menu$/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByText('You are signed out.')).toBeVisible();
}

/** Picks an option of a Mantine Select. */
async function choose(select: ReturnType<Page['getByRole']>, option: string) {
  await select.click();
  // An option's name may go on with its description ("Finance Invoices, payments…").
  await page
    .getByRole('option', { name: new RegExp(`^${option}`) })
    .first()
    .click();
}

test.beforeAll(async ({ browser }) => openContext(browser));
test.afterAll(async () => context?.close());

test.afterEach(async () => {
  expect(cspViolations, 'Content-Security-Policy violations in the console').toEqual([]);
  expect(pageErrors, 'uncaught errors in the page').toEqual([]);
});

test('first run: create the first administrator', async () => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole('heading', { name: 'Set up Partnerhub', level: 1 })).toBeVisible();
  await expectAccessible('first-run page');
  await screenshot('01-first-run');
  await screenshot('01-first-run', { phone: true });

  // The shared schema checks the form before anything is sent.
  await page.getByRole('button', { name: 'Create administrator' }).click();
  await expect(page.getByText('Name is required')).toBeVisible();
  await expect(page.getByText('Password is required')).toBeVisible();
  await field('Password').fill('too short');
  await page.getByRole('button', { name: 'Create administrator' }).click();
  await expect(page.getByText('Password must be at least 12 characters')).toBeVisible();

  await field('Your name').fill(admin.name);
  await field('Work e-mail').fill(admin.email);
  await field('Password').fill(admin.password);
  await field('Repeat the password').fill('something else entirely');
  await page.getByRole('button', { name: 'Create administrator' }).click();
  await expect(page.getByText('The two passwords are not the same')).toBeVisible();
  await field('Repeat the password').fill(admin.password);
  await page.getByRole('button', { name: 'Create administrator' }).click();

  // Signed in straight away.
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Ada');

  // First-run is gone for good.
  const setup = await page.request.get('/api/setup');
  expect((await setup.json()).needsSetup).toBe(false);
  await page.goto('/setup');
  await expect(page).toHaveURL(/\/$/);
});

test('home page and command palette', async () => {
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Ada');
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(page.getByRole('main')).toBeVisible();
  await expect(nav().getByRole('link', { name: 'Users' })).toBeVisible();
  await expectAccessible('home page');
  await screenshot('02-home');
  await screenshot('02-home', { phone: true });

  await page.keyboard.press('Control+k');
  const search = page.getByRole('textbox', { name: 'Search pages and commands' });
  await expect(search).toBeVisible();
  await search.fill('tokens');
  await screenshot('03-command-palette');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/tokens$/);
  await page.goto('/');
});

test('sign out, a wrong password, then sign in', async () => {
  await signOut();
  await expectAccessible('sign-in page');
  await screenshot('04-sign-in');
  await screenshot('04-sign-in', { phone: true });

  await field('E-mail').fill(admin.email);
  await field('Password').fill('not the right password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The e-mail or the password is wrong');
  const wrongPassword = await alert.textContent();

  // An unknown address gets the very same answer: the page does not reveal who has an account.
  await field('E-mail').fill('nobody@example.com');
  await field('Password').fill('not the right password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(alert).toHaveText(wrongPassword!);
  await screenshot('05-sign-in-failed');

  await signIn(admin);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Ada');

  // A deep link survives the detour through sign-in.
  await signOut();
  await page.goto('/users?role=admin');
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await field('E-mail').fill(admin.email);
  await field('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/users\?role=admin$/);
});

test('the administrator adds a member and manages them', async () => {
  await nav().getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
  // Coming from the deep link, the role filter is on; clear it.
  await page.goto('/users');
  await expect(page.getByRole('row', { name: /Ada Admin/ })).toBeVisible();
  await expectAccessible('users page');

  await page.getByRole('button', { name: 'Add user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a user' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Add user' }).click();
  await expect(dialog.getByText('Name is required')).toBeVisible();
  await field('Name', dialog).fill(member.name);
  await field('E-mail', dialog).fill(admin.email);
  await field('Initial password', dialog).fill(member.password);
  await expectAccessible('add-user dialog');
  await screenshot('06-add-user');
  // The server's field error lands on the field.
  await dialog.getByRole('button', { name: 'Add user' }).click();
  await expect(dialog.getByText('E-mail is already used by another account')).toBeVisible();
  await field('E-mail', dialog).fill(member.email);
  await dialog.getByRole('button', { name: 'Add user' }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByRole('row', { name: /Max Member/ });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Member');
  await expect(row).toContainText('Active');

  // Search, filter and sort.
  await page.getByRole('textbox', { name: 'Search users by name or e-mail' }).fill('max');
  await expect(page.getByRole('row', { name: /Ada Admin/ })).toBeHidden();
  await expect(row).toBeVisible();
  await expect(page).toHaveURL(/q=max/);
  await page.getByRole('button', { name: 'Clear search' }).click();
  await choose(page.getByRole('combobox', { name: 'Role' }), 'Administrator');
  await expect(row).toBeHidden();
  await expect(page.getByRole('row', { name: /Ada Admin/ })).toBeVisible();
  await page.goto('/users');
  await page.getByRole('button', { name: 'E-mail' }).click();
  await expect(page.getByRole('columnheader', { name: 'E-mail' })).toHaveAttribute('aria-sort', 'ascending');
  await page.getByRole('button', { name: 'E-mail' }).click();
  await expect(page.getByRole('columnheader', { name: 'E-mail' })).toHaveAttribute('aria-sort', 'descending');
  await expect(page.getByRole('row').nth(1)).toContainText('max@example.com');

  // Change the role, then back: the second save carries the new version.
  await row.getByRole('button', { name: 'Actions for Max Member' }).click();
  await page.getByRole('menuitem', { name: 'Edit name or role' }).click();
  let edit = page.getByRole('dialog', { name: 'Edit Max Member' });
  await choose(edit.getByRole('combobox', { name: 'Role' }), 'Finance');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText('Finance');
  await row.getByRole('button', { name: 'Actions for Max Member' }).click();
  await page.getByRole('menuitem', { name: 'Edit name or role' }).click();
  edit = page.getByRole('dialog', { name: 'Edit Max Member' });
  await choose(edit.getByRole('combobox', { name: 'Role' }), 'Member');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText('Member');

  // Deactivate and reactivate, each confirmed first.
  await row.getByRole('button', { name: 'Actions for Max Member' }).click();
  await page.getByRole('menuitem', { name: 'Deactivate…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Deactivate Max Member?' });
  await expect(confirm).toContainText('signed out everywhere');
  await confirm.getByRole('button', { name: 'Deactivate' }).click();
  await expect(confirm).toBeHidden();
  await expect(row).toContainText('Deactivated');
  await row.getByRole('button', { name: 'Actions for Max Member' }).click();
  await page.getByRole('menuitem', { name: 'Reactivate…' }).click();
  await page.getByRole('dialog', { name: 'Reactivate Max Member?' }).getByRole('button', { name: 'Reactivate' }).click();
  await expect(row).toContainText('Active');
  await screenshot('07-users');
  await screenshot('07-users', { phone: true });

  // Paging: 24 more accounts (made through the API, as a script would) make 26.
  const { csrfToken } = await (await page.request.get('/api/me')).json();
  for (let i = 1; i <= 24; i++) {
    const n = String(i).padStart(2, '0');
    const res = await page.request.post('/api/users', {
      headers: { 'x-csrf-token': csrfToken },
      data: { name: `Paging Person ${n}`, email: `paging${n}@example.com`, role: 'viewer', password: 'a paging test password' },
    });
    expect(res.status()).toBe(201);
  }
  await page.reload();
  await expect(page.getByText('1–25 of 26 users')).toBeVisible();
  await page.getByRole('button', { name: '2', exact: true }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText('26–26 of 26 users')).toBeVisible();
  await expect(page.getByRole('row')).toHaveCount(2);
  await page.goto('/users?q=Max');
  await expect(row).toBeVisible();

  // The history drawer tells who changed what.
  await row.getByRole('button', { name: 'Actions for Max Member' }).click();
  await page.getByRole('menuitem', { name: 'History' }).click();
  const drawer = page.getByRole('dialog', { name: 'History of Max Member' });
  await expect(drawer.getByText('Created')).toBeVisible();
  await expect(drawer.getByText('Deactivated', { exact: true })).toBeVisible();
  await expect(drawer.getByRole('listitem').filter({ hasText: 'Status:' }).first()).toContainText('Active');
  await expect(drawer.getByText('Reactivated')).toBeVisible();
  await expect(drawer.getByRole('listitem').filter({ hasText: 'Role:' }).first()).toContainText('Finance');
  await expect(drawer.getByText(`by ${admin.name}`).first()).toBeVisible();
  await expectAccessible('user history drawer');
  await screenshot('08-user-history');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
});

test('profile: change the display name', async ({ playwright, baseURL }) => {
  // The administrator is signed in on a phone too: the profile lists it and signs it out from here.
  const phone = await playwright.request.newContext({
    baseURL,
    userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  });
  expect((await phone.post('/api/auth/sign-in/email', { data: { email: admin.email, password: admin.password } })).ok()).toBe(true);
  expect((await phone.get('/api/me')).status()).toBe(200);

  await page.getByRole('button', { name: /: account menu$/ }).click();
  await page.getByRole('menuitem', { name: 'Profile' }).click();
  await expect(page.getByRole('heading', { name: 'Profile', level: 1 })).toBeVisible();
  const devices = page.getByRole('region', { name: 'Signed-in devices' });
  await expect(devices.getByText('This device')).toHaveCount(1);
  await expect(
    devices
      .getByRole('row')
      .filter({ hasText: 'This device' })
      .getByRole('button', { name: /^Revoke/ }),
  ).toHaveCount(0);
  const phoneRow = devices.getByRole('row').filter({ hasText: 'Safari 17 on iPhone' });
  await expect(phoneRow).toHaveCount(1);
  await expectAccessible('profile page');
  await phoneRow.getByRole('button', { name: /^Revoke Safari 17 on iPhone/ }).click();
  await expectAccessible('sign out a device dialog');
  await page.getByRole('dialog', { name: 'Sign out this device?' }).getByRole('button', { name: 'Revoke' }).click();
  await expect(page.getByText('Safari 17 on iPhone is signed out.')).toBeVisible();
  await expect(phoneRow).toHaveCount(0);
  expect((await phone.get('/api/me')).status()).toBe(401);
  await phone.dispose();

  await field('Display name').fill('Ada Lovelace');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByText('Your name is saved.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ada Lovelace: account menu' })).toBeVisible();

  // A wrong current password is reported on its field.
  await field('Current password').fill('this is not it at all');
  await field('New password').fill('another long passphrase');
  await field('Repeat the new password').fill('another long passphrase');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('This is not your current password')).toBeVisible();
  await screenshot('09-profile');
  await screenshot('09-profile', { phone: true });

  // The right one works; the new session's CSRF token is picked up for the next write.
  admin.password = 'a brand new admin passphrase';
  await field('Current password').fill('correct horse battery staple');
  await field('New password').fill(admin.password);
  await field('Repeat the new password').fill(admin.password);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Password changed')).toBeVisible();
  // Every other session ended with the change: this one is left.
  await expect(devices.getByRole('row').filter({ has: page.getByRole('cell') })).toHaveCount(1);
  await expect(devices.getByText('This device')).toHaveCount(1);
  await field('Display name').fill('Ada Admin');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('button', { name: 'Ada Admin: account menu' })).toBeVisible();
});

test('a member signs in and cannot manage users', async () => {
  await signOut();
  await signIn(member);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Max');
  await expect(nav().getByRole('link', { name: 'Home' })).toBeVisible();
  await expect(nav().getByRole('link', { name: 'Users' })).toHaveCount(0);

  await page.goto('/users');
  await expect(page.getByRole('heading', { name: 'You are not allowed to see this page' })).toBeVisible();
  await expect(page.getByText('Your role is Member')).toBeVisible();
  await screenshot('10-member-not-allowed');

  // The command palette does not offer it either.
  await page.keyboard.press('Control+k');
  await page.getByRole('textbox', { name: 'Search pages and commands' }).fill('users');
  await expect(page.getByText('Nothing matches your search')).toBeVisible();
  await page.keyboard.press('Escape');

  // And the API refuses, whatever the page shows.
  const res = await page.request.get('/api/users');
  expect(res.status()).toBe(403);
});

test('API token: created, shown once, used, revoked', async ({ request }) => {
  await page.getByRole('button', { name: /: account menu$/ }).click();
  await page.getByRole('menuitem', { name: 'API tokens' }).click();
  await expect(page.getByRole('heading', { name: 'API tokens', level: 1 })).toBeVisible();
  await expect(page.getByText('No API tokens yet')).toBeVisible();
  await expectAccessible('API tokens page (empty)');

  await page.getByRole('button', { name: 'New token' }).click();
  const dialog = page.getByRole('dialog', { name: 'New API token' });
  await field('Name', dialog).fill('Nightly export');
  await choose(dialog.getByRole('combobox', { name: 'Expires after' }), '30 days');
  await dialog.getByRole('button', { name: 'Create token' }).click();

  const secretDialog = page.getByRole('dialog', { name: 'Copy your new token' });
  await expect(secretDialog).toContainText('You will see this token only now');
  const secret = (await secretDialog.getByTestId('token-secret').textContent())!.trim();
  expect(secret).toMatch(/^ph_[A-Za-z0-9_-]{20,}$/);
  await expect(secretDialog.getByRole('button', { name: 'Copy the token' })).toBeVisible();
  await expectAccessible('new token dialog');
  await screenshot('11-token-created');

  // The token works for the API…
  const me = await request.get('/api/me', { headers: { authorization: `Bearer ${secret}` } });
  expect(me.status()).toBe(200);
  expect((await me.json()).user.email).toBe(member.email);

  await secretDialog.getByRole('button', { name: 'I have copied it' }).click();
  await expect(secretDialog).toBeHidden();
  // …and is never shown again.
  await expect(page.getByText(secret)).toHaveCount(0);

  const row = page.getByRole('row', { name: /Nightly export/ });
  await expect(row).toContainText('Active');
  await expectAccessible('API tokens page');
  await screenshot('12-tokens');
  await screenshot('12-tokens', { phone: true });

  await row.getByRole('button', { name: 'Revoke Nightly export' }).click();
  const confirm = page.getByRole('dialog', { name: 'Revoke this token?' });
  await confirm.getByRole('button', { name: 'Revoke token' }).click();
  await expect(confirm).toBeHidden();
  await expect(row).toContainText('Revoked');

  const after = await request.get('/api/me', { headers: { authorization: `Bearer ${secret}` } });
  expect(after.status()).toBe(401);
});
