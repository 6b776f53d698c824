import fp from 'fastify-plugin';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, msg } from '../lib/errors.js';
import { requestLocale } from '../i18n.js';
import type { IssueLike } from '../../shared/i18n/issues.js';
import { RateLimitedError } from '../lib/rate-limit.js';

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
  cause?: unknown;
}

/** Drizzle wraps driver errors; the PostgreSQL SQLSTATE sits on the error or its cause. */
function pgError(error: unknown): PgError | undefined {
  for (let e = error as PgError | undefined, depth = 0; e && depth < 4; e = e.cause as PgError | undefined, depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e;
  }
  return undefined;
}

function toAppError(error: FastifyError | AppError | Error): AppError | null {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = error.validation.map((v) => {
      const where = error.validationContext ?? 'body';
      const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
      return { path: path ? `${where}.${path}` : where, message: v.message ?? 'is invalid', issue: { ...(v.params as IssueLike), code: v.keyword, message: v.message } };
    });
    return new AppError('validation_failed', undefined, fields);
  }
  const fe = error as FastifyError;
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError('payload_too_large', msg('common.bodyTooLarge'));
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new AppError('unsupported_media_type', msg('common.sendJson'));
  if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return new AppError('bad_request', msg('common.emptyJson'), [{ path: 'body', message: msg('common.isEmpty') }]);
  if (fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (fe.statusCode === 400 && error instanceof SyntaxError)) {
    return new AppError('bad_request', msg('common.invalidJson'), [{ path: 'body', message: msg('common.notValidJson') }]);
  }
  if (fe.statusCode === 429) return new AppError('rate_limited', msg('common.tooManyRequests'));
  const pg = pgError(error);
  if (pg?.code === '23505') return new AppError('conflict', msg('common.uniqueViolation'));
  if (pg?.code === '23503') return new AppError('conflict', msg('common.foreignKey'));
  if (pg?.code === '22P02' || pg?.code === '22007' || pg?.code === '22008') return new AppError('bad_request', msg('common.wrongFormat'));
  // Input the schemas let through but PostgreSQL cannot store: a number beyond its column's range,
  // text with U+0000 (neither text nor jsonb can hold it). Bad input, so 400, never 500.
  if (pg?.code === '22003') return new AppError('bad_request', msg('common.outOfRange'));
  if (pg?.code === '22021' || pg?.code === '22P05') return new AppError('bad_request', msg('common.badCharacter'));
  // The statement timeout (or an administrator) cancelled the query: the server is overloaded or the
  // request asks too much, not broken, so 503 and the client may try again.
  if (pg?.code === '57014') {
    return new AppError('database_timeout', msg('common.databaseTimeout'));
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new AppError(
      fe.statusCode === 404 ? 'not_found' : fe.statusCode === 413 ? 'payload_too_large' : fe.statusCode === 415 ? 'unsupported_media_type' : 'bad_request',
      fe.message,
    );
  }
  return null;
}

/**
 * Errors Fastify raises while routing, before any hook or error handler (a malformed
 * percent-encoding or an over-long path segment): pass as Fastify's `frameworkErrors` option.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  const detail = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? msg('common.pathTooLong') : msg('common.badUrl');
  return reply
    .status(status)
    .type('application/problem+json')
    .send(JSON.stringify({ ...new AppError('bad_request', detail).toProblem(undefined, requestLocale(request)), status }));
}

/** Every error leaves as RFC 9457 problem+json; a 5xx says nothing about the internals. */
export default fp(
  async function errorsPlugin(app: FastifyInstance) {
    app.setErrorHandler((error, request, reply) => {
      const known = toAppError(error as Error);
      const appError = known ?? new AppError('internal', msg('common.internal'));
      if (!known) request.log.error({ err: error }, 'unhandled error');
      else if (appError.status >= 500) request.log.error({ err: error }, appError.message);
      if (appError instanceof RateLimitedError) reply.header('retry-after', String(appError.retryAfterSeconds));
      return reply
        .status(appError.status)
        .type('application/problem+json')
        .send(appError.toProblem(request.url.split('?')[0], requestLocale(request)));
    });
    app.setNotFoundHandler((request, reply) =>
      reply
        .status(404)
        .type('application/problem+json')
        .send(new AppError('not_found', msg('common.noRoute', { method: request.method, path: request.url.split('?')[0]! })).toProblem(undefined, requestLocale(request))),
    );
  },
  { name: 'errors' },
);
