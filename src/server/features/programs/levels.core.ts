/**
 * Level evaluation without a database: does a set of certification holdings meet a level's
 * requirements on a day, what is missing (in words), and on which day expiries first break it.
 * See docs/decisions/0013-certifications-and-levels.md.
 */
import { addDays } from '../../../shared/days.js';
import type { RequirementCounts } from '../../../shared/compliance.js';
import { describeFilter } from '../../../shared/schemas/programs.js';

export interface CoreCertification {
  id: string;
  name: string;
  category: string;
  /** Another programme's certification that a requirement names: it matches by its id only, never by category or an empty filter. */
  foreign?: boolean;
}

/** One colleague's obtained certification; `expiresOn` is the effective expiry (after renewals), null never lapses. */
export interface CoreHolding {
  id: string;
  userId: string;
  userName: string;
  certificationId: string;
  obtainedOn: string;
  expiresOn: string | null;
}

export interface CoreRequirement {
  id: string;
  label: string | null;
  counts: RequirementCounts;
  minCount: number;
  categories: readonly string[];
  certificationIds: readonly string[];
  /** "Of which" conditions, counted within this requirement's matches. */
  children: CoreRequirement[];
}

export interface CoreChecklistItem {
  id: string;
  title: string;
  done: boolean;
}

export interface CoreLevel {
  id: string;
  name: string;
  rank: number;
  requirements: CoreRequirement[];
  checklist: CoreChecklistItem[];
}

export interface RequirementResult {
  id: string;
  count: number;
  minCount: number;
  met: boolean;
  /** The gap in words when not met, else null. */
  gap: string | null;
  children: RequirementResult[];
}

export interface LevelResult {
  levelId: string;
  met: boolean;
  requirements: RequirementResult[];
  /** Every gap line: requirements (parents before their "of which" children), then unticked checklist items. */
  gaps: string[];
}

export interface ForecastCause {
  holdingId: string;
  userId: string;
  userName: string;
  certificationId: string;
  certificationName: string;
  expiresOn: string;
}

export interface Forecast {
  /** The first day the level is no longer met. */
  date: string;
  /** Ids of the requirements that fail on that day. */
  requirementIds: string[];
  causes: ForecastCause[];
}

const matches = (r: Pick<CoreRequirement, 'categories' | 'certificationIds'>, cert: CoreCertification | undefined) =>
  !!cert && (r.certificationIds.includes(cert.id) || (!cert.foreign && ((!r.categories.length && !r.certificationIds.length) || r.categories.includes(cert.category))));

/** People count distinct colleagues; certifications count distinct (colleague, certification) pairs. */
function countOf(counts: RequirementCounts, held: readonly CoreHolding[]): number {
  const seen = new Set<string>();
  for (const h of held) seen.add(counts === 'people' ? h.userId : `${h.userId}\u0000${h.certificationId}`);
  return seen.size;
}

/** "Need 2 more people holding …", "Need 1 more person holding …", "Need 3 more certifications: …", or with the requirement's label. */
export function gapText(r: CoreRequirement, missing: number, certs: ReadonlyMap<string, CoreCertification>): string {
  if (r.label) return `Need ${missing} more ${r.label}`;
  if (r.counts === 'people') return `Need ${missing} more ${missing === 1 ? 'person' : 'people'} holding ${describeFilter(r, certs, 'people')}`;
  return `Need ${missing} more ${missing === 1 ? 'certification' : 'certifications'}: ${describeFilter(r, certs, 'certifications')}`;
}

// The certifications a requirement accepts, worked out once per requirement: the forecast evaluates the same ladder many times.
const accepted = new WeakMap<CoreRequirement, Set<string>>();
function acceptedBy(r: CoreRequirement, certs: ReadonlyMap<string, CoreCertification>): Set<string> {
  let set = accepted.get(r);
  if (!set) accepted.set(r, (set = new Set([...certs.values()].filter((c) => matches(r, c)).map((c) => c.id))));
  return set;
}

function evaluateRequirement(r: CoreRequirement, pool: readonly CoreHolding[], certs: ReadonlyMap<string, CoreCertification>): RequirementResult {
  const ok = acceptedBy(r, certs);
  const own = pool.filter((h) => ok.has(h.certificationId));
  const count = countOf(r.counts, own);
  const met = count >= r.minCount;
  return {
    id: r.id,
    count,
    minCount: r.minCount,
    met,
    gap: met ? null : gapText(r, r.minCount - count, certs),
    children: r.children.map((c) => evaluateRequirement(c, own, certs)),
  };
}

