import crypto from 'node:crypto';
import fs from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import multipart, { type MultipartFile, type Multipart } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { formatBytes } from '../../../shared/schemas/document.js';
import { AppError, fieldError, msg } from '../../lib/errors.js';
import { sanitizeFileName } from './documents.content.js';
import { ensureSpoolDir, removeQuietly, type Storage } from './storage.js';

/** An upload received whole into the spool directory, counted and hashed on the way. */
export interface Spooled {
  path: string;
  fileName: string;
  declaredType: string;
  sizeBytes: number;
  sha256: string;
}

/** Room for the form's boundaries, part headers and small fields around the file itself. */
const ENVELOPE_BYTES = 64 * 1024;
const FIELD_MAX_BYTES = 4096;
/**
 * A refused upload's rest is read and thrown away up to this much, so that the client finishes
 * sending and reads the 413: a server that answers and closes while the client still sends resets
 * the connection, and a browser then sees a network error instead of the answer. Beyond it (a
 * declared length further over the limit, or a stream that goes on) the connection is closed.
 */
export const DRAIN_MAX_BYTES = 8 * 1024 * 1024;
const DRAIN_TIMEOUT_MS = 15_000;

/** Reads and discards the rest of the request body, up to `maxBytes`; true when it ended within that. */
function drainRest(raw: IncomingMessage, maxBytes: number): Promise<boolean> {
  if (raw.readableEnded) return Promise.resolve(true);
  if (raw.destroyed) return Promise.resolve(false);
  return new Promise((resolve) => {
    let seen = 0;
    const done = (ended: boolean) => {
      clearTimeout(timer);
      // Left flowing: a paused body fills the socket's buffers, and closing it then resets the
      // connection before the client has read the answer.
      raw.off('data', onData).off('end', onEnd).off('close', onClose).off('error', onClose);
      resolve(ended);
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > maxBytes) done(false);
    };
    const onEnd = () => done(true);
    const onClose = () => done(raw.readableEnded);
    const timer = setTimeout(() => done(false), DRAIN_TIMEOUT_MS);
    // The parser no longer gets the body: nothing of it is kept.
    raw.unpipe();
    raw.on('data', onData).once('end', onEnd).once('close', onClose).once('error', onClose);
    raw.resume();
  });
}

const isTooLarge = (e: unknown) => e instanceof AppError && e.status === 413;
const LINGER_MS = 2000;
const LINGER_MAX_BYTES = 256 * 1024;

/**
 * For a refused upload whose rest is too large to drain: once the answer is sent (Node ends the
 * connection then, the answer saying `Connection: close`), the connection is half-closed and what
 * the client still sends is read and discarded for a moment (up to 2 s and 256 KiB) before it is
 * closed. Closing at once with unread bytes resets the connection, and the reset can reach the
 * client before it read the answer.
 */
function lingerOnClose(raw: IncomingMessage): void {
  const socket = raw.socket as IncomingMessage['socket'] & { destroySoon?: () => void };
  if (!socket || socket.destroyed) return;
  socket.destroySoon = () => {
    socket.end();
    let seen = 0;
    const stop = () => {
      clearTimeout(timer);
      socket.destroy();
    };
    const timer = setTimeout(stop, LINGER_MS);
    socket.once('close', () => clearTimeout(timer));
    raw.on('data', (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > LINGER_MAX_BYTES) stop();
    });
    raw.resume();
  };
}

const tooLargeMessage = (maxBytes: number) => msg('documents.tooLarge', { limit: formatBytes(maxBytes) });
export const tooLarge = (maxBytes: number) => new AppError('payload_too_large', tooLargeMessage(maxBytes), [{ path: 'body.file', message: tooLargeMessage(maxBytes) }]);
const malformed = () => new AppError('bad_request', msg('documents.malformed'), [{ path: 'body', message: msg('documents.field.incomplete') }]);

/** Errors of the multipart parser and of the client's connection are bad input; our own and the disk's are not. */
function asInputError(e: unknown): unknown {
  if (e instanceof AppError || (e as NodeJS.ErrnoException)?.syscall) return e;
  const code = (e as { code?: string })?.code ?? '';
  if (/^FST_(PARTS|FILES|FIELDS)_LIMIT$/.test(code))
    return new AppError('bad_request', msg('documents.tooManyParts'), [{ path: 'body', message: msg('documents.field.tooManyParts') }]);
  return malformed();
}

