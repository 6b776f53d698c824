import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Anchor, Badge, Group, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconShieldCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.js';
import { formatDateTime } from '../../lib/format.js';
import { formatDay } from '../onboarding/format.js';
import { RatingBadge } from './labels.js';
import { riskOverviewQuery } from './queries.js';

const RATINGS = [
  { value: 'all', label: 'All' },
  { value: 'high', label: 'High' },
  { value: 'medium', label: 'Medium' },
  { value: 'low', label: 'Low' },
  { value: 'none', label: 'Not rated' },
];

/** Every partner with a rating or a review date: overdue reviews first, then the next due. */
export function RiskOverviewPage() {
  const [rating, setRating] = useState('all');
  const [overdueOnly, setOverdueOnly] = useState('all');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const list = useQuery(riskOverviewQuery({ rating: rating === 'all' ? undefined : rating, overdue: overdueOnly === 'overdue' ? 'true' : undefined, q: q || undefined }));
  const items = list.data?.items ?? [];

  return (
    <>
      <PageHeader title="Supplier risk" description="Partners’ risk ratings under the supplier security policy and when each is reviewed next. Overdue reviews come first." />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput label="Search partners" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={240} />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="risk-rating-filter">
              Rating
            </Text>
            <SegmentedControl aria-labelledby="risk-rating-filter" data={RATINGS} value={rating} onChange={setRating} />
          </Stack>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="risk-due-filter">
              Review
            </Text>
            <SegmentedControl
              aria-labelledby="risk-due-filter"
              data={[
                { value: 'all', label: 'Any' },
                { value: 'overdue', label: 'Overdue' },
              ]}
              value={overdueOnly}
              onChange={setOverdueOnly}
            />
          </Stack>
        </Group>
        {list.isPending ? (
          <LoadingState label="Loading risk ratings…" />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState
            icon={<IconShieldCheck size={32} aria-hidden />}
            title={rating === 'all' && overdueOnly === 'all' && !q ? 'No partner assessed yet' : 'No partner matches'}
            description="Partners appear here once an assessment is started on their Risk tab or a change of service makes a review due."
          />
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Partner</Table.Th>
                  <Table.Th>Rating</Table.Th>
                  <Table.Th ta="right">Score</Table.Th>
                  <Table.Th>Next review</Table.Th>
                  <Table.Th>Approved</Table.Th>
                  <Table.Th>Owner</Table.Th>
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
                          Draft in progress
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <RatingBadge rating={i.rating} size="sm" />
                    </Table.Td>
                    <Table.Td ta="right">{i.scorePercent === null ? '—' : `${i.scorePercent} %`}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm" c={i.overdue ? 'red.8' : undefined} fw={i.overdue ? 600 : undefined} span>
                        {i.reviewDueOn ? formatDay(i.reviewDueOn) : '—'}
                      </Text>
                      {i.overdue && (
                        <Badge ml="xs" size="xs" color="red" variant="light">
                          Overdue
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
            Showing the first {items.length} partners: narrow the list with the filters.
          </Text>
        )}
      </Stack>
    </>
  );
}
