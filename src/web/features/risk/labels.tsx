import { Badge, type BadgeProps } from '@mantine/core';
import type { RiskRating, RiskReason, FindingSeverity } from '../../../shared/compliance.js';

/** Dark shades under white text, light orange under dark text: each at least 4.5:1 (WCAG AA). */
export const RATING_COLORS: Record<RiskRating, string> = { low: 'teal.9', medium: 'orange.4', high: 'red.9' };
const RATING_TEXT: Record<RiskRating, string> = { low: 'white', medium: 'dark.9', high: 'white' };
export const RATING_LABELS: Record<RiskRating, string> = { low: 'Low risk', medium: 'Medium risk', high: 'High risk' };
export const REASON_LABELS: Record<RiskReason, string> = { initial: 'Initial assessment', scheduled: 'Scheduled review', service_change: 'Change of service' };
export const SEVERITY_LABELS: Record<FindingSeverity, string> = { low: 'Low', medium: 'Medium', high: 'High' };
export const SEVERITY_COLORS: Record<FindingSeverity, string> = { low: 'gray', medium: 'orange', high: 'red' };

/** The rating in words and colour (never colour alone); "Not assessed" without one. */
export function RatingBadge({ rating, ...props }: { rating: RiskRating | null } & Omit<BadgeProps, 'color' | 'children'>) {
  if (!rating) {
    return (
      <Badge color="gray" variant="outline" {...props}>
        Not assessed
      </Badge>
    );
  }
  return (
    <Badge color={RATING_COLORS[rating]} c={RATING_TEXT[rating]} variant="filled" {...props}>
      {RATING_LABELS[rating]}
    </Badge>
  );
}
