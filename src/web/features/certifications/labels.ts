import type { Certification, HoldingState } from '../../../shared/schemas/certification.js';

/** Colours of the matrix and badges; every use pairs them with words (never colour alone). */
export const STATE_COLORS: Record<HoldingState, string> = { current: 'teal', expiring: 'orange', expired: 'red', planned: 'blue.8' };
export const STATE_VARIANTS: Record<HoldingState, 'light' | 'filled' | 'outline'> = { current: 'light', expiring: 'light', expired: 'light', planned: 'outline' };

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
/** A calendar day (yyyy-mm-dd) as "1 Apr 2026", the same in every time zone. */
export const formatDay = (day: string | null | undefined) => (day ? dayFormat.format(new Date(`${day}T00:00:00Z`)) : '—');

/** What a holding's cell or badge says: the state with its date. */
export function stateText(state: HoldingState, h: { effectiveExpiresOn: string | null; targetOn: string | null }): string {
  if (state === 'planned') return `Planned ${formatDay(h.targetOn)}`;
  if (state === 'expired') return `Expired ${formatDay(h.effectiveExpiresOn)}`;
  if (!h.effectiveExpiresOn) return 'No expiry';
  return state === 'expiring' ? `Expires ${formatDay(h.effectiveExpiresOn)}` : `Until ${formatDay(h.effectiveExpiresOn)}`;
}

/** "<name> (<exam code>)", or the name alone when it has no code or already ends with it ("… (CKA)"). */
export const certificationLabel = (c: { name: string; examCode: string | null }) => (c.examCode && !c.name.endsWith(`(${c.examCode})`) ? `${c.name} (${c.examCode})` : c.name);

/** Select options grouped by programme, labelled "<name> (<exam code>)". */
export function certificationOptions(catalogue: Certification[]) {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const c of catalogue) groups.set(c.program.name, [...(groups.get(c.program.name) ?? []), { value: c.id, label: certificationLabel(c) }]);
  return [...groups].map(([group, items]) => ({ group, items }));
}

/** Today in the company's zone, as the server counts days. */
export const todayInZurich = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Zurich', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
