import { CERTIFICATION_CATEGORIES, type CertificationCategory } from '../../../shared/compliance.js';
import { HOLDING_STATES, type Certification, type HoldingState } from '../../../shared/schemas/certification.js';
import { i18n } from '../../i18n.js';
import { formatDay } from '../../lib/format.js';
export { formatDay, todayInZurich } from '../../lib/format.js';

// Words are read when shown (the language can change): labels are functions, options' labels getters.
export const categoryLabel = (c: CertificationCategory) => i18n.t(`certifications:category.${c}`);
export const holdingStateLabel = (s: HoldingState) => i18n.t(`certifications:state.${s}`);
const options = <V extends string>(values: readonly V[], label: (v: V) => string) =>
  values.map((value) => ({
    value,
    get label() {
      return label(value);
    },
  }));
export const CATEGORY_OPTIONS = options(CERTIFICATION_CATEGORIES, categoryLabel);
export const HOLDING_STATE_OPTIONS = options(HOLDING_STATES, holdingStateLabel);

/** Colours of the matrix and badges; every use pairs them with words (never colour alone). */
export const STATE_COLORS: Record<HoldingState, string> = { current: 'teal', expiring: 'orange', expired: 'red', planned: 'blue.8' };
export const STATE_VARIANTS: Record<HoldingState, 'light' | 'filled' | 'outline'> = { current: 'light', expiring: 'light', expired: 'light', planned: 'outline' };

/** What a holding's cell or badge says: the state with its date. */
export function stateText(state: HoldingState, h: { effectiveExpiresOn: string | null; targetOn: string | null }): string {
  if (state === 'planned') return i18n.t('certifications:badge.planned', { date: formatDay(h.targetOn) });
  if (state === 'expired') return i18n.t('certifications:badge.expired', { date: formatDay(h.effectiveExpiresOn) });
  if (!h.effectiveExpiresOn) return i18n.t('certifications:badge.noExpiry');
  const date = formatDay(h.effectiveExpiresOn);
  return state === 'expiring' ? i18n.t('certifications:badge.expires', { date }) : i18n.t('certifications:badge.until', { date });
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
