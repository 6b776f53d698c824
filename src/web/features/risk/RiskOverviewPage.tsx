import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Anchor, Badge, Group, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ExportMenu } from '../../components/ExportMenu.js';
import { PageHeader } from '../../components/PageHeader.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.js';
import { formatDateTime } from '../../lib/format.js';
import { formatDay } from '../onboarding/format.js';
import { RatingBadge } from './labels.js';
import { riskOverviewQuery } from './queries.js';

const RATINGS = ['all', 'high', 'medium', 'low', 'none'] as const;

/** Every partner with a rating or a review date: overdue reviews first, then the next due. */
export function RiskOverviewPage() {
  const { t } = useTranslation('risk');
  const [rating, setRating] = useState('all');
  const [overdueOnly, setOverdueOnly] = useState('all');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const filters = { rating: rating === 'all' ? undefined : rating, overdue: overdueOnly === 'overdue' ? 'true' : undefined, q: q || undefined };
  const list = useQuery(riskOverviewQuery(filters));
  const items = list.data?.items ?? [];

  return (
    <>
      <PageHeader title={t('overview.title')} description={t('overview.description')} />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput label={t('overview.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={240} />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="risk-rating-filter">
              {t('overview.rating')}
            </Text>
            <SegmentedControl
              aria-labelledby="risk-rating-filter"
              data={RATINGS.map((value) => ({ value, label: t(`overview.filter.${value}`) }))}
              value={rating}
              onChange={setRating}
            />
          </Stack>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="risk-due-filter">
              {t('overview.review')}
            </Text>
            <SegmentedControl
              aria-labelledby="risk-due-filter"
              data={[
                { value: 'all', label: t('overview.filter.any') },
                { value: 'overdue', label: t('overview.filter.overdue') },
              ]}
              value={overdueOnly}
              onChange={setOverdueOnly}
            />
          </Stack>
          <ExportMenu path="/api/risk/overview/export" params={filters} />
        </Group>
        {list.isPending ? (
          <LoadingState label={t('overview.loading')} />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState
            icon={<IconShieldCheck size={32} aria-hidden />}
            title={rating === 'all' && overdueOnly === 'all' && !q ? t('overview.emptyNone') : t('overview.emptyNoMatch')}
            description={t('overview.emptyText')}
          />
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('overview.column.partner')}</Table.Th>
                  <Table.Th>{t('overview.column.rating')}</Table.Th>
                  <Table.Th ta="right">{t('overview.column.score')}</Table.Th>
                  <Table.Th>{t('overview.column.nextReview')}</Table.Th>
                  <Table.Th>{t('overview.column.approved')}</Table.Th>
                  <Table.Th>{t('overview.column.owner')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((i) => (
                  <Table.Tr key={i.partner.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/partners/${encodeURIComponent(i.partner.id)}/risk`} fw={500} size="sm">
                        {i.partner.name}
                      </Anchor>
                      {i.hasDraft && (
                        <Badge ml="xs" size="xs" variant="outline" color="gray">
                          {t('overview.draft')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <RatingBadge rating={i.rating} size="sm" />
                    </Table.Td>
                    <Table.Td ta="right">{i.scorePercent === null ? '—' : t('overview.score', { percent: i.scorePercent })}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm" c={i.overdue ? 'red.8' : undefined} fw={i.overdue ? 600 : undefined} span>
                        {i.reviewDueOn ? formatDay(i.reviewDueOn) : '—'}
                      </Text>
                      {i.overdue && (
                        <Badge ml="xs" size="xs" color="red" variant="light">
                          {t('overview.overdue')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{i.approvedAt ? formatDateTime(i.approvedAt) : '—'}</Table.Td>
                    <Table.Td>{i.owner?.name ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {list.data?.truncated && (
          <Text size="sm" c="dimmed">
            {t('overview.truncated', { count: items.length })}
          </Text>
        )}
      </Stack>
    </>
  );
}
