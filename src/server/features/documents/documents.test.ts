import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../tests/support/app.js';
import { actorsFor, type Actor, type Actors } from '../../../../tests/support/actors.js';
import { makePartner } from '../../../../tests/support/factories.js';
import { auditLog, document, documentVersion } from '../../db/schema/index.js';
import { localStorage, sweepSpool } from './storage.js';
import { filesUnder, makePdf, multipart, postStream, sha256, startS3, streamingUpload, tempDir, type Part } from './documents.fixtures.js';

/**
 * Upload, versions, download and archive, the same on both storages: a local directory and a
 * real S3-compatible server (s3rver). Both apps share one database.
 */
let local: TestApp;
let s3app: TestApp;
let s3: Awaited<ReturnType<typeof startS3>>;
let filesDir: string;
let as: Actors<'manager'>;

beforeAll(async () => {
  filesDir = tempDir('files');
  local = await createTestApp({ FILES_DIR: filesDir });
  s3 = await startS3('partnerhub-docs');
  s3app = await createTestApp({ ...s3.env, FILES_DIR: tempDir('spool') }, local.database);
  // Created on the local app; its credentials work on both, which share the database.
  as = await actorsFor(local, { roles: ['manager'] });
});
afterAll(async () => {
  await s3app?.close();
  await local?.close();
  await s3?.close();
});

const countFor = async (t: TestApp, subjectId: string) =>
  (
    await t.database.db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(document)
      .where(eq(document.subjectId, subjectId))
  )[0]!.n;

// On either app, so the actor's headers rather than its own request helpers (bound to the local app).
const upload = (t: TestApp, parts: Part[], url = '/api/documents', who: Actor = as.manager) => {
  const { payload, headers } = multipart(parts);
  return t.app.inject({ method: 'POST', url, headers: { ...headers, ...who.headers }, payload });
};
const get = (t: TestApp, url: string, who: Actor = as.manager) => t.app.inject({ method: 'GET', url, headers: who.headers });