const allMet = (rs: readonly RequirementResult[]): boolean => rs.every((r) => r.met && allMet(r.children));
const gapsOf = (rs: readonly RequirementResult[]): string[] => rs.flatMap((r) => [...(r.gap ? [r.gap] : []), ...gapsOf(r.children)]);

/** Holdings that count on `day`: obtained by then and valid through their (effective) expiry day. */
export const heldOnDay = (holdings: readonly CoreHolding[], day: string) => holdings.filter((h) => h.obtainedOn <= day && (h.expiresOn === null || day <= h.expiresOn));

/** The level on `day` given the holdings of that day (see heldOnDay). */
export function evaluateLevel(level: CoreLevel, held: readonly CoreHolding[], certs: ReadonlyMap<string, CoreCertification>): LevelResult {
  const requirements = level.requirements.map((r) => evaluateRequirement(r, held, certs));
  const checklistGaps = level.checklist.filter((c) => !c.done).map((c) => `Checklist: ${c.title} not done`);
  return { levelId: level.id, met: allMet(requirements) && !checklistGaps.length, requirements, gaps: [...gapsOf(requirements), ...checklistGaps] };
}

// One collator for every sort: localeCompare builds its comparison anew on each call.
const collator = new Intl.Collator('en');

const failing = (rs: readonly RequirementResult[]): RequirementResult[] => rs.flatMap((r) => [...(r.met ? [] : [r]), ...failing(r.children)]);

/**
 * The first day on which the level's requirements are no longer met if nothing new is earned, or null
 * when no expiry ever breaks them (or they are not met today: the level is already lost, not at risk).
 * Only the holdings that count today are kept; every later day holds a subset of them, so counts only
 * fall over time and the first failing day is found by binary search over the days after each expiry.
 * The checklist does not change with time and is left out.
 */
export function forecastLevel(level: CoreLevel, heldToday: readonly CoreHolding[], certs: ReadonlyMap<string, CoreCertification>, today: string): Forecast | null {
  // After the day `lapsed`, a holding held today still counts when it expires later (or never): every
  // holding of today was obtained by then. Searching over expiry days, not the days after them, keeps
  // date arithmetic out of the loop; the answer is the day after the expiry found.
  const stillHeldAfter = (lapsed: string) => heldToday.filter((h) => h.expiresOn === null || h.expiresOn > lapsed);
  const requirementsMet = (held: readonly CoreHolding[]) => allMet(level.requirements.map((r) => evaluateRequirement(r, held, certs)));
  const expiries = [...new Set(heldToday.map((h) => h.expiresOn).filter((e): e is string => e !== null && e >= today))].sort();
  if (!expiries.length || !requirementsMet(heldToday) || requirementsMet(stillHeldAfter(expiries.at(-1)!))) return null;
  let lo = 0;
  let hi = expiries.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (requirementsMet(stillHeldAfter(expiries[mid]!))) lo = mid + 1;
    else hi = mid;
  }
  const date = addDays(expiries[lo]!, 1);
  const results = level.requirements.map((r) => evaluateRequirement(r, heldOnDay(heldToday, date), certs));
  const failed = failing(results);
  const failedIds = new Set(failed.map((r) => r.id));
  // A lapsed holding caused it when it matched a failing requirement (a child within its parent's filter).
  const matchedFailing = (h: CoreHolding) => {
    const cert = certs.get(h.certificationId);
    const walk = (rs: readonly CoreRequirement[]): boolean => rs.some((r) => matches(r, cert) && (failedIds.has(r.id) || walk(r.children)));
    return walk(level.requirements);
  };
  const causes = heldToday
    .filter((h) => h.expiresOn !== null && h.expiresOn < date && matchedFailing(h))
    .sort(
      (a, b) =>
        (a.expiresOn! < b.expiresOn! ? -1 : a.expiresOn! > b.expiresOn! ? 1 : 0) ||
        collator.compare(a.userName, b.userName) ||
        collator.compare(certs.get(a.certificationId)?.name ?? '', certs.get(b.certificationId)?.name ?? ''),
    )
    .map((h) => ({
      holdingId: h.id,
      userId: h.userId,
      userName: h.userName,
      certificationId: h.certificationId,
      certificationName: certs.get(h.certificationId)?.name ?? '',
      expiresOn: h.expiresOn!,
    }));
  return { date, requirementIds: failed.map((r) => r.id), causes };
}
