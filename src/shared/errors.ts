/** The error body every API error uses (RFC 9457 problem details plus a stable code). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  /** Field-level messages; `path` is the dotted location, e.g. `body.email`. */
  errors?: { path: string; message: string }[];
  instance?: string;
}

export const ERROR_CODES = [
  'bad_request',
  'validation_failed',
  'unauthenticated',
  'forbidden',
  /** An approval by someone who prepared the record: another person must approve it (403). */
  'four_eyes',
  'csrf_failed',
  'not_found',
  'conflict',
  'version_conflict',
  'rate_limited',
  'payload_too_large',
  'unsupported_media_type',
  'internal',
  'database_timeout',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
