import { test, expect, type Locator, type Page } from '@playwright/test';
import { Browsing, escapeRegExp, runId, type Admin } from './support.js';

// Partner levels in the browser: a programme with three certifications and a level we hold, linked to
// a partner (set up through the API); then three certifications recorded in the UI on /certifications
// close the level's gap on the partner's Programs tab, a checklist tick makes it met, and the third
// certification moves the forecast later. Its own programme, partner and colleague, named for this run.
test.describe.configure({ mode: 'serial' });

const run = runId();
const OWN_ADMIN: Admin = { name: 'Lea Levels', email: 'lea.levels@example.com', password: 'levels spec admin passphrase' };
const programName = `Kube Partner Programme ${run}`;
const partnerName = `Kube Vendor ${run}`;
const colleague = `Carla Cert ${run}`;
const certs = [
  { name: `Kube Admin ${run}`, examCode: `KA${run}` },
  { name: `Kube Developer ${run}`, examCode: `KD${run}` },
  { name: `Kube Security ${run}`, examCode: `KS${run}` },
];

const b = Browsing.forSpec({ admin: OWN_ADMIN });
let page: Page;
let partnerId = '';

const DAY = 86_400_000;
/** Today in Zurich plus `n` days, as 'YYYY-MM-DD'. */
const day = (n: number) =>
  new Date(Date.parse(`${new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Zurich' }).format(new Date())}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
/** As the web app shows a calendar day: in the browser's own locale. */
const shown = (iso: string) => page.evaluate((d) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`)), iso);

test.beforeAll(async () => {
  page = b.page;
  const partner = await b.api<{ id: string }>('post', '/api/partners', { name: partnerName, types: ['software_vendor'] });
  partnerId = partner.id;
  const program = await b.api<{ id: string; version: number }>('post', '/api/programs', { name: programName, vendor: 'Kube Foundation', partnerId, nextReviewOn: day(300) });
  const ids: string[] = [];
  for (const c of certs)
    ids.push(
      (await b.api<{ id: string }>('post', '/api/certifications', { programId: program.id, name: c.name, examCode: c.examCode, category: 'professional', validityMonths: 24 })).id,
    );
  const ladder = await b.api<{ version: number; levels: { id: string }[] }>('put', `/api/programs/${program.id}/levels`, {
    version: program.version,
    levels: [
      {
        name: 'Certified',
        requirements: [
          { counts: 'people', minCount: 2, certificationIds: [ids[0], ids[1]] },
          { counts: 'certifications', minCount: 2 },
        ],
        checklist: [{ title: 'Partner business plan' }],
      },
      { name: 'Gold', requirements: [{ counts: 'people', minCount: 5, certificationIds: [ids[0]] }] },
    ],
  });
  await b.api('patch', `/api/programs/${program.id}`, { version: ladder.version, heldLevelId: ladder.levels[0]!.id, heldSince: day(-60) });
  await b.api('post', '/api/users', { name: colleague, email: `carla.${run}@example.com`, password: 'a colleague passphrase 123', role: 'member' });
});

const region = () => page.getByRole('region', { name: programName });
async function openTab() {
  await page.goto(`/partners/${partnerId}/programs`);
  await expect(region()).toBeVisible();
}

