/**
 * Wall-clock time in an IANA zone ↔ UTC instants, with Intl only: the feed of a user with a thousand
 * events converts many times, and a cached formatter per zone is far cheaper than a date library.
 */

export interface LocalParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading of an instant in a zone. */
export function toLocalParts(instant: Date, timeZone: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour! % 24, minute: parts.minute!, second: parts.second! };
}

function offsetMs(instant: number, timeZone: string): number {
  const p = toLocalParts(new Date(instant), timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a wall-clock time happens in a zone. A time that does not exist (the hour skipped in
 * spring) moves forward by the gap, as calendar programs do; an ambiguous autumn time takes the first.
 */
export function zonedToUtc(local: LocalParts, timeZone: string): Date {
  const guess = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  const DAY = 86_400_000;
  const before = offsetMs(guess - DAY, timeZone);
  const after = offsetMs(guess + DAY, timeZone);
  const valid = [guess - before, guess - after].filter((c, i) => offsetMs(c, timeZone) === (i === 0 ? before : after));
  // No valid reading: the spring gap; the offset before the change moves the time forward by the gap.
  return new Date(valid.length ? Math.min(...valid) : guess - before);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** 'YYYY-MM-DDTHH:mm' — the shape of `startLocal` in the API. */
export function formatLocal(p: LocalParts): string {
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** Parses 'YYYY-MM-DDTHH:mm[:ss]' or the database's 'YYYY-MM-DD HH:mm:ss'. */
export function parseLocal(value: string): LocalParts {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?/.exec(value);
  if (!m) throw new Error(`not a local date-time: ${value}`);
  return { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]!, second: m[6] ? +m[6] : 0 };
}

/** 'YYYY-MM-DD' of an instant in a zone. */
export function localDate(instant: Date, timeZone: string): string {
  const p = toLocalParts(instant, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}