async function spool(part: MultipartFile, storage: Storage, maxBytes: number): Promise<Spooled> {
  const dir = await ensureSpoolDir(storage);
  const file = path.join(dir, `${crypto.randomUUID()}.part`);
  const hash = crypto.createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > maxBytes) return done(tooLarge(maxBytes));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(part.file, meter, fs.createWriteStream(file, { flags: 'wx' }));
    // The parser stops at maxBytes + 1 on its own; either way the file is too large.
    if (part.file.truncated) throw tooLarge(maxBytes);
  } catch (e) {
    await removeQuietly(file);
    throw asInputError(e);
  }
  return { path: file, fileName: sanitizeFileName(part.filename), declaredType: part.mimetype, sizeBytes: size, sha256: hash.digest('hex') };
}

/**
 * Reads a multipart upload: fields first (checked by `onFields` before a byte of the file is
 * stored), then one part named "file", streamed to a spool file. Over the limit → 413 and the
 * partial file removed; a declared Content-Length over the limit is refused before parsing. Either
 * way the rest of the body is drained first when it is at most DRAIN_MAX_BYTES.
 * The caller owns the returned spool file and must remove it.
 */
export async function receiveUpload(
  req: FastifyRequest,
  storage: Storage,
  opts: { maxBytes: number; fields: readonly string[]; onFields: (fields: Record<string, string>) => Promise<void> },
): Promise<Spooled> {
  if (!req.isMultipart()) {
    throw new AppError('unsupported_media_type', msg('documents.notMultipart'), [{ path: 'body', message: msg('documents.field.notMultipart') }]);
  }
  const length = Number(req.headers['content-length']);
  if (Number.isFinite(length) && length > opts.maxBytes + ENVELOPE_BYTES) {
    if (length > opts.maxBytes + ENVELOPE_BYTES + DRAIN_MAX_BYTES || !(await drainRest(req.raw, length))) lingerOnClose(req.raw);
    throw tooLarge(opts.maxBytes);
  }

  const fields: Record<string, string> = {};
  let received: Spooled | null = null;
  try {
    let parts: AsyncIterator<Multipart>;
    try {
      const limits = { fileSize: opts.maxBytes + 1, fieldSize: FIELD_MAX_BYTES, fields: opts.fields.length + 2, parts: opts.fields.length + 3 };
      parts = req.parts({ limits })[Symbol.asyncIterator]();
    } catch (e) {
      throw asInputError(e);
    }
    for (;;) {
      const next = await parts.next().catch((e: unknown) => {
        throw asInputError(e);
      });
      if (next.done) break;
      const part = next.value;
      if (part.type === 'field') {
        const name = part.fieldname;
        if (received) throw fieldError(`body.${name.slice(0, 40)}`, msg('documents.field.beforeFile'));
        if (!opts.fields.includes(name)) throw fieldError(`body.${name.slice(0, 40)}`, msg('documents.field.unknownField', { fields: opts.fields.join(', ') }));
        if (name in fields) throw fieldError(`body.${name}`, msg('documents.field.twice'));
        if (part.valueTruncated || typeof part.value !== 'string') throw fieldError(`body.${name}`, msg('documents.field.tooLong'));
        fields[name] = part.value;
        continue;
      }
      if (received || part.fieldname !== 'file') {
        part.file.resume();
        throw fieldError(`body.${part.fieldname.slice(0, 40)}`, msg(received ? 'documents.field.oneFile' : 'documents.field.partName'));
      }
      await opts.onFields(fields);
      received = await spool(part, storage, opts.maxBytes);
    }
  } catch (e) {
    if (received) await removeQuietly(received.path);
    if (isTooLarge(e) && !(await drainRest(req.raw, DRAIN_MAX_BYTES))) lingerOnClose(req.raw);
    throw e;
  }
  if (!received) throw fieldError('body.file', msg('documents.field.fileRequired'));
  return received;
}

/**
 * Registers upload routes in a scope of their own: only they parse multipart bodies (no other route
 * takes a form). The plugin does not read the body itself: the handlers stream it with
 * `receiveUpload` and count the bytes (the parser only stops at the limit + 1). A refused upload's
 * rest is drained when it is small, so the client reads the 413; a larger rest is left unread, and
 * closing the connection tells the client to stop sending it.
 */
export async function registerUploadRoutes(app: FastifyInstance, routes: (uploads: ReturnType<typeof withZod>) => void | Promise<void>) {
  await app.register(async (scope) => {
    const uploads = withZod(scope);
    await uploads.register(multipart, { throwFileSizeLimit: false });
    uploads.addHook('onError', async (_req, reply, error) => {
      if ((error as { status?: number }).status === 413 || (error as { statusCode?: number }).statusCode === 413) reply.header('Connection', 'close');
    });
    await routes(uploads);
  });
}
const withZod = (scope: FastifyInstance) => scope.withTypeProvider<ZodTypeProvider>();