/** Records an obtained certification through part 1's "Record certification" dialog. */
async function record(who: string, cert: (typeof certs)[number], obtained: string, expires: string) {
  await page.goto('/certifications');
  await page.getByRole('button', { name: 'Record certification' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Record certification' });
  await expect(dialog).toBeVisible();
  const person: Locator = dialog
    .getByRole('textbox', { name: 'Colleague' })
    .or(dialog.getByRole('combobox', { name: 'Colleague' }))
    .first();
  await person.click();
  await person.fill(who);
  await page
    .getByRole('option', { name: new RegExp(`^${escapeRegExp(who)}`) })
    .first()
    .click();
  const certification = dialog
    .getByRole('textbox', { name: 'Certification' })
    .or(dialog.getByRole('combobox', { name: 'Certification' }))
    .first();
  await certification.click();
  await certification.fill(cert.examCode);
  await page.getByRole('option', { name: `${cert.name} (${cert.examCode})` }).click();
  await dialog.getByLabel('Obtained on').fill(obtained);
  await dialog.getByLabel('Expires on').fill(expires);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
}

const gaps = () => region().getByText('To keep Certified').locator('..').getByRole('listitem');

test('the Programs tab shows the level we hold, below it, with the gap in words', async () => {
  await openTab();
  await expect(region().getByText('Below Certified')).toBeVisible();
  await expect(region().getByText(new RegExp(`We hold Certified since ${escapeRegExp(await shown(day(-60)))}`))).toBeVisible();
  await expect(gaps()).toHaveText([
    `Need 2 more people holding ${certs[0]!.name} or ${certs[1]!.name}`,
    'Need 2 more certifications: any certification of the programme',
    'Checklist: Partner business plan not done',
  ]);
  await expect(region().getByText('0 / 2 people')).toBeVisible();
  await b.expectAccessible('partner programs tab');
  await b.screenshot('levels-tab-before');
});

test('recording certifications in the UI closes the gap; the checklist tick makes the level met with a forecast', async () => {
  await record(colleague, certs[0]!, day(-30), day(100));
  await openTab();
  await expect(gaps()).toHaveText([
    `Need 1 more person holding ${certs[0]!.name} or ${certs[1]!.name}`,
    'Need 1 more certification: any certification of the programme',
    'Checklist: Partner business plan not done',
  ]);

  await record(b.me.name, certs[1]!, day(-10), day(200));
  await openTab();
  await expect(gaps()).toHaveText(['Checklist: Partner business plan not done']);
  await expect(region().getByText('2 / 2 people')).toBeVisible();

  await region().getByRole('button', { name: 'Tick Partner business plan' }).click();
  const tick = page.getByRole('dialog', { name: 'Mark “Partner business plan” done' });
  await expect(tick.getByLabel('Evidence')).toBeFocused();
  await b.expectAccessible('checklist evidence dialog');
  await tick.getByRole('button', { name: 'Mark done' }).click();
  await expect(tick.getByText(/Evidence is required/)).toBeVisible();
  await tick.getByLabel('Evidence').fill('Business plan signed off in the partner portal');
  await tick.getByRole('button', { name: 'Mark done' }).click();
  await expect(tick).toBeHidden();

  await expect(region().getByText('Meets Certified today')).toBeVisible();
  await expect(region().getByText('To keep Certified')).toHaveCount(0);
  const forecast = region().getByTestId('forecast');
  await expect(forecast).toContainText(`On ${await shown(day(101))} we fall below Certified: ${colleague}’s ${certs[0]!.name} expires ${await shown(day(100))}`);
  await b.expectAccessible('partner programs tab, level met');
  await b.screenshot('levels-tab-met');
});

test('a third certification with a later expiry moves the forecast later', async () => {
  await record(colleague, certs[1]!, day(-5), day(400));
  await openTab();
  await expect(region().getByText('Meets Certified today')).toBeVisible();
  const forecast = region().getByTestId('forecast');
  // Every counted certification gone by then is named, the earlier one too.
  await expect(forecast).toContainText(
    `On ${await shown(day(201))} we fall below Certified: ${colleague}’s ${certs[0]!.name} expires ${await shown(day(100))}; ${b.me.name}’s ${certs[1]!.name} expires ${await shown(day(200))}.`,
  );
  await expect(region().getByText('To reach Gold (next level)')).toBeVisible();
  await b.expectAccessible('partner programs tab, forecast moved');
  await b.screenshot('levels-tab-forecast-moved');
  await b.screenshot('levels-tab-forecast-moved', { phone: true });
});

test('the programmes page lists it; the ladder editor shows requirements as sentences', async () => {
  await page.goto('/programs');
  await expect(page.getByRole('heading', { name: 'Programs', level: 1 })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: programName });
  await expect(row).toContainText('Meets Certified today');
  await expect(row).toContainText(await shown(day(201)));
  await b.expectAccessible('programs page');
  await b.screenshot('programs-page');
  await row.getByRole('link', { name: programName }).click();
  await expect(page.getByRole('heading', { name: programName, level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Edit levels' }).click();
  const editor = page.getByRole('dialog', { name: `Levels of ${programName}` });
  await expect(editor.getByText(`At least 2 people holding ${certs[0]!.name} or ${certs[1]!.name}`)).toBeVisible();
  await b.expectAccessible('ladder editor');
  await b.screenshot('ladder-editor');
  await editor.getByRole('button', { name: 'Cancel' }).click();
  await expect(editor).toBeHidden();
});

test('the partner list shows the level held in the partner’s programme and filters by it', async () => {
  await page.goto(`/partners?q=${encodeURIComponent(partnerName)}&level=certified`);
  await expect(page.getByRole('heading', { name: 'Partners', level: 1 })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: partnerName });
  await expect(row).toContainText('Certified');
  await expect(row).toContainText('met');
  await expect(row).toContainText(programName);
  await page.goto(`/partners?q=${encodeURIComponent(partnerName)}&level=gold`);
  await expect(page.getByText(partnerName)).toHaveCount(0);
});
