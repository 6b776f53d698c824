import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { test, expect, type Page } from '@playwright/test';
import { Browsing, runId, type Admin } from './support.js';
import { addMonths } from '../../src/shared/days.js';

test.describe.configure({ mode: 'serial' });
const OWN: Admin = { name: 'Cora Certs', email: 'cora.certs@example.com', password: 'certifications spec admin passphrase' };
const run = runId();
const b = Browsing.forSpec({ admin: OWN, acceptDownloads: true });
let page: Page;
test.beforeAll(() => {
  page = b.page;
});

const day = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Zurich', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + days * 86_400_000));

test('record a certification, read the matrix, export it as CSV, edit the catalogue', async () => {
  test.setTimeout(300_000);
  await page.goto('/certifications');
  await expect(page.getByRole('heading', { name: 'Certifications', level: 1 })).toBeVisible();
  await b.screenshot('certs-empty');
  await page.getByRole('button', { name: 'Record certification' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Record certification' });
  await expect(dialog).toBeVisible();
  await b.choose(dialog.getByRole('combobox', { name: 'Certification' }), 'Certified Kubernetes Administrator (CKA)');
  await dialog.getByLabel('Obtained on').fill('2025-03-10');
  await expect(dialog.getByText('Leave empty for 10 Mar 2027')).toBeVisible();
  await dialog.getByLabel('Credential ID').fill('LF-123');
  await b.screenshot('certs-record');
  await b.expectAccessible('record modal');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(/Certification recorded/)).toBeVisible();
  await expect(dialog).toBeHidden();

  const cat = await b.api<{ items: { id: string; examCode: string | null }[] }>('get', '/api/certifications');
  const id = (code: string) => cat.items.find((c) => c.examCode === code)!.id;
  const u = await b.api<{ id: string }>('post', '/api/users', {
    name: `Tina Tech ${run}`,
    email: `tina.${Date.now()}@example.com`,
    role: 'member',
    password: 'a long enough password here',
  });
  await b.api('post', '/api/user-certifications', { userId: u.id, certificationId: id('SAA-C03'), obtainedOn: day(-1070) });
  await b.api('post', '/api/user-certifications', { userId: u.id, certificationId: id('EX294'), status: 'planned', targetOn: day(40) });
  await b.api('post', '/api/user-certifications', { userId: u.id, certificationId: id('CKAD'), obtainedOn: day(-800) });
  await b.api('post', '/api/user-certifications', { userId: u.id, certificationId: id('CLF-C02'), obtainedOn: day(-1200) });
  await page.reload();
  await expect(page.getByRole('table', { name: 'Certification matrix' })).toBeVisible();
  await b.screenshot('certs-matrix');
  await b.expectAccessible('matrix');
  const dl = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  const download = await dl;
  expect(download.suggestedFilename()).toMatch(/^certifications-\d{4}-\d{2}-\d{2}\.csv$/);
  // The file a spreadsheet gets: a column per certification, a row per colleague with the dates.
  const rows = parse(fs.readFileSync((await download.path())!, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
  const tina = rows.find((r) => r.colleague === `Tina Tech ${run}`);
  expect(tina, JSON.stringify(rows.slice(0, 3))).toBeDefined();
  const column = (code: string) => Object.keys(tina!).find((k) => k.includes(code))!;
  expect(tina![column('EX294')]).toBe(`planned ${day(40)}`);
  expect(tina![column('SAA-C03')]).toBe(addMonths(day(-1070), 36));
  expect(tina![column('CKAD')]).toMatch(/^expired \d{4}-\d{2}-\d{2}$/);

  await page.getByRole('tab', { name: 'Certifications' }).click();
  await expect(page.getByRole('table', { name: 'Recorded certifications' })).toBeVisible();
  await b.screenshot('certs-list');
  await b.expectAccessible('list');
  await page.getByRole('button', { name: /^Edit Certified Kubernetes Administrator/ }).click();
  const edit = page.getByRole('dialog', { name: 'Edit certification' });
  await expect(edit.getByRole('heading', { name: 'Evidence' })).toBeVisible();
  await b.screenshot('certs-edit');
  await b.expectAccessible('edit modal');
  await edit.getByRole('button', { name: 'Cancel' }).click();

  await page.goto('/admin/certifications');
  await expect(page.getByRole('heading', { name: 'Certification catalogue', level: 1 })).toBeVisible();
  await b.screenshot('certs-catalogue');
  await b.expectAccessible('catalogue');
  await page.getByRole('button', { name: 'Edit AWS Certified Cloud Practitioner' }).click();
  const ce = page.getByRole('dialog', { name: /Edit AWS Certified Cloud Practitioner/ });
  await expect(ce.getByRole('textbox', { name: 'Exam code' })).toHaveValue('CLF-C02');
  await b.screenshot('certs-catalogue-edit');
  await b.expectAccessible('catalogue edit');
});
