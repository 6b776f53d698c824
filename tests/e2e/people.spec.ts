import fs from 'node:fs';
import { test, expect, type Locator, type Page } from '@playwright/test';
import ICAL from 'ical.js';
import { parse } from 'csv-parse/sync';
import { Browsing, runId, type Admin } from './support.js';

// The partner's people, our team, the timeline, the contacts directory and record search in the
// command palette, step by step. Independent of the other specs: it signs in with an administrator
// it knows (creating one through the first-run API on an empty installation) and makes its own data.
test.describe.configure({ mode: 'serial' });

// Names unique to this run: the specs share one server and database.
const run = runId();
const partner = { id: '', name: `Nordwind Distribution ${run}` };
const colleague = { id: '', name: `Tilda Techlead ${run}`, email: `tilda.${run}@example.com` };
const petra = { first: 'Petra', last: 'Schneider', email: `petra.schneider.${run}@nordwind.example`, title: 'Head of Alliances' };
const marco = { first: 'Marco', last: `Rossi`, email: `marco.rossi.${run}@nordwind.example`, title: 'Solutions Engineer' };
const meeting = `Quarterly business review ${run}: joint pipeline for Kubernetes in banking`;

const OWN_ADMIN: Admin = { name: 'Pia People', email: 'pia.people@example.com', password: 'people spec admin passphrase' };

const b = Browsing.forSpec({ admin: OWN_ADMIN, acceptDownloads: true });
let page: Page;
const screenshot = (name: string, opts?: { phone?: boolean }) => b.screenshot(name, opts);
const expectAccessible = (what: string) => b.expectAccessible(what);
const choose = (select: Locator, option: string) => b.choose(select, option);
const field = (name: string, scope?: Page | Locator) => b.field(name, scope ?? page);
const api = <T>(method: 'get' | 'post', path: string, data?: unknown) => b.api<T>(method, path, data);

test.beforeAll(async () => {
  page = b.page;
  // The partner and the colleague come from the API, as a script would make them: the UI of those is another spec's.
  const p = await api<{ id: string }>('post', '/api/partners', { name: partner.name, types: ['distributor'], status: 'active', importance: 'key', country: 'CH' });
  partner.id = p.id;
  const u = await api<{ id: string }>('post', '/api/users', { name: colleague.name, email: colleague.email, role: 'member', password: 'a long colleague passphrase' });
  colleague.id = u.id;
  // Someone who will leave the partner during the test.
  await api('post', '/api/contacts', { partnerId: partner.id, firstName: 'Lena', lastName: `Leaving ${run}`, role: 'sales' });
});

