import { Badge, type BadgeProps } from '@mantine/core';
import { Link } from 'react-router';
import { formatDay, todayInZurich } from '../onboarding/format.js';

/** "Risk review overdue" on a partner whose review date has passed (a day in Zurich); nothing otherwise. */
export function RiskReviewBadge({ partner, ...props }: { partner: { id: string; riskReviewDueOn?: string | null } } & Omit<BadgeProps, 'children'>) {
  const due = partner.riskReviewDueOn;
  if (!due || due >= todayInZurich()) return null;
  return (
    <Badge
      component={Link}
      to={`/partners/${encodeURIComponent(partner.id)}/risk`}
      color="red"
      variant="light"
      style={{ cursor: 'pointer' }}
      title={`Risk review was due ${formatDay(due)}`}
      {...props}
    >
      Risk review overdue
    </Badge>
  );
}
