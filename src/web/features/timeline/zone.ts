// Date-times are entered as wall-clock time in a time zone and sent as UTC instants (ISO 8601).

/** The zone new entries are written in: this device's, or the company's (Europe/Zurich) if unknown. */
export const DEFAULT_TIME_ZONE = 'Europe/Zurich';
export function deviceTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || DEFAULT_TIME_ZONE;
  } catch {
    return DEFAULT_TIME_ZONE;
  }
}

export function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [DEFAULT_TIME_ZONE];
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

function wallParts(date: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** Minutes the zone is ahead of UTC at that instant (+60 for Zurich in winter). */
function offsetMinutes(date: Date, timeZone: string): number {
  const w = wallParts(date, timeZone);
  return Math.round((Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

/** "2026-03-01 14:00:00" in the zone → "2026-03-01T13:00:00.000Z". */
export function wallToIso(wall: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?/.exec(wall);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const asUtc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  // The offset at the guessed instant, then again at the corrected one (a daylight-saving change lies between).
  let ts = asUtc - offsetMinutes(new Date(asUtc), timeZone) * 60_000;
  ts = asUtc - offsetMinutes(new Date(ts), timeZone) * 60_000;
  return new Date(ts).toISOString();
}

/** An instant as "YYYY-MM-DD HH:mm:ss" wall-clock time in the zone (what Mantine's pickers take). */
export function isoToWall(iso: string | Date, timeZone: string): string {
  const w = wallParts(typeof iso === 'string' ? new Date(iso) : iso, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}

/** Now, to the minute, as wall-clock time in the zone. */
export const nowWall = (timeZone: string) => isoToWall(new Date(Math.floor(Date.now() / 60_000) * 60_000), timeZone);

/** The first and the last instant of a day ("YYYY-MM-DD") in the zone. */
export const dayStart = (day: string, timeZone: string) => wallToIso(`${day} 00:00:00`, timeZone);
export function dayEnd(day: string, timeZone: string): string | null {
  const start = wallToIso(`${day} 23:59:59`, timeZone);
  return start ? new Date(new Date(start).getTime() + 999).toISOString() : null;
}