describe.each([
  ['local directory', () => local, () => filesUnder(filesDir).filter((f) => !f.startsWith('.incoming'))],
  ['S3-compatible bucket', () => s3app, () => s3.objects()],
])('documents in a %s', (_name, app, stored) => {
  it('uploads a PDF, serves the same bytes, adds a version that becomes current, keeps v1, archives and restores; all audited', async () => {
    const t = app();
    const p = await makePartner(t);
    const v1 = await makePdf('Partner agreement v1');
    const before = stored().length;
    const res = await upload(t, [
      { name: 'subjectType', value: 'partner' },
      { name: 'subjectId', value: p.id },
      { name: 'title', value: 'Partner agreement' },
      { name: 'file', fileName: 'agreement.pdf', type: 'application/pdf', data: v1 },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json();
    expect(doc).toMatchObject({
      subjectType: 'partner',
      subjectId: p.id,
      partnerId: p.id,
      title: 'Partner agreement',
      currentVersion: 1,
      version: 1,
      canEdit: true,
      archivedAt: null,
    });
    expect(doc.current).toMatchObject({ versionNo: 1, fileName: 'agreement.pdf', contentType: 'application/pdf', sizeBytes: v1.length, sha256: sha256(v1) });
    expect(doc.current.inlineUrl).toBe(`/api/documents/${doc.id}/download?version=1&inline=1`);
    expect(stored().length).toBe(before + 1);

    const dl = await get(t, doc.current.downloadUrl);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(v1)).toBe(true);
    expect(sha256(dl.rawPayload)).toBe(doc.current.sha256);
    expect(dl.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-length': String(v1.length),
      'content-disposition': `attachment; filename="agreement.pdf"; filename*=UTF-8''agreement.pdf`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "sandbox; default-src 'none'",
      etag: `"${sha256(v1)}"`,
    });
    expect(dl.headers['cache-control']).toMatch(/^private/);
    // Revalidation by hash.
    const again = await t.app.inject({ method: 'GET', url: doc.current.downloadUrl, headers: { ...as.manager.headers, 'if-none-match': `"${sha256(v1)}"` } });
    expect(again.statusCode).toBe(304);

    const inline = await get(t, doc.current.inlineUrl);
    expect(inline.statusCode).toBe(200);
    expect(inline.headers['content-disposition']).toMatch(/^inline; /);
    expect(inline.headers['content-security-policy']).toBe("sandbox; default-src 'none'");

    const v2 = await makePdf('Partner agreement v2, signed');
    const stale = await upload(
      t,
      [
        { name: 'version', value: '7' },
        { name: 'file', fileName: 'agreement-signed.pdf', type: 'application/pdf', data: v2 },
      ],
      `/api/documents/${doc.id}/versions`,
    );
    expect(stale.statusCode).toBe(409);
    const second = await upload(
      t,
      [
        { name: 'version', value: '1' },
        { name: 'file', fileName: 'agreement-signed.pdf', type: 'application/pdf', data: v2 },
      ],
      `/api/documents/${doc.id}/versions`,
    );
    expect(second.statusCode, second.body).toBe(201);
    const doc2 = second.json();
    expect(doc2).toMatchObject({ currentVersion: 2, version: 2, title: 'Partner agreement' });
    expect(doc2.versions.map((v: { versionNo: number }) => v.versionNo)).toEqual([2, 1]);
    expect(stored().length).toBe(before + 2);

    const current = await get(t, `/api/documents/${doc.id}/download`);
    expect(current.rawPayload.equals(v2)).toBe(true);
    expect(current.headers['cache-control']).toBe('private, no-cache');
    const old = await get(t, `/api/documents/${doc.id}/download?version=1`);
    expect(old.rawPayload.equals(v1)).toBe(true);
    expect((await get(t, `/api/documents/${doc.id}/download?version=3`)).statusCode).toBe(404);

    const archived = await t.app.inject({ method: 'POST', url: `/api/documents/${doc.id}/archive`, headers: as.manager.headers, payload: { version: 2 } });
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json().archivedAt).not.toBeNull();
    expect((await t.app.inject({ method: 'POST', url: `/api/documents/${doc.id}/restore`, headers: as.manager.headers, payload: { version: 2 } })).statusCode).toBe(409);
    const listed = await get(t, `/api/documents?subjectType=partner&subjectId=${p.id}`);
    expect(listed.json().items).toEqual([]);
    expect((await get(t, `/api/documents?subjectType=partner&subjectId=${p.id}&archived=all`)).json().items.map((d: { id: string }) => d.id)).toEqual([doc.id]);
    // An archived document takes no new version until it is restored; its files stay downloadable.
    const onArchived = await upload(t, [{ name: 'file', fileName: 'x.pdf', type: 'application/pdf', data: v2 }], `/api/documents/${doc.id}/versions`);
    expect(onArchived.statusCode).toBe(409);
    expect((await get(t, `/api/documents/${doc.id}/download?version=1`)).statusCode).toBe(200);
    const restored = await t.app.inject({ method: 'POST', url: `/api/documents/${doc.id}/restore`, headers: as.manager.headers, payload: { version: 3 } });
    expect(restored.json()).toMatchObject({ archivedAt: null, version: 4 });

    const audit = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'document'), eq(auditLog.entityId, doc.id)))
      .orderBy(auditLog.at);
    expect(audit.map((a) => a.action)).toEqual(['upload', 'new_version', 'archive', 'restore']);
  });

  it('refuses a file over the limit with 413 and keeps nothing, whether or not the length is declared', async () => {
    const t = app();
    const p = await makePartner(t);
    const before = stored();
    for (const declared of [true, false]) {
      const big = streamingUpload({ subjectType: 'partner', subjectId: p.id }, 200 * 1024 * 1024);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/documents',
        headers: { ...big.headers, ...as.manager.headers, ...(declared ? { 'content-length': String(big.length) } : {}) },
        payload: big.stream,
      });
      expect(res.statusCode, res.body).toBe(413);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'payload_too_large', detail: 'The file is larger than the 25 MB limit' });
      big.stream.destroy();
    }
    expect(await countFor(t, p.id)).toBe(0);
    expect(stored()).toEqual(before);
  });
});

