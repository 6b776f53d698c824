/** What a translation function must do for field messages: look a flat key up in the validation namespace. */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

/** A zod issue, as zod reports it or as fastify-type-provider-zod passes it on (code and message beside the rest). */
export interface IssueLike {
  code?: string;
  message?: string;
  origin?: string;
  expected?: string;
  format?: string;
  minimum?: number | bigint | string | Date;
  maximum?: number | bigint | string | Date;
  inclusive?: boolean;
  values?: readonly unknown[];
  keys?: readonly string[];
  divisor?: number;
}

const SIZED = new Set(['string', 'number', 'array', 'date']);
const TYPES = new Set(['string', 'number', 'int', 'boolean', 'array', 'object', 'date']);
const FORMATS = new Set(['email', 'url', 'uuid', 'datetime', 'date']);

/** zod's own English messages ("Too small: expected string to have >=2 characters", "Invalid input"). */
const ZOD_DEFAULT = /^(Invalid |Invalid$|Too (small|big): |Unrecognized keys?: )/;

/**
 * A field message in the reader's language. A schema's own message (a predicate such as "is
 * required") is looked up by its text; zod's own
 * messages (English and technical) are phrased from the issue's code instead.
 */
export function issueMessage(issue: IssueLike, t: Translate): string {
  const own = issue.message;
  if (own && !ZOD_DEFAULT.test(own)) {
    const found = t(own, { defaultValue: '' });
    if (found) return found;
    // A message built from numbers or lists (`must be at most ${MAX} characters`) says what its
    // code says: worded from the code. Only a refinement's own words have nothing to fall back on.
    if (issue.code === 'custom' || !issue.code) return own;
  }
  const count = (v: IssueLike['minimum']) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
  const origin = issue.origin === 'set' ? 'array' : (issue.origin ?? '');
  switch (issue.code) {
    case 'invalid_type':
      if (own && / received undefined$/.test(own)) return t('required');
      return TYPES.has(issue.expected ?? '') ? t(`invalid_type.${issue.expected}`) : t('invalid_type.other', { expected: issue.expected });
    case 'too_small':
      if (origin === 'string' && Number(issue.minimum) === 1) return t('required');
      if (!SIZED.has(origin)) return t('invalid');
      return t(`too_small.${origin}${origin === 'number' && issue.inclusive === false ? '.exclusive' : ''}`, { n: count(issue.minimum) });
    case 'too_big':
      if (!SIZED.has(origin)) return t('invalid');
      return t(`too_big.${origin}${origin === 'number' && issue.inclusive === false ? '.exclusive' : ''}`, { n: count(issue.maximum) });
    case 'invalid_format':
      return t(FORMATS.has(issue.format ?? '') ? `invalid_format.${issue.format}` : 'invalid_format.other');
    case 'invalid_value':
      return t('invalid_value', { values: (issue.values ?? []).map(String).join(', ') });
    case 'unrecognized_keys':
      return t('unrecognized_keys', { keys: (issue.keys ?? []).join(', ') });
    case 'not_multiple_of':
      return t('not_multiple_of', { divisor: issue.divisor });
    default:
      return t('invalid');
  }
}