test('people tab: add two contacts, the stakeholder map groups them, someone leaves', async () => {
  await page.goto(`/partners/${partner.id}/people`);
  await expect(page.getByRole('heading', { name: 'Stakeholder map' })).toBeVisible();

  await page.getByRole('button', { name: 'Add contact' }).first().click();
  let dialog = page.getByRole('dialog', { name: `Add a contact to ${partner.name}` });
  await expect(dialog).toBeVisible();
  // The shared schema checks the form before anything is sent.
  await dialog.getByRole('button', { name: 'Add contact' }).click();
  await expect(dialog.getByText('First name is required')).toBeVisible();
  await field('First name', dialog).fill(petra.first);
  await field('Last name', dialog).fill(petra.last);
  await field('Title', dialog).fill(petra.title);
  await choose(dialog.getByRole('combobox', { name: 'Role in the relationship' }), 'Alliance / partner manager');
  await choose(dialog.getByRole('combobox', { name: 'Influence' }), 'High');
  await choose(dialog.getByRole('combobox', { name: 'Relationship strength' }), 'Good');
  await field('E-mail', dialog).fill('petra.schneider@');
  await field('Phone', dialog).fill('call me maybe');
  await dialog.getByRole('button', { name: 'Add contact' }).click();
  await expect(dialog.getByText('E-mail must be a valid e-mail address')).toBeVisible();
  await expect(dialog.getByText(/^Phone must be a phone number/)).toBeVisible();
  await field('E-mail', dialog).fill(petra.email);
  await field('Phone', dialog).fill('+41 44 123 45 67');
  await dialog.getByRole('checkbox', { name: `Primary contact for ${partner.name}` }).check();
  await expectAccessible('add-contact dialog');
  await dialog.getByRole('button', { name: 'Add contact' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Add contact' }).first().click();
  dialog = page.getByRole('dialog', { name: `Add a contact to ${partner.name}` });
  await field('First name', dialog).fill(marco.first);
  await field('Last name', dialog).fill(marco.last);
  await field('Title', dialog).fill(marco.title);
  await choose(dialog.getByRole('combobox', { name: 'Role in the relationship' }), 'Presales / technical');
  await field('E-mail', dialog).fill(marco.email);
  await dialog.getByRole('button', { name: 'Add contact' }).click();
  await expect(dialog).toBeHidden();

  // The map groups people by role, with influence, strength and the primary star.
  const alliance = page.getByRole('region', { name: 'Alliance / partner manager', exact: true });
  await expect(alliance).toContainText('Petra Schneider');
  await expect(alliance).toContainText('High influence');
  await expect(alliance).toContainText('Good');
  await expect(alliance.getByText('Primary contact')).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Presales / technical', exact: true })).toContainText('Marco Rossi');
  const table = page.getByRole('table', { name: `Contacts of ${partner.name}, by role` });
  await expect(table.getByRole('row')).toHaveCount(4);

  // Lena leaves: out of the map, still in the table with "Show who left".
  const lena = `Lena Leaving ${run}`;
  await expect(page.getByRole('region', { name: 'Sales', exact: true })).toContainText(lena);
  await table.getByRole('button', { name: `Actions for ${lena}` }).click();
  await page.getByRole('menuitem', { name: 'Mark as left…' }).click();
  const left = page.getByRole('dialog', { name: `${lena} left ${partner.name}` });
  await expect(left.getByRole('button', { name: /Left on/ })).toBeVisible();
  await left.getByRole('button', { name: 'Mark as left' }).click();
  await expect(left).toBeHidden();
  await expect(page.getByRole('region', { name: 'Sales', exact: true })).toHaveCount(0);
  await expect(table.getByRole('row', { name: new RegExp(lena) })).toHaveCount(0);
  await page.getByRole('switch', { name: 'Show who left (1)' }).check();
  await expect(table.getByRole('row', { name: new RegExp(lena) })).toContainText('Left on');

  await expectAccessible('people tab');
  await screenshot('people-tab');
  await screenshot('people-tab', { phone: true });
});

test('our team tab: assign a colleague as technical lead, see it on their page', async () => {
  await page.goto(`/partners/${partner.id}/team`);
  await page.getByRole('button', { name: 'Add colleague', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Add a colleague to ${partner.name}` });
  const picker = dialog.getByRole('combobox', { name: 'Colleague' });
  await picker.click();
  await picker.fill('Tilda');
  await page.getByRole('option', { name: new RegExp(`^${colleague.name}`) }).click();
  await choose(dialog.getByRole('combobox', { name: 'Role on this partner' }), 'Technical lead');
  await dialog.getByRole('button', { name: 'Add to team' }).click();
  await expect(dialog).toBeHidden();

  const lead = page.getByRole('region', { name: 'Technical lead', exact: true });
  await expect(lead.getByRole('link', { name: colleague.name })).toBeVisible();
  await expectAccessible('team tab');
  await screenshot('team-tab');

  // The colleague's page lists the partner with the role.
  await lead.getByRole('link', { name: colleague.name }).click();
  await expect(page).toHaveURL(new RegExp(`/colleagues/${colleague.id}$`));
  await expect(page.getByRole('heading', { name: colleague.name, level: 1 })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(partner.name) })).toContainText('Technical lead');
  await expectAccessible('colleague page');
});

test('timeline: log a meeting marked important and find it there', async () => {
  await page.goto(`/partners/${partner.id}/timeline`);
  await expect(page.getByText('Nothing logged yet')).toBeVisible();
  await page.getByRole('button', { name: 'Log activity' }).first().click();
  const dialog = page.getByRole('dialog', { name: `Log activity with ${partner.name}` });
  await expect(dialog.getByRole('radio', { name: 'Meeting' })).toBeChecked();
  await field('Summary', dialog).fill(meeting);
  await field('Outcome', dialog).fill('Two joint opportunities; Petra sends the deal registration form.');
  await dialog.getByRole('combobox', { name: 'Their contacts' }).click();
  await page.getByRole('option', { name: /^Petra Schneider/ }).click();
  await dialog.getByRole('checkbox', { name: 'Important for the team' }).check();
  await expectAccessible('log-activity dialog');
  await dialog.getByRole('button', { name: 'Log activity' }).click();
  await expect(dialog).toBeHidden();

  const entry = page.getByRole('article', { name: /^Meeting on .*, important$/ });
  await expect(entry).toContainText(meeting);
  await expect(entry).toContainText('Important for the team');
  await expect(entry).toContainText('With Petra Schneider');
  // Filters: important only keeps it; another kind does not.
  await page.getByRole('switch', { name: 'Important only' }).check();
  await expect(entry).toBeVisible();
  await page.getByRole('textbox', { name: 'Words in the summary or outcome' }).fill('kubern');
  await expect(entry).toBeVisible();
  await choose(page.getByRole('combobox', { name: 'Kind' }), 'Call');
  await expect(page.getByText('No entry matches these filters')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(entry).toBeVisible();

  await expectAccessible('timeline tab');
  await screenshot('timeline-tab');
  await screenshot('timeline-tab', { phone: true });

  // "Last contact" derives from the timeline: Petra's is now set.
  await page.goto(`/partners/${partner.id}/people`);
  await expect(page.getByRole('region', { name: 'Alliance / partner manager', exact: true })).not.toContainText('Last contact: never');
});

test('command palette: a misspelled surname finds the contact', async () => {
  await page.goto('/');
  const search = page.getByRole('textbox', { name: 'Search pages and commands' });
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  // The shortcut listens once the signed-in layout is there, and after the last palette has closed.
  const openPalette = async () => {
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await expect(palette).toBeHidden();
    await expect(async () => {
      if (!(await search.isVisible())) await page.keyboard.press('Control+k');
      await expect(search).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 15_000 });
  };
  await openPalette();
  // "Schnieder" (two letters swapped) is below the server's trigram threshold; a dropped letter is not.
  await search.fill('Sneider');
  const result = palette.locator('[data-search-result="contact"]').filter({ hasText: partner.name }).filter({ hasText: 'Petra Schneider' });
  await expect(result).toBeVisible();
  await expect(result.locator('mark')).toHaveText('Schneider');
  await screenshot('palette-search');
  await screenshot('palette-search', { phone: true });
  await result.click();
  await expect(page).toHaveURL(new RegExp(`/partners/${partner.id}/people\\?contact=`));
  await expect(page.getByRole('row', { name: /Petra Schneider/ })).toHaveAttribute('aria-current', 'true');

  // Timeline entries are found by their words and open the partner's timeline.
  await openPalette();
  await search.fill(`business review ${run}`);
  await palette.locator('[data-search-result="activity"]').filter({ hasText: partner.name }).first().click();
  await expect(page).toHaveURL(new RegExp(`/partners/${partner.id}/timeline\\?entry=`));
  await expect(page.getByRole('article', { name: /^Meeting on/ })).toContainText(meeting);
  // Navigation commands in the palette are covered by app.spec.ts.
});

test('contacts directory: filter by partner, export as vCard and CSV', async () => {
  await page.goto('/contacts');
  await expect(page.getByRole('heading', { name: 'Contacts', level: 1 })).toBeVisible();
  const partnerFilter = page.getByRole('combobox', { name: 'Partner' });
  await partnerFilter.click();
  await partnerFilter.fill(partner.name);
  await page.getByRole('option', { name: partner.name }).click();
  await expect(page).toHaveURL(new RegExp(`partner=${partner.id}`));
  // Current people only by default: Lena has left.
  await expect(page.getByRole('row')).toHaveCount(3);
  await expect(page.getByRole('row', { name: /Petra Schneider/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Marco Rossi/ })).toBeVisible();
  // The pointer rests where the last click was; a hovered row's tint is not what axe should judge.
  await page.mouse.move(0, 0);
  await expectAccessible('contacts directory');
  await screenshot('contacts-directory');
  await screenshot('contacts-directory', { phone: true });

  const download = async (name: string) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
    return fs.readFileSync((await file.path())!, 'utf8');
  };
  const downloadCsv = async () => {
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'CSV (comma-separated)' }).click()]);
    return fs.readFileSync((await file.path())!, 'utf8');
  };

  const vcf = await download('Export vCard');
  const parsed = ICAL.parse(vcf) as unknown[];
  const cards = (Array.isArray(parsed[0]) ? parsed : [parsed]).map((j) => new ICAL.Component(j as unknown[]));
  const byName = new Map(cards.map((c) => [String(c.getFirstPropertyValue('fn')), c]));
  expect([...byName.keys()].sort()).toEqual(['Marco Rossi', 'Petra Schneider']);
  const p = byName.get('Petra Schneider')!;
  expect(p.getFirstPropertyValue('email')).toBe(petra.email);
  expect(p.getFirstPropertyValue('title')).toBe(petra.title);
  expect([p.getFirstPropertyValue('org')].flat()).toEqual([partner.name]);

  const csv = await downloadCsv();
  const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
  expect(rows.map((r) => `${r['First name']} ${r['Last name']}`).sort()).toEqual(['Marco Rossi', 'Petra Schneider']);
  const row = rows.find((r) => r['Last name'] === 'Schneider')!;
  // A leading + could start a formula in a spreadsheet: the export's guard quotes it.
  expect(row).toMatchObject({ Partner: partner.name, 'E-mail': petra.email, Phone: "'+41 44 123 45 67", 'Primary contact': 'Yes', Role: 'Alliance / partner manager' });

  // The exports follow the filters: with those who left, Lena is in too.
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Current and left' }).click();
  await expect(page.getByRole('row')).toHaveCount(4);
  const all = parse(await downloadCsv(), { bom: true, columns: true }) as Record<string, string>[];
  expect(all.map((r) => r['First name']).sort()).toEqual(['Lena', 'Marco', 'Petra']);
});
