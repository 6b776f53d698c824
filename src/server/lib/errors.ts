import type { ErrorCode, Problem } from '../../shared/errors.js';

const TITLES: Record<ErrorCode, string> = {
  bad_request: 'Bad request',
  validation_failed: 'The request is not valid',
  unauthenticated: 'Sign-in required',
  forbidden: 'Not allowed',
  four_eyes: 'Another person must approve',
  csrf_failed: 'Missing or invalid CSRF token',
  not_found: 'Not found',
  conflict: 'Conflict',
  version_conflict: 'The record was changed by someone else',
  rate_limited: 'Too many requests',
  payload_too_large: 'Payload too large',
  unsupported_media_type: 'Unsupported media type',
  internal: 'Internal server error',
  database_timeout: 'The database took too long',
};

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  four_eyes: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  version_conflict: 409,
  rate_limited: 429,
  payload_too_large: 413,
  unsupported_media_type: 415,
  internal: 500,
  database_timeout: 503,
};

/** The one error type of the server. Services throw it; the error handler turns it into problem+json. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    detail?: string,
    readonly fieldErrors?: { path: string; message: string }[],
  ) {
    super(detail ?? TITLES[code]);
    this.status = STATUS[code];
  }

  toProblem(instance?: string): Problem {
    return {
      type: `https://partnerhub.dev/problems/${this.code.replace(/_/g, '-')}`,
      title: TITLES[this.code],
      status: this.status,
      detail: this.message,
      code: this.code,
      ...(this.fieldErrors?.length ? { errors: this.fieldErrors } : {}),
      ...(instance ? { instance } : {}),
    };
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} was not found`);
export const fieldError = (path: string, message: string, code: ErrorCode = 'validation_failed') => new AppError(code, `${path}: ${message}`, [{ path, message }]);
