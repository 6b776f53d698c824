import type { Agreement } from '../../../shared/schemas/kickback.js';
import { formatLocale, i18n } from '../../i18n.js';
import { formatDay, formatMinor } from '../../lib/format.js';

/** Basis points as the reader's percentage: 250 → "2.5%" / "2,5 %". */
export const formatRate = (bp: number | null) => (bp === null ? '—' : new Intl.NumberFormat(formatLocale(), { style: 'percent', maximumFractionDigits: 2 }).format(bp / 10_000));

/** What an agreement pays, in one line: "2.5% of the first year's value", "Tiers: from CHF 0.00: 5%, …". */
export function describeTerms(a: Agreement): string {
  switch (a.kind) {
    case 'first_year_pct':
      return i18n.t('kickbacks:agreement.terms.first_year_pct', { rate: formatRate(a.rateBp) });
    case 'mrr_pct_months':
      return i18n.t('kickbacks:agreement.terms.mrr_pct_months', { rate: formatRate(a.rateBp), months: a.months });
    case 'flat_per_deal':
      return i18n.t('kickbacks:agreement.terms.flat_per_deal', { amount: formatMinor(a.flatMinor, a.currency) });
    case 'tiered': {
      const tiers = a.tiers.map((x) => i18n.t('kickbacks:agreement.terms.tier', { threshold: formatMinor(x.thresholdMinor, a.currency), rate: formatRate(x.rateBp) }));
      return i18n.t('kickbacks:agreement.terms.tiered', { tiers: tiers.join(' · ') });
    }
  }
}

export const describeValidity = (a: Pick<Agreement, 'validFrom' | 'validTo'>) =>
  a.validTo
    ? i18n.t('kickbacks:agreement.validity', { from: formatDay(a.validFrom), to: formatDay(a.validTo) })
    : i18n.t('kickbacks:agreement.openEnded', { from: formatDay(a.validFrom) });

export const STATUS_COLORS = { due: 'orange', approved: 'blue', paid: 'teal' } as const;

/** The quarters a statement is usually drawn up for: this one and the ones before, newest first ('2026-Q4', '2026-Q3', …). */
export function recentQuarters(today: string, count = 8): string[] {
  let y = Number(today.slice(0, 4));
  let q = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(`${y}-Q${q}`);
    q -= 1;
    if (q === 0) {
      q = 4;
      y -= 1;
    }
  }
  return out;
}
