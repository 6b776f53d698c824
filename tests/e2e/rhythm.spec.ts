import { test, expect, type Locator, type Page } from '@playwright/test';
import ICAL from 'ical.js';
import { Browsing, runId, type Admin } from './support.js';

// The relationship rhythm in the browser: a monthly sync series with a partner contact, minutes with
// an action item and an "inform the team" topic, the task in My work, and a calendar feed. It signs in
// with an administrator it knows (creating one on an empty installation) and makes its own data.
test.describe.configure({ mode: 'serial' });

const run = runId();
const partner = { id: '', name: `Alpenglueck Cloud ${run}` };
const contact = { first: 'Sara', last: `Brunner ${run}` };
const seriesTitle = `Monthly sync ${run}`;
const actionItem = `Send the joint offer draft ${run}`;
const topic = `Sovereign cloud offering ${run}`;

const OWN_ADMIN: Admin = { name: 'Rita Rhythm', email: 'rita.rhythm@example.com', password: 'rhythm spec admin passphrase' };

const b = Browsing.forSpec({ admin: OWN_ADMIN });
let page: Page;
const field = (name: string, scope: Page | Locator) => b.field(name, scope);

/** A wall-clock date in Zurich, `days` from today, as YYYY-MM-DD. */
function zurichDay(days = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Zurich', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + days * 86_400_000));
}

test.beforeAll(async () => {
  page = b.page;
  // Partner and contact come from the API, as a script would make them: their UI is another spec's.
  const p = await b.api<{ id: string }>('post', '/api/partners', {
    name: partner.name,
    types: ['cloud_service_provider'],
    status: 'active',
    importance: 'strategic',
    country: 'CH',
  });
  partner.id = p.id;
  await b.api('post', '/api/contacts', { partnerId: partner.id, firstName: contact.first, lastName: contact.last, title: 'Partner manager', role: 'partner_manager' });
});

