import { DEAL_CURRENCIES, DEAL_PARTNER_ROLES, DEFAULT_STAGES, type DealPartnerRole, type StageKind } from '../../../shared/deals.js';
import { i18n } from '../../i18n.js';
import { todayInZurich } from '../../lib/format.js';

const DEFAULT_KEYS = new Set<string>(DEFAULT_STAGES.map((s) => s.key));

/** A stage's name: the administrator's, or the catalogue's word for a default stage (qualify … lost). */
export function stageName(stage: { key: string; name: string | null }): string {
  if (stage.name) return stage.name;
  return DEFAULT_KEYS.has(stage.key) ? i18n.t(`deals:stage.${stage.key as (typeof DEFAULT_STAGES)[number]['key']}`) : stage.key;
}

/** A stage named by its key alone (the history's entries): through the list of stages when it knows the key. */
export const stageNameOf = (key: string | null, stages: readonly { key: string; name: string | null }[] | undefined): string =>
  key === null ? '—' : stageName(stages?.find((s) => s.key === key) ?? { key, name: null });

export const roleLabel = (role: DealPartnerRole) => i18n.t(`deals:role.${role}`);
export const kindLabel = (kind: StageKind) => i18n.t(`deals:kind.${kind}`);

// Words are read when shown (the language can change): each option's label is a getter.
export const roleOptions = () => DEAL_PARTNER_ROLES.map((value) => ({ value, label: roleLabel(value) }));
export const CURRENCY_OPTIONS = DEAL_CURRENCIES.map((c) => ({ value: c, label: c }));

export const dealPath = (id: string) => `/deals/${encodeURIComponent(id)}`;

/** 'YYYY-Qn' of a day. */
export const quarterOf = (day: string) => `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
export const currentQuarter = () => quarterOf(todayInZurich());

/** The quarter `steps` after (or before) `quarter`. */
export function shiftQuarter(quarter: string, steps: number): string {
  const index = Number(quarter.slice(0, 4)) * 4 + Number(quarter.slice(6)) - 1 + steps;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** "Q1 2027" in the reader's words. */
export const quarterLabel = (quarter: string) => i18n.t('deals:quarter.label', { year: quarter.slice(0, 4), n: quarter.slice(6) });

/** The quarters a picker offers: two years back to a year ahead of today's, and `keep` if it lies outside. */
export function quarterOptions(keep?: string | null) {
  const now = currentQuarter();
  const list = Array.from({ length: 16 }, (_, i) => shiftQuarter(now, 4 - i));
  if (keep && !list.includes(keep)) list.push(keep);
  return list.sort((a, b) => b.localeCompare(a)).map((value) => ({ value, label: quarterLabel(value) }));
}
