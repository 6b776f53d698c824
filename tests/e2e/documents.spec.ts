import fs from 'node:fs';
import zlib from 'node:zlib';
import { test, expect, type Page } from '@playwright/test';
import PDFDocument from 'pdfkit';
import { Browsing, runId, type Admin } from './support.js';

// Documents in the browser: the partner's Documents tab uploads a PDF (with the CSRF header), lists it
// with a Download link that serves the same bytes as an attachment, refuses an HTML file with the
// server's words, and takes a new version. Its own administrator and partner, named for this run.
test.describe.configure({ mode: 'serial' });

const run = runId();
const partnerName = `Alpine Archive Systems ${run}`;
const OWN_ADMIN: Admin = { name: 'Dora Documents', email: 'dora.documents@example.com', password: 'documents spec admin passphrase' };

const b = Browsing.forSpec({ admin: OWN_ADMIN, acceptDownloads: true });
let page: Page;
let partnerId = '';

function pdf(text: string): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.text(text);
    doc.end();
  });
}

test.beforeAll(async () => {
  page = b.page;
  partnerId = (await b.api<{ id: string }>('post', '/api/partners', { name: partnerName, types: ['software_vendor'] })).id;
});

test('the Documents tab uploads a PDF and offers it back as a download', async () => {
  await page.goto(`/partners/${partnerId}/documents`);
  await expect(page.getByRole('heading', { name: `Documents of ${partnerName}` })).toBeVisible();
  await expect(page.getByText('No documents yet')).toBeVisible();
  await b.expectAccessible('documents tab, empty');

  const v1 = await pdf('Reseller agreement, draft');
  await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'Reseller agreement.pdf', mimeType: 'application/pdf', buffer: v1 });
  await page.getByRole('textbox', { name: 'Title (optional)' }).fill('Reseller agreement');
  await page.getByRole('button', { name: 'Upload', exact: true }).click();

  const link = page.getByRole('link', { name: 'Download Reseller agreement.pdf' });
  await expect(link).toBeVisible();
  // The panel's contract with pages that embed it: one button named "Upload" and one "File" input, even matched loosely.
  await expect(page.getByRole('button', { name: 'Upload' })).toHaveCount(1);
  await expect(page.getByLabel('File')).toHaveCount(1);
  await expect(page.getByText('Reseller agreement.pdf', { exact: true })).toBeVisible();
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^\/api\/documents\/[0-9a-f-]{36}\/download\?version=1$/);
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-disposition']).toMatch(/^attachment; filename="Reseller agreement.pdf"/);
  expect(Buffer.from(await res.body()).equals(v1)).toBe(true);
  await b.expectAccessible('documents tab with a document');
  await b.screenshot('documents-tab');
});

test('an HTML file is refused with the server’s reason, and nothing is listed for it', async () => {
  await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'invite.html', mimeType: 'text/html', buffer: Buffer.from('<html><script>alert(1)</script></html>') });
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(page.getByText(/HTML files cannot be uploaded/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Download invite.html' })).toHaveCount(0);
  await b.screenshot('documents-refused');
});

test('a new version becomes current and the first stays downloadable', async () => {
  await page.reload();
  await page.getByRole('button', { name: 'New version of Reseller agreement' }).click();
  const dialog = page.getByRole('dialog', { name: 'New version of Reseller agreement' });
  await dialog.getByLabel('New version').setInputFiles({ name: 'Reseller agreement signed.pdf', mimeType: 'application/pdf', buffer: await pdf('Reseller agreement, signed') });
  await b.expectAccessible('new version dialog');
  await dialog.getByRole('button', { name: 'Add version' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('link', { name: 'Download Reseller agreement signed.pdf' })).toBeVisible();
  await page.getByRole('button', { name: '2 versions' }).click();
  await expect(page.getByRole('link', { name: 'Download version 1 of Reseller agreement.pdf' })).toBeVisible();
  await page.mouse.move(0, 0);
  await b.expectAccessible('documents tab with versions');
  await b.screenshot('documents-versions');
});

test('Administration → Backup downloads the whole installation as one file, the uploaded documents in it', async () => {
  await page.goto('/');
  await page.getByRole('navigation').getByRole('link', { name: 'Backup' }).click();
  await expect(page.getByRole('heading', { name: 'Backup', level: 1 })).toBeVisible();
  await expect(page.getByText('npx partnerhub restore FILE')).toBeVisible();
  await page.mouse.move(0, 0);
  await b.expectAccessible('backup page');
  await b.screenshot('backup');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download backup' }).click()]);
  const lines = zlib
    .gunzipSync(fs.readFileSync((await download.path())!))
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { t: string; format?: string });
  expect(lines[0]).toMatchObject({ t: 'header', format: expect.any(String) });
  const text = JSON.stringify(lines);
  expect(text).toContain(partnerName);
  expect(text).toContain('Reseller agreement signed.pdf');
});