describe('over real HTTP', () => {
  it('answers 413 to a declared 200 MB upload before reading it, and stops reading an undeclared one soon after the limit', async () => {
    const listening = await createTestApp({ FILES_DIR: filesDir }, local.database);
    try {
      await listening.app.listen({ port: 0, host: '127.0.0.1' });
      const port = (listening.app.server.address() as { port: number }).port;
      const p = await makePartner(local);
      for (const declared of [true, false]) {
        const big = streamingUpload({ subjectType: 'partner', subjectId: p.id }, 200 * 1024 * 1024);
        const res = await postStream(
          port,
          '/api/documents',
          { ...big.headers, ...as.manager.headers, ...(declared ? { 'content-length': String(big.length) } : { 'transfer-encoding': 'chunked' }) },
          big.stream,
        );
        expect(res.status, res.body).toBe(413);
        expect(JSON.parse(res.body).detail).toBe('The file is larger than the 25 MB limit');
        // Socket buffers hold a few MB; what matters is that 200 MB were never read.
        expect(big.pulled(), declared ? 'declared' : 'streamed').toBeLessThan(declared ? 16 * 1024 * 1024 : 48 * 1024 * 1024);
      }
      expect(await countFor(local, p.id)).toBe(0);
      expect(filesUnder(filesDir).filter((f) => f.startsWith('.incoming'))).toEqual([]);
    } finally {
      await listening.close();
    }
  });
});

