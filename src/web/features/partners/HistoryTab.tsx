import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Card, Stack, Text, ThemeIcon, Timeline, Title } from '@mantine/core';
import { IconFlag } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LINK_KEYS, type Direction, type Importance, type PartnerLinkKind, type PartnerStatus, type PartnerType } from '../../../shared/partners.js';
import { AuditHistory } from '../audit/AuditHistory.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.js';
import { formatDate, formatDateTime } from '../../lib/format.js';
import { i18n } from '../../i18n.js';
import { productsQuery } from '../products/queries.js';
import { StatusBadge } from './badges.js';
import { countryLabel, directionLabel, importanceLabel, linkLabel, relationLabel, STATUS_COLORS, statusLabel, typeLabel } from './labels.js';
import { partnerFieldLabels } from './partnerForm.js';
import { colleagueOptionsQuery, statusHistoryQuery } from './queries.js';
import type { PartnerTabProps } from './tabs.js';
import classes from './PartnerPage.module.css';

/** How the record's fields read: the form's labels, with the history's own words where a change reads better. */
const fieldLabels = (): Record<string, string> => ({ ...partnerFieldLabels(), ...i18n.t('partners:history.field', { returnObjects: true }) });
const HIDDEN = ['id', 'mergedIntoId'];

function StatusTimeline({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation('partners');
  const history = useQuery(statusHistoryQuery(partnerId));
  if (history.isPending) return <LoadingState label={t('history.loadingStatus')} />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  if (!history.data.length) return <EmptyState title={t('history.noStatusChanges')} headingLevel={3} />;
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
              {c.fromStatus ? `${statusLabel(c.fromStatus)} → ${statusLabel(c.toStatus)}` : t('history.addedAs', { status: t(`statusInSentence.${c.toStatus}`) })}
            </Text>
          }
        >
          <Text size="xs" c="dimmed">
            <time dateTime={c.changedAt} title={formatDateTime(c.changedAt)}>
              {formatDate(c.changedAt)}
            </time>
            {c.changedBy ? t('history.by', { name: c.changedBy.name }) : ''}
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
  const { t } = useTranslation('partners');
  const products = useQuery(productsQuery());
  const colleagues = useQuery(colleagueOptionsQuery(''));
  const productName = (id: string) => products.data?.find((p) => p.id === id)?.name ?? t('history.goneProduct');
  const colleagueName = (id: string) => colleagues.data?.find((c) => c.id === id)?.name ?? (partner.owner?.id === id ? partner.owner.name : t('history.aColleague'));

  const formatValue = (field: string, value: unknown): ReactNode | undefined => {
    if (field === 'archivedAt') return typeof value === 'string' ? t('history.archivedOn', { date: formatDateTime(value) }) : t('history.current');
    if (value === null || value === undefined || value === '') return undefined;
    switch (field) {
      case 'status':
        return <StatusBadge status={value as PartnerStatus} size="sm" />;
      case 'importance':
        return importanceLabel(value as Importance);
      case 'types':
        return (value as PartnerType[]).map(typeLabel).join(', ');
      case 'directions':
        return (value as Direction[]).map(directionLabel).join(', ') || undefined;
      case 'country':
        return countryLabel(String(value));
      case 'ownerId':
        return colleagueName(String(value));
      case 'productIds':
        return (value as string[]).map(productName).join(', ') || undefined;
      case 'links': {
        const links = value as Record<string, string>;
        const keys = LINK_KEYS.filter((k) => links[k]);
        return keys.length ? keys.map((k) => `${linkLabel(k)}: ${links[k]}`).join(' · ') : undefined;
      }
      case 'link': {
        const l = value as { kind: PartnerLinkKind; toPartnerName?: string };
        return `${relationLabel(l.kind, 'outgoing')} ${l.toPartnerName ?? t('history.anotherPartner')}`;
      }
      default:
        return undefined;
    }
  };

  return (
    <Stack gap="lg">
      <Card withBorder radius="md" padding="md" component="section" aria-labelledby="history-status">
        <Title order={2} size="h5" id="history-status" mb="md">
          {t('history.statusHistory')}
        </Title>
        <StatusTimeline partnerId={partner.id} />
      </Card>
      <Card withBorder radius="md" padding="md" component="section" aria-labelledby="history-changes">
        <Title order={2} size="h5" id="history-changes" mb={4}>
          {t('history.allChanges')}
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          {t('history.allChangesHint')}
        </Text>
        <AuditHistory entityType="partner" entityId={partner.id} fieldLabels={fieldLabels()} formatValue={formatValue} hiddenFields={HIDDEN} />
      </Card>
    </Stack>
  );
}
