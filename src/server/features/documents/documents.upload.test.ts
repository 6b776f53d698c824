import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/app.js';
import { actorsFor, type Actors } from '../../../../tests/support/actors.js';
import { makePartner } from '../../../../tests/support/factories.js';
import { listenOnLoopback, sendStream } from '../../../../tests/support/socket.js';
import { streamingUpload, tempDir } from './documents.fixtures.js';

/**
 * An upload over the limit, sent as a browser sends it (the whole file, without waiting), gets its
 * 413 read: not a reset connection, which a browser reports as a network error.
 */
const LIMIT = 64 * 1024;
/** Over the limit by far more than the socket buffers hold, so the client is still sending when the server refuses; within what the server drains. */
const SIZE = 7.5 * 1024 * 1024;
let t: TestApp;
let port: number;
let as: Actors<'manager'>;

beforeAll(async () => {
  t = await createTestApp({ FILES_DIR: tempDir('upload-413'), DOCUMENT_MAX_BYTES: String(LIMIT) });
  as = await actorsFor(t, { roles: ['manager'] });
  port = await listenOnLoopback(t);
});
afterAll(() => t.close());

describe('an upload over the size limit, over a real socket', () => {
  it.each([
    ['with its length declared', true],
    ['streamed without a length', false],
  ])('answers 413 problem+json that the client reads whole, %s', async (_label, declared) => {
    const p = await makePartner(t);
    const big = streamingUpload({ subjectType: 'partner', subjectId: p.id }, SIZE);
    const res = await sendStream(
      port,
      'POST',
      '/api/documents',
      { ...big.headers, ...as.manager.headers, ...(declared ? { 'content-length': String(big.length) } : { 'transfer-encoding': 'chunked' }) },
      big.stream,
    );
    expect(res.status, res.body).toBe(413);
    expect(res.type).toContain('application/problem+json');
    expect(JSON.parse(res.body)).toMatchObject({ code: 'payload_too_large', detail: 'The file is larger than the 64 KB limit' });
    expect(big.pulled()).toBe(SIZE);
  });
});