describe('upload checks (local)', () => {
  const send = async (fileName: string, type: string | undefined, data: Buffer) => {
    const p = await makePartner(local);
    const res = await upload(local, [
      { name: 'subjectType', value: 'partner' },
      { name: 'subjectId', value: p.id },
      { name: 'file', fileName, type, data },
    ]);
    return { res, count: await countFor(local, p.id) };
  };
  const incoming = () => filesUnder(filesDir).filter((f) => f.startsWith('.incoming'));

  it.each([
    ['an HTML page', 'page.html', 'text/html', '<html><script>alert(1)</script></html>', /HTML files cannot be uploaded/],
    ['HTML sent as text', 'page.html', 'text/plain', '<html></html>', /HTML files cannot be uploaded/],
    ['an SVG image', 'logo.svg', 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', /SVG images cannot be uploaded/],
    ['a script', 'run.js', 'text/javascript', 'alert(1)', /Script files cannot be uploaded/],
    ['a text file sent as a PDF', 'report.pdf', 'application/pdf', 'just some text', /sent as a PDF but its content is not a PDF/],
    ['an unknown type', 'tool.exe', 'application/x-msdownload', 'MZ\u0090\u0000', /cannot be uploaded/],
  ])('refuses %s with 415 and writes nothing', async (_what, fileName, type, content, message) => {
    const before = filesUnder(filesDir);
    const { res, count } = await send(fileName, type, Buffer.from(content));
    expect(res.statusCode, res.body).toBe(415);
    expect(res.json()).toMatchObject({ code: 'unsupported_media_type', errors: [{ path: 'body.file' }] });
    expect(res.json().detail).toMatch(message);
    expect(count).toBe(0);
    expect(filesUnder(filesDir)).toEqual(before);
  });

  it('refuses a PDF declared as a PNG, and accepts one sent as application/octet-stream as a PDF', async () => {
    const pdf = await makePdf('Sniffed');
    const wrong = await send('scan.png', 'image/png', pdf);
    expect(wrong.res.statusCode).toBe(415);
    expect(wrong.res.json().detail).toMatch(/sent as a PNG image but its content is a PDF/);
    const unknown = await send('scan.pdf', 'application/octet-stream', pdf);
    expect(unknown.res.statusCode, unknown.res.body).toBe(201);
    expect(unknown.res.json().current.contentType).toBe('application/pdf');
    expect(incoming()).toEqual([]);
  });

  it('will not show a text file inline (415), only download it as an attachment', async () => {
    const { res } = await send('notes.txt', 'text/plain; charset=utf-8', Buffer.from('<script>alert(1)</script>'));
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json();
    expect(doc.current).toMatchObject({ contentType: 'text/plain', inlineUrl: null });
    const inline = await get(local, `/api/documents/${doc.id}/download?inline=1`);
    expect(inline.statusCode).toBe(415);
    expect(inline.json()).toMatchObject({ detail: 'This file type cannot be shown in the browser; download it instead', errors: [{ path: 'query.inline' }] });
    expect(inline.headers['content-disposition']).toBeUndefined();
    const dl = await get(local, doc.current.downloadUrl);
    expect(dl.headers['content-disposition']).toMatch(/^attachment; /);
    expect(dl.headers['content-type']).toBe('text/plain');
    expect(dl.body).toBe('<script>alert(1)</script>');
  });

  it('keeps hostile file names out of paths and headers', async () => {
    const pdf = await makePdf('Names');
    const cases: [string, string, string][] = [
      ['../../evil".pdf', 'evil".pdf', `attachment; filename="evil_.pdf"; filename*=UTF-8''evil%22.pdf`],
      [
        'Vertrag Zürich – ünterschrieben.pdf',
        'Vertrag Zürich – ünterschrieben.pdf',
        `attachment; filename="Vertrag Zurich _ unterschrieben.pdf"; filename*=UTF-8''Vertrag%20Z%C3%BCrich%20%E2%80%93%20%C3%BCnterschrieben.pdf`,
      ],
      ['invoice\u202Efdp.exe.pdf', 'invoicefdp.exe.pdf', `attachment; filename="invoicefdp.exe.pdf"; filename*=UTF-8''invoicefdp.exe.pdf`],
      ['..\\..\\windows\\..pdf', 'pdf', `attachment; filename="pdf"; filename*=UTF-8''pdf`],
    ];
    for (const [sent, kept, disposition] of cases) {
      const { res } = await send(sent, 'application/pdf', pdf);
      expect(res.statusCode, res.body).toBe(201);
      const doc = res.json();
      expect(doc.current.fileName).toBe(kept);
      const [row] = await local.database.db.select().from(documentVersion).where(eq(documentVersion.documentId, doc.id));
      expect(row!.storageKey).toBe(`documents/${doc.id}/${row!.id}`);
      const dl = await get(local, doc.current.downloadUrl);
      expect(dl.headers['content-disposition']).toBe(disposition);
    }
    expect(filesUnder(filesDir).every((f) => f.startsWith('documents/') || f.startsWith('.incoming'))).toBe(true);
  });

  it('names the field when the fields are wrong, missing, late, or the body is not a multipart upload', async () => {
    const pdf = await makePdf('Fields');
    const p = await makePartner(local);
    const cases: [Part[], number, string][] = [
      [
        [
          { name: 'subjectType', value: 'partner' },
          { name: 'subjectId', value: crypto.randomUUID() },
          { name: 'file', fileName: 'a.pdf', type: 'application/pdf', data: pdf },
        ],
        400,
        'body.subjectId',
      ],
      [
        [
          { name: 'subjectType', value: 'galaxy' },
          { name: 'subjectId', value: p.id },
          { name: 'file', fileName: 'a.pdf', type: 'application/pdf', data: pdf },
        ],
        400,
        'body.subjectType',
      ],
      [
        [
          { name: 'file', fileName: 'a.pdf', type: 'application/pdf', data: pdf },
          { name: 'subjectType', value: 'partner' },
        ],
        400,
        'body.subjectType',
      ],
      [
        [
          { name: 'subjectType', value: 'partner' },
          { name: 'subjectId', value: p.id },
        ],
        400,
        'body.file',
      ],
      [
        [
          { name: 'subjectType', value: 'partner' },
          { name: 'subjectId', value: p.id },
          { name: 'title', value: 'x'.repeat(201) },
          { name: 'file', fileName: 'a.pdf', type: 'application/pdf', data: pdf },
        ],
        400,
        'body.title',
      ],
      [
        [
          { name: 'subjectType', value: 'partner' },
          { name: 'subjectId', value: p.id },
          { name: 'attachment', fileName: 'a.pdf', type: 'application/pdf', data: pdf },
        ],
        400,
        'body.attachment',
      ],
    ];
    for (const [parts, status, path] of cases) {
      const res = await upload(local, parts);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().errors?.[0]?.path, res.body).toBe(path);
    }
    const json = await as.manager.post('/api/documents', { subjectType: 'partner', subjectId: p.id });
    expect(json.statusCode).toBe(415);
    const broken = await as.manager.inject({
      method: 'POST',
      url: '/api/documents',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x\r\nContent-Disposition: form-data; name="subj',
    });
    expect(broken.statusCode).toBe(400);
    expect(await countFor(local, p.id)).toBe(0);
    expect(incoming()).toEqual([]);
  });
});

describe('spool directory', () => {
  it('removes upload leftovers older than a day and keeps recent ones', async () => {
    const storage = localStorage(tempDir('sweep'));
    fs.mkdirSync(storage.spoolDir, { recursive: true });
    const old = path.join(storage.spoolDir, 'old.part');
    const recent = path.join(storage.spoolDir, 'recent.part');
    fs.writeFileSync(old, 'x');
    fs.writeFileSync(recent, 'x');
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    fs.utimesSync(old, twoDaysAgo, twoDaysAgo);
    expect(await sweepSpool(storage)).toBe(1);
    expect(fs.readdirSync(storage.spoolDir)).toEqual(['recent.part']);
  });
});
