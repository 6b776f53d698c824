import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { i18n } from '../../i18n.js';
import { formatDay, todayInZurich } from '../onboarding/format.js';

// The partner list and header show this badge: its words load with this module, before they render.
void i18n.loadNamespaces('risk');

/** "Risk review overdue" on a partner whose review date has passed (a day in Zurich); nothing otherwise. */
export function RiskReviewBadge({ partner, ...props }: { partner: { id: string; riskReviewDueOn?: string | null } } & Omit<BadgeProps, 'children'>) {
  const { t } = useTranslation('risk');
  const due = partner.riskReviewDueOn;
  if (!due || due >= todayInZurich()) return null;
  return (
    <Badge
      component={Link}
      to={`/partners/${encodeURIComponent(partner.id)}/risk`}
      color="red"
      variant="light"
      style={{ cursor: 'pointer' }}
      title={t('badge.dueTitle', { date: formatDay(due) })}
      {...props}
    >
      {t('badge.overdue')}
    </Badge>
  );
}
