// Test helpers for documents: multipart bodies built byte by byte (so file names and types are
// exactly what a hostile client could send), a real PDF, an S3-compatible server, and records to attach to.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { Readable } from 'node:stream';
import PDFDocument from 'pdfkit';
import { contract, riskAssessment } from '../../db/schema/index.js';
import type { TestApp } from '../../../../tests/support/app.js';
import { unique } from '../../../../tests/support/factories.js';

export type Part = { name: string; value: string } | { name: string; fileName: string; type?: string; data: Buffer };

const quoted = (s: string) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');

export function multipart(parts: Part[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----partnerhub-test-${crypto.randomUUID()}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const file = 'data' in p;
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${file ? `; filename="${quoted(p.fileName)}"` : ''}\r\n${file && p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`;
    chunks.push(Buffer.from(head, 'utf8'), file ? p.data : Buffer.from(p.value, 'utf8'), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/**
 * A multipart body carrying `size` bytes of file, generated as it is read: a 200 MB upload
 * without 200 MB in memory. Returns the stream and its exact length.
 */
export function streamingUpload(fields: Record<string, string>, size: number, fileName = 'huge.pdf', type = 'application/pdf') {
  const boundary = `----partnerhub-big-${crypto.randomUUID()}`;
  const head = Buffer.from(
    Object.entries(fields)
      .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
      .join('') + `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const chunk = Buffer.alloc(1024 * 1024, 0x41);
  chunk.write('%PDF-1.7\n');
  let sent = 0;
  let started = false;
  let pulled = 0;
  const stream = new Readable({
    read() {
      if (!started) {
        started = true;
        return void this.push(head);
      }
      if (sent < size) {
        const n = Math.min(chunk.length, size - sent);
        sent += n;
        pulled += n;
        return void this.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      }
      this.push(tail);
      this.push(null);
    },
  });
  return { stream, length: head.length + size + tail.length, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, pulled: () => pulled };
}

export function makePdf(text: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ info: { Title: text } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(16).text(text);
    doc.end();
  });
}

/** A PNG of one pixel. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

export const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

export async function makeContract(t: TestApp, partnerId: string) {
  const [row] = await t.database.db
    .insert(contract)
    .values({ partnerId, type: 'reseller_agreement', title: unique('Reseller agreement') })
    .returning();
  return row!;
}

export async function makeAssessment(t: TestApp, partnerId: string) {
  const [row] = await t.database.db.insert(riskAssessment).values({ partnerId, assessedOn: '2026-03-02' }).returning();
  return row!;
}

export const tempDir = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), `partnerhub-${prefix}-`));

/** Every file under a directory (relative paths), to prove nothing was left behind. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[]).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

/** A real S3-compatible server (s3rver) on a random local port, with one bucket. */
export async function startS3(bucket: string) {
  // The SDK's notice that its 2027 releases need Node 22 says nothing about these tests.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const { default: S3rver } = await import('s3rver');
  const directory = tempDir('s3');
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  return {
    env: { S3_BUCKET: bucket, S3_ENDPOINT: `http://127.0.0.1:${port}`, S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER', S3_FORCE_PATH_STYLE: 'true' },
    /** The objects s3rver keeps on disk for the bucket (each object is a file plus metadata). */
    objects: () => filesUnder(path.join(directory, bucket)).filter((f) => f.endsWith('._S3rver_object')),
    close: () => server.close(),
  };
}

/** Sends a streamed body to a listening server over real HTTP; resolves with the status and body as soon as the server answers. */
export function postStream(port: number, urlPath: string, headers: Record<string, string>, body: Readable): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: urlPath, method: 'POST', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => {
        body.unpipe(req);
        body.destroy();
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body: text });
      });
    });
    // The server may answer and close while we are still sending: that is the point.
    req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e)));
    body.pipe(req);
  });
}
