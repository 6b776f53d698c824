import type { ErrorCode, Problem } from '../../shared/errors.js';
import type { ErrorKey } from '../../shared/i18n/resources.js';
import type { IssueLike } from '../../shared/i18n/issues.js';
import type { Locale } from '../../shared/i18n/locales.js';
import { fieldMessageIn, translate } from '../i18n.js';

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

/**
 * A message for a person, by its key in the `errors` catalogue (`partners.archived`) and the
 * values it names: the error handler words it in the language of the request.
 */
export interface Msg {
  key: ErrorKey;
  /** What the message names; a value that is itself a message (a kind of record) is worded too. */
  values?: Record<string, string | number | Msg>;
}
export const msg = (key: ErrorKey, values?: Msg['values']): Msg => ({ key, values });

/** What an error says: a catalogue message, or (not yet moved to the catalogue) plain English. */
export type Text = string | Msg;

export interface FieldText {
  path: string;
  message: Text;
  /** A zod issue, worded from its code and numbers in the reader's language. */
  issue?: IssueLike;
}

function render(locale: Locale, text: Text): string {
  if (typeof text === 'string') return text;
  const values = text.values && Object.fromEntries(Object.entries(text.values).map(([k, v]) => [k, typeof v === 'object' ? render(locale, v) : v]));
  // `{{max, number}}` groups digits as the language does; German is Swiss usage (10’000), not Germany's.
  const formatParams = values && locale === 'de' ? Object.fromEntries(Object.keys(values).map((k) => [k, { lng: 'de-CH' }])) : undefined;
  return translate(locale, `errors:${text.key}`, formatParams ? { ...values, formatParams } : values);
}

/** The one error type of the server. Services throw it; the error handler turns it into problem+json. */
export class AppError extends Error {
  readonly status: number;
  readonly fieldErrors?: FieldText[];
  constructor(
    readonly code: ErrorCode,
    readonly detail?: Text,
    fieldErrors?: FieldText[],
  ) {
    super(detail ? render('en', detail) : fieldErrors?.length ? joinFields('en', fieldErrors) : TITLES[code]);
    this.status = STATUS[code];
    this.fieldErrors = fieldErrors;
  }

  /** The problem+json body, worded in `locale`. */
  toProblem(instance?: string, locale: Locale = 'en'): Problem {
    const errors = this.fieldErrors?.map((f) => ({ path: f.path, message: fieldText(locale, f) }));
    return {
      type: `https://partnerhub.dev/problems/${this.code.replace(/_/g, '-')}`,
      title: translate(locale, `errors:common.title.${this.code}`),
      status: this.status,
      detail: this.detail
        ? render(locale, this.detail)
        : errors?.length
          ? errors.map((e) => `${e.path}: ${e.message}`).join('; ')
          : translate(locale, `errors:common.title.${this.code}`),
      code: this.code,
      ...(errors?.length ? { errors } : {}),
      ...(instance ? { instance } : {}),
    };
  }
}

const fieldText = (locale: Locale, f: FieldText) => (f.issue ? fieldMessageIn(locale, f.issue) : render(locale, f.message));
const joinFields = (locale: Locale, fields: FieldText[]) => fields.map((f) => `${f.path}: ${fieldText(locale, f)}`).join('; ');

/** "<what> was not found"; `what` names the kind of record (a key of the errors catalogue, or English). */
export const notFound = (what: Text) => new AppError('not_found', msg('common.notFound', { what }));
export const fieldError = (path: string, message: Text, code: ErrorCode = 'validation_failed') => new AppError(code, undefined, [{ path, message }]);
