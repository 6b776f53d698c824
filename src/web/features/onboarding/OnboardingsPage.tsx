import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Anchor, Badge, Card, Group, Progress, SegmentedControl, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconRocket } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { OnboardingStatus } from '../../../shared/rhythm.js';
import type { OnboardingSummary } from '../../../shared/schemas/onboarding.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ListTable } from '../../components/ListTable.js';
import { QueryStates } from '../../components/QueryStates.js';
import { EmptyState } from '../../components/states.js';
import { formatDateTime, plural } from '../../lib/format.js';
import { formatDay, tookLabel } from './format.js';
import { onboardingsQuery } from './queries.js';

const onboardingPath = (partnerId: string) => `/partners/${encodeURIComponent(partnerId)}/onboarding`;

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Card withBorder radius="md" padding="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={28} fw={700} lh={1.2}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Card>
  );
}

function Row({ o }: { o: OnboardingSummary }) {
  const { done, total } = o.progress;
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={onboardingPath(o.partner.id)} fw={500} size="sm">
          {o.partner.name}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{o.playbook.name}</Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(o.startedOn)}</Table.Td>
      <Table.Td miw={140}>
        <Progress.Root size="sm">
          <Progress.Section
            value={total ? (done / total) * 100 : 0}
            color={done === total ? 'teal' : 'indigo'}
            aria-label={`Progress of ${o.partner.name}`}
            aria-valuetext={`${done} of ${total} steps done`}
          />
        </Progress.Root>
        <Text size="xs" c="dimmed">
          {done} / {total}
        </Text>
      </Table.Td>
      {o.status === 'in_progress' ? (
        <>
          <Table.Td>
            {o.nextStep ? (
              <>
                <Text size="sm">{o.nextStep.title}</Text>
                <Text size="xs" c="dimmed">
                  due {formatDay(o.nextStep.dueDate)}
                  {o.nextStep.assignee ? ` · ${o.nextStep.assignee.name}` : ''}
                </Text>
              </>
            ) : (
              <Text size="sm" c="dimmed">
                —
              </Text>
            )}
          </Table.Td>
          <Table.Td>
            {o.overdueSteps > 0 ? (
              <Badge color="red" variant="light">
                {plural(o.overdueSteps, 'step')}
              </Badge>
            ) : (
              <Text size="sm" c="dimmed">
                None
              </Text>
            )}
          </Table.Td>
        </>
      ) : (
        <>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>{o.completedAt ? formatDateTime(o.completedAt) : '—'}</Table.Td>
          <Table.Td>{o.durationDays !== null ? tookLabel(o.durationDays) : '—'}</Table.Td>
        </>
      )}
    </Table.Tr>
  );
}

/** Every onboarding in progress, with what is next and what is late; and how long finished ones took. */
export function OnboardingsPage() {
  const [status, setStatus] = useState<OnboardingStatus>('in_progress');
  const list = useQuery(onboardingsQuery(status));
  // The figures are about the onboardings in progress whichever list is shown (the same query when it is that list).
  const active = useQuery(onboardingsQuery('in_progress'));
  const inProgress = status === 'in_progress';
  const stats = active.data?.completed;
  const overdue = active.data?.items.reduce((n, o) => n + o.overdueSteps, 0);

  return (
    <>
      <PageHeader title="Onboardings" description="New partners on their way to active: progress, the next step due and what is overdue. Open a partner to tick off its steps." />
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
          <Stat label="In progress" value={active.data ? String(active.data.items.length) : '—'} />
          <Stat label="Overdue steps" value={overdue !== undefined ? String(overdue) : '—'} hint={overdue ? 'Across all onboardings in progress' : undefined} />
          <Stat
            label="Average time to active"
            value={stats?.averageDays != null ? plural(Math.round(stats.averageDays), 'day') : '—'}
            hint={
              stats
                ? stats.count
                  ? `Over ${plural(stats.count, 'completed onboarding')}${stats.medianDays != null ? `; median ${plural(Math.round(stats.medianDays), 'day')}` : ''}`
                  : 'No onboarding completed yet'
                : undefined
            }
          />
        </SimpleGrid>
        <SegmentedControl
          aria-label="Which onboardings"
          value={status}
          onChange={(v) => setStatus(v as OnboardingStatus)}
          data={[
            { value: 'in_progress', label: 'In progress' },
            { value: 'completed', label: 'Completed' },
            { value: 'cancelled', label: 'Cancelled' },
          ]}
          style={{ alignSelf: 'flex-start' }}
        />
        <Card withBorder radius="md" padding={0}>
          <QueryStates
            query={list}
            loading="Loading onboardings…"
            inset
            isEmpty={(data) => data.items.length === 0}
            empty={
              <EmptyState
                icon={<IconRocket size={24} aria-hidden />}
                title={inProgress ? 'No onboarding in progress' : status === 'completed' ? 'No completed onboardings' : 'No cancelled onboardings'}
                description={inProgress ? 'Start one on a new partner’s Onboarding tab.' : undefined}
              />
            }
          >
            {({ items }) => (
              <ListTable
                query={list}
                caption={inProgress ? 'Onboardings in progress, oldest start first' : 'Onboardings, most recent first'}
                minWidth={720}
                highlightOnHover={false}
                striped={false}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Partner</Table.Th>
                    <Table.Th>Playbook</Table.Th>
                    <Table.Th>Started</Table.Th>
                    <Table.Th>Progress</Table.Th>
                    <Table.Th>{inProgress ? 'Next step' : 'Completed'}</Table.Th>
                    <Table.Th>{inProgress ? 'Overdue' : 'Took'}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((o) => (
                    <Row key={o.id} o={o} />
                  ))}
                </Table.Tbody>
              </ListTable>
            )}
          </QueryStates>
        </Card>
        {list.data && (
          <Group>
            <Text size="xs" c="dimmed">
              {plural(list.data.items.length, 'onboarding')} shown.
            </Text>
          </Group>
        )}
      </Stack>
    </>
  );
}