test('meetings tab: a monthly sync series with a partner contact; a bad custom rule is explained', async () => {
  await page.goto(`/partners/${partner.id}/meetings`);
  await expect(page.getByRole('heading', { name: 'Meeting series' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No recurring meetings yet' })).toBeVisible();

  await page.getByRole('button', { name: 'New series' }).click();
  const dialog = page.getByRole('dialog', { name: `New meeting series with ${partner.name}` });
  await expect(dialog).toBeVisible();
  // A custom rule the app cannot read is refused with words the user can act on.
  await b.choose(dialog.getByRole('combobox', { name: 'Cadence' }), 'Custom rule');
  await field('Recurrence rule', dialog).fill('FREQ=SOMETIMES');
  await dialog.getByLabel('First meeting').fill(`${zurichDay(-1)}T10:00`);
  await dialog.getByRole('button', { name: 'Set up series' }).click();
  await expect(dialog.getByText('FREQ must be one of DAILY, WEEKLY, MONTHLY, YEARLY')).toBeVisible();

  await b.choose(dialog.getByRole('combobox', { name: 'Cadence' }), 'Monthly');
  await expect(field('Recurrence rule', dialog)).toHaveCount(0);
  await field('Title', dialog).fill(seriesTitle);
  await b.choose(dialog.getByRole('combobox', { name: 'Their contacts' }), `${contact.first} ${contact.last}`);
  await page.keyboard.press('Escape');
  await field('Agenda template', dialog).fill('1. Pipeline\n2. Certifications\n3. Marketing');
  await b.expectAccessible('new meeting series dialog');
  await b.screenshot('rhythm-series-form');
  await dialog.getByRole('button', { name: 'Set up series' }).click();
  await expect(dialog).toBeHidden();

  const card = page.getByRole('article', { name: seriesTitle });
  await expect(card).toBeVisible();
  await expect(card.getByText(/Every month on day \d+ at 10:00 \(Europe\/Zurich\)/)).toBeVisible();
  await expect(card.getByText(`With ${contact.first} ${contact.last}`)).toBeVisible();
  await expect(card.getByText(/^Next: /)).toBeVisible();
});

test('minutes: notes, an "inform the team" topic and an action item for me, due today', async () => {
  const recent = page.getByRole('region', { name: 'Recent meetings' });
  const row = recent.getByRole('listitem').filter({ hasText: seriesTitle });
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: /^Actions for / }).click();
  await page.getByRole('menuitem', { name: 'Write minutes' }).click();

  const dialog = page.getByRole('dialog', { name: `Minutes: ${seriesTitle}` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('1. Pipeline')).toBeVisible();
  await field('Notes', dialog).fill('Good quarter. The pipeline for sovereign cloud is growing.');
  await dialog.getByRole('button', { name: 'Add topic' }).click();
  const topic1 = dialog.getByRole('group', { name: 'Topic 1' });
  await field('Title', topic1).fill(topic);
  await topic1.getByRole('checkbox', { name: /Inform the team/ }).check();
  await dialog.getByRole('button', { name: 'Add action item' }).click();
  const item1 = dialog.getByRole('group', { name: 'New action item 1' });
  await field('What', item1).fill(actionItem);
  // Assigned to me and due today unless changed.
  await expect(item1.getByRole('combobox', { name: 'Assignee' })).toHaveValue(`${b.me.name} (me)`);
  await expect(item1.getByLabel('Due date')).toHaveValue(zurichDay());
  await b.expectAccessible('minutes dialog');
  await b.screenshot('rhythm-minutes');
  await dialog.getByRole('button', { name: 'Save minutes' }).click();
  await expect(dialog).toBeHidden();

  await expect(row.getByText('Held')).toBeVisible();
  await b.expectAccessible('meetings tab');
  await b.screenshot('rhythm-meetings-tab');
  await b.screenshot('rhythm-meetings-tab', { phone: true });

  // The meeting is on the timeline, marked important because a topic goes to the team.
  await page.getByRole('tab', { name: 'Timeline' }).click();
  const entry = page.getByRole('article', { name: /^Meeting on .*important$/ }).filter({ hasText: seriesTitle });
  await expect(entry).toBeVisible();
  await expect(entry.getByText(`With ${contact.first} ${contact.last}`)).toBeVisible();
});

test('my work: the action item is due today; completing it takes it off the list', async () => {
  await page.goto('/my-work');
  const today = page.getByRole('region', { name: 'Today' });
  await expect(today.getByText(actionItem)).toBeVisible();
  await b.expectAccessible('my work');
  await b.screenshot('rhythm-my-work');
  await today.getByRole('button', { name: `Complete “${actionItem}”` }).click();
  await expect(page.getByText(actionItem)).toHaveCount(0);
});

test('a one-off quarterly get-together covers the partner this quarter', async () => {
  await page.goto(`/partners/${partner.id}/meetings`);
  await page.getByRole('button', { name: 'Plan one meeting' }).click();
  const dialog = page.getByRole('dialog', { name: `Plan a meeting with ${partner.name}` });
  await expect(field('Title', dialog)).toHaveValue(`Quarterly get-together with ${partner.name}`);
  await dialog.getByLabel('Date and time').fill(`${zurichDay()}T23:30`);
  await b.choose(dialog.getByRole('combobox', { name: 'Their contacts' }), `${contact.first} ${contact.last}`);
  await page.keyboard.press('Escape');
  await b.expectAccessible('plan a meeting dialog');
  await dialog.getByRole('button', { name: 'Plan meeting' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page
      .getByRole('listitem')
      .filter({ hasText: `Quarterly get-together with ${partner.name}` })
      .first(),
  ).toBeVisible();
});

test('meetings page: my upcoming meetings, the quarterly get-together and a calendar feed', async () => {
  await page.goto('/meetings');
  await expect(page.getByRole('heading', { level: 1, name: 'Meetings' })).toBeVisible();
  const quarterly = page.getByRole('region', { name: 'Quarterly get-together' });
  const row = quarterly.getByRole('row').filter({ has: page.getByRole('link', { name: partner.name }) });
  await expect(row.getByText('Planned')).toBeVisible();

  await page.getByRole('button', { name: 'Create feed URL' }).click();
  const url = (await page.getByTestId('feed-url').textContent())!.trim();
  expect(url).toMatch(/\/api\/calendar\/phc_[\w-]+\.ics$/);
  await b.expectAccessible('meetings page');
  await b.screenshot('rhythm-meetings-page');
  await b.screenshot('rhythm-meetings-page', { phone: true });

  // A calendar program reads the feed without signing in: the series is one event with its rule.
  const res = await page.request.get(new URL(url).pathname);
  expect(res.status()).toBe(200);
  const cal = new ICAL.Component(ICAL.parse(await res.text()));
  const series = cal
    .getAllSubcomponents('vevent')
    .map((v) => new ICAL.Event(v))
    .find((e) => e.summary.startsWith(seriesTitle));
  expect(series?.component.getFirstPropertyValue('rrule')?.toString()).toBe('FREQ=MONTHLY');
  expect(series?.startDate.zone?.tzid).toBe('Europe/Zurich');

  await page
    .getByRole('button', { name: /^Revoke the feed of my meetings and tasks/ })
    .first()
    .click();
  await page.getByRole('dialog', { name: 'Revoke this feed?' }).getByRole('button', { name: 'Revoke' }).click();
  await expect(page.getByRole('dialog', { name: 'Revoke this feed?' })).toBeHidden();
});
