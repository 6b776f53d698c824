import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FINDING_SEVERITIES, RISK_RATINGS, RISK_REASONS, type RiskRating, type FindingSeverity } from '../../../shared/compliance.js';
import { i18n } from '../../i18n.js';

/** A record whose values are looked up when read, so that `LABELS[value]` follows the language. */
function wordsOf<K extends string>(keys: readonly K[], word: (k: K) => string): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const k of keys) Object.defineProperty(out, k, { get: () => word(k), enumerable: true });
  return out;
}

/** Dark shades under white text, light orange under dark text: each at least 4.5:1 (WCAG AA). */
export const RATING_COLORS: Record<RiskRating, string> = { low: 'teal.9', medium: 'orange.4', high: 'red.9' };
const RATING_TEXT: Record<RiskRating, string> = { low: 'white', medium: 'dark.9', high: 'white' };
export const RATING_LABELS = wordsOf(RISK_RATINGS, (r) => i18n.t(`risk:rating.${r}`));
export const REASON_LABELS = wordsOf(RISK_REASONS, (r) => i18n.t(`risk:reason.${r}`));
export const SEVERITY_LABELS = wordsOf(FINDING_SEVERITIES, (s) => i18n.t(`risk:severity.${s}`));
export const SEVERITY_COLORS: Record<FindingSeverity, string> = { low: 'gray', medium: 'orange', high: 'red' };

/** The rating in words and colour (never colour alone); "Not assessed" without one. */
export function RatingBadge({ rating, ...props }: { rating: RiskRating | null } & Omit<BadgeProps, 'color' | 'children'>) {
  const { t } = useTranslation('risk');
  if (!rating) {
    return (
      <Badge color="gray" variant="outline" {...props}>
        {t('notAssessed')}
      </Badge>
    );
  }
  return (
    <Badge color={RATING_COLORS[rating]} c={RATING_TEXT[rating]} variant="filled" {...props}>
      {t(`rating.${rating}`)}
    </Badge>
  );
}
