import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { test, expect, type Page } from '@playwright/test';
import { noticeSummary } from '../../src/shared/contracts.js';
import { addDays, addMonths, zurichDate } from '../../src/shared/days.js';
import { pdfText } from '../support/pdf.js';
import { Browsing, escapeRegExp, runId, type Admin } from './support.js';

// Contracts in the browser: a contract added on the partner's Contracts tab with an end date,
// auto-renewal and a 3-month notice period shows the deadline it will have while the form is
// filled in; on the contract's page a signed PDF is uploaded and downloaded byte for byte.
test.describe.configure({ mode: 'serial' });

const run = runId();
const partnerName = `Alpine Data Centers ${run}`;
const contractTitle = `Colocation reseller agreement ${run}`;
const OWN_ADMIN: Admin = { name: 'Cora Contracts', email: 'cora.contracts@example.com', password: 'contracts spec admin passphrase' };
const PDF_TEXT = `Reseller agreement ${run} between Partnerhub AG and Alpine Data Centers SA`;

const b = Browsing.forSpec({ admin: OWN_ADMIN, acceptDownloads: true });
let page: Page;
let partnerId = '';
let contractId = '';

// Ends about three months and three weeks from now: the notice deadline falls within 30 days.
const today = zurichDate(new Date());
const endsOn = addDays(addMonths(today, 3), 20);
const expected = noticeSummary({ endsOn, autoRenew: true, renewalTermMonths: 12, noticePeriodCount: 3, noticePeriodUnit: 'months' }, today);
const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const shown = (day: string) => dayFormat.format(new Date(`${day}T00:00:00Z`));

function contractPdf(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', info: { Title: contractTitle } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(18).text(PDF_TEXT);
    doc.moveDown().fontSize(11).text('Term: 12 months, renewing automatically. Notice: 3 months before the end of a term.');
    doc.end();
  });
}

test.beforeAll(async () => {
  page = b.page;
  const p = await b.api<{ id: string }>('post', '/api/partners', { name: partnerName, types: ['cloud_service_provider'], status: 'active', importance: 'key', country: 'CH' });
  partnerId = p.id;
});

test('a contract added on the Contracts tab shows its notice deadline while it is filled in', async () => {
  await page.goto(`/partners/${partnerId}/contracts`);
  await expect(page.getByRole('tab', { name: 'Contracts', selected: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No contracts yet' })).toBeVisible();
  await b.expectAccessible('contracts tab, empty');

  await page.getByRole('button', { name: 'Add contract' }).first().click();
  const dialog = page.getByRole('dialog', { name: `Add contract with ${partnerName}` });
  await expect(dialog).toBeVisible();
  // Mantine's selects and tag inputs are comboboxes or text boxes depending on their mode.
  const input = (name: string) => dialog.getByRole('textbox', { name, exact: true }).or(dialog.getByRole('combobox', { name, exact: true }));
  await b.field('Title', dialog).fill(contractTitle);
  await b.choose(input('Type'), 'Reseller agreement');
  const parties = input('Parties');
  await parties.fill('Partnerhub AG');
  await parties.press('Enter');
  await parties.fill('Alpine Data Centers SA');
  await parties.press('Enter');
  await dialog.getByRole('textbox', { name: 'Starts on' }).fill(addMonths(endsOn, -12));
  const ends = dialog.getByRole('textbox', { name: 'Ends on' });
  await ends.fill(endsOn);
  await ends.press('Tab');
  await expect(ends).toHaveValue(shown(endsOn));
  await dialog.getByRole('switch', { name: 'Renews automatically' }).check();
  await expect(dialog.getByRole('textbox', { name: 'Renewal term (months)' })).toHaveValue('12');
  await dialog.getByRole('textbox', { name: 'Notice period', exact: true }).fill('3');
  await expect(input('Notice period unit')).toHaveValue('months');

  const preview = dialog.getByRole('status', { name: 'Computed notice deadline' });
  await expect(preview).toContainText(`Notice deadline: ${shown(expected.noticeDeadline!)}`);
  await expect(preview).toContainText(`Renews on ${shown(expected.currentTermEnd!)} unless cancelled by ${shown(expected.noticeDeadline!)}`);

  await dialog.getByRole('textbox', { name: 'Value' }).fill('48000');
  await dialog.getByRole('checkbox', { name: 'Confidentiality / NDA' }).check();
  await dialog.getByRole('checkbox', { name: 'Service levels' }).check();
  await b.expectAccessible('add contract form');
  await b.screenshot('contract-form');

  await dialog.getByRole('button', { name: 'Add contract' }).click();
  await expect(dialog).toBeHidden();
  // A pointer resting on the toast (where the button was) keeps it open.
  await page.mouse.move(400, 200);
  const table = page.getByRole('table', { name: `Contracts with ${partnerName}` });
  const row = table.getByRole('row').filter({ hasText: contractTitle });
  await expect(row).toContainText(shown(expected.noticeDeadline!));
  await expect(row).toContainText(`in ${expected.daysToNotice} days`);
  await expect(row).toContainText('CHF 48,000.00');
  await b.expectAccessible('contracts tab');
  await b.screenshot('contracts-tab');

  await row.getByRole('link', { name: contractTitle }).click();
  await expect(page.getByRole('heading', { name: contractTitle, level: 1 })).toBeVisible();
  contractId = new URL(page.url()).pathname.split('/')[2]!;
  const saved = await b.api<{ noticeDeadline: string; clauses: string[]; valueMinor: number; parties: string[] }>('get', `/api/contracts/${contractId}`);
  expect(saved).toMatchObject({
    noticeDeadline: expected.noticeDeadline,
    clauses: ['confidentiality', 'service_levels'],
    valueMinor: 4_800_000,
    parties: ['Partnerhub AG', 'Alpine Data Centers SA'],
  });
});

test('a signed contract PDF is uploaded on the contract and downloaded byte for byte', async () => {
  await expect(page.getByText(`Notice deadline: ${shown(expected.noticeDeadline!)}`)).toBeVisible();
  const pdf = await contractPdf();
  const fileName = `reseller-agreement-${run}.pdf`;
  await page.getByLabel('File', { exact: true }).setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: pdf });
  await page.getByRole('button', { name: 'Upload' }).click();
  await page.mouse.move(400, 200);
  const download = page.getByRole('link', { name: `Download ${fileName}` });
  await expect(download).toBeVisible();
  await b.expectAccessible('contract page with its document');
  await b.screenshot('contract-page');
  await b.screenshot('contract-page', { phone: true });

  const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
  const saved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'contract-')), file.suggestedFilename());
  await file.saveAs(saved);
  expect(file.suggestedFilename()).toBe(fileName);
  expect(fs.readFileSync(saved).equals(pdf), 'the downloaded bytes are the uploaded ones').toBe(true);
  const text = await pdfText(fs.readFileSync(saved));
  expect(text.replace(/\s+/g, ' ')).toContain(PDF_TEXT);
});

test('the contracts page lists notice deadlines within 90 days', async () => {
  await page.goto('/contracts');
  await expect(page.getByRole('heading', { name: 'Contracts', level: 1 })).toBeVisible();
  await page.getByRole('switch', { name: 'Notice within 90 days' }).check();
  await expect(page.getByText(/with a notice deadline in the next 90 days/)).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: new RegExp(escapeRegExp(contractTitle)) })).toContainText(partnerName);
  await b.expectAccessible('contracts page');
  await b.screenshot('contracts-page');
  await b.screenshot('contracts-page', { phone: true });
});
