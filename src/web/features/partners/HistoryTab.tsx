import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Card, Stack, Text, ThemeIcon, Timeline, Title } from '@mantine/core';
import { IconFlag } from '@tabler/icons-react';
import {
  DIRECTION_LABELS,
  LINK_KEYS,
  PARTNER_TYPE_LABELS,
  type Direction,
  type Importance,
  type PartnerLinkKind,
  type PartnerStatus,
  type PartnerType,
} from '../../../shared/partners.js';
import { AuditHistory } from '../audit/AuditHistory.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.js';
import { formatDate, formatDateTime } from '../../lib/format.js';
import { productsQuery } from '../products/queries.js';
import { StatusBadge } from './badges.js';
import { countryLabel, IMPORTANCE_LABELS, LINK_LABELS, RELATION_LABELS, STATUS_COLORS, STATUS_LABELS } from './labels.js';
import { FIELD_LABELS as FORM_LABELS } from './partnerForm.js';
import { colleagueOptionsQuery, statusHistoryQuery } from './queries.js';
import type { PartnerTabProps } from './tabs.js';
import classes from './PartnerPage.module.css';

/** How the record's fields read: the form's labels, with the history's own words where a change reads better. */
const FIELD_LABELS: Record<string, string> = {
  ...FORM_LABELS,
  logoUrl: 'Logo',
  directions: 'Direction',
  pricingNotes: 'Pricing, reporting & discounts',
  contactIntervalDays: 'Contact every (days)',
  links: 'Links',
  archivedAt: 'Archive',
  link: 'Link to another partner',
};
const HIDDEN = ['id', 'mergedIntoId'];

function StatusTimeline({ partnerId }: { partnerId: string }) {
  const history = useQuery(statusHistoryQuery(partnerId));
  if (history.isPending) return <LoadingState label="Loading status history…" />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  if (!history.data.length) return <EmptyState title="No status changes yet" headingLevel={3} />;
  return (
    <Timeline bulletSize={24} lineWidth={2} active={-1}>
      {history.data.map((c) => (
        <Timeline.Item
          key={c.id}
          bullet={
            <ThemeIcon size={24} radius="xl" variant="light" color={STATUS_COLORS[c.toStatus]}>
              <IconFlag size={14} aria-hidden />
            </ThemeIcon>
          }
          title={
            <Text fw={600} size="sm">
              {c.fromStatus ? `${STATUS_LABELS[c.fromStatus]} → ${STATUS_LABELS[c.toStatus]}` : `Added as ${STATUS_LABELS[c.toStatus].toLowerCase()}`}
            </Text>
          }
        >
          <Text size="xs" c="dimmed">
            <time dateTime={c.changedAt} title={formatDateTime(c.changedAt)}>
              {formatDate(c.changedAt)}
            </time>
            {c.changedBy ? ` · by ${c.changedBy.name}` : ''}
          </Text>
          {c.note && (
            <Text size="sm" mt={4} className={classes.prose}>
              {c.note}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

/** Status changes with their notes, then every change to the record (the audit trail). */
export function HistoryTab({ partner }: PartnerTabProps) {
  const products = useQuery(productsQuery());
  const colleagues = useQuery(colleagueOptionsQuery(''));
  const productName = (id: string) => products.data?.find((p) => p.id === id)?.name ?? 'a product no longer in the catalogue';
  const colleagueName = (id: string) => colleagues.data?.find((c) => c.id === id)?.name ?? (partner.owner?.id === id ? partner.owner.name : 'a colleague');

  const formatValue = (field: string, value: unknown): ReactNode | undefined => {
    if (field === 'archivedAt') return typeof value === 'string' ? `archived on ${formatDateTime(value)}` : 'current (not archived)';
    if (value === null || value === undefined || value === '') return undefined;
    switch (field) {
      case 'status':
        return <StatusBadge status={value as PartnerStatus} size="sm" />;
      case 'importance':
        return IMPORTANCE_LABELS[value as Importance] ?? String(value);
      case 'types':
        return (value as PartnerType[]).map((t) => PARTNER_TYPE_LABELS[t] ?? t).join(', ');
      case 'directions':
        return (value as Direction[]).map((d) => DIRECTION_LABELS[d] ?? d).join(', ') || undefined;
      case 'country':
        return countryLabel(String(value));
      case 'ownerId':
        return colleagueName(String(value));
      case 'productIds':
        return (value as string[]).map(productName).join(', ') || undefined;
      case 'links': {
        const links = value as Record<string, string>;
        const keys = LINK_KEYS.filter((k) => links[k]);
        return keys.length ? keys.map((k) => `${LINK_LABELS[k]}: ${links[k]}`).join(' · ') : undefined;
      }
      case 'link': {
        const l = value as { kind: PartnerLinkKind; toPartnerName?: string };
        return `${RELATION_LABELS[l.kind]?.outgoing ?? l.kind} ${l.toPartnerName ?? 'another partner'}`;
      }
      default:
        return undefined;
    }
  };

  return (
    <Stack gap="lg">
      <Card withBorder radius="md" padding="md" component="section" aria-labelledby="history-status">
        <Title order={2} size="h5" id="history-status" mb="md">
          Status history
        </Title>
        <StatusTimeline partnerId={partner.id} />
      </Card>
      <Card withBorder radius="md" padding="md" component="section" aria-labelledby="history-changes">
        <Title order={2} size="h5" id="history-changes" mb={4}>
          All changes
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          Who changed what on this partner, newest first.
        </Text>
        <AuditHistory entityType="partner" entityId={partner.id} fieldLabels={FIELD_LABELS} formatValue={formatValue} hiddenFields={HIDDEN} />
      </Card>
    </Stack>
  );
}
