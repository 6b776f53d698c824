import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Anchor, Badge, Card, Group, Progress, SegmentedControl, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconRocket } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OnboardingStatus } from '../../../shared/rhythm.js';
import type { OnboardingSummary } from '../../../shared/schemas/onboarding.js';
import { ExportMenu } from '../../components/ExportMenu.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ListTable } from '../../components/ListTable.js';
import { QueryStates } from '../../components/QueryStates.js';
import { EmptyState } from '../../components/states.js';
import { formatDateTime } from '../../lib/format.js';
import { formatDay, tookLabel } from './format.js';
import { onboardingsQuery } from './queries.js';

/** The export's columns for what the table shows of each list (the progress bar as its two numbers). */
const EXPORT_COLUMNS = ['partner', 'playbook', 'startedOn', 'stepsDone', 'steps'] as const;
const exportColumns = (inProgress: boolean) =>
  inProgress ? [...EXPORT_COLUMNS, 'nextStep', 'nextStepDue', 'nextStepAssignee', 'overdueSteps'] : [...EXPORT_COLUMNS, 'completedAt', 'durationDays'];

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
  const { t } = useTranslation('onboarding');
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
            aria-label={t('page.progressLabel', { name: o.partner.name })}
            aria-valuetext={t('progress.done', { done, count: total })}
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
                  {o.nextStep.assignee
                    ? t('page.nextDueAssignee', { date: formatDay(o.nextStep.dueDate), name: o.nextStep.assignee.name })
                    : t('page.nextDue', { date: formatDay(o.nextStep.dueDate) })}
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
                {t('page.overdueCount', { count: o.overdueSteps })}
              </Badge>
            ) : (
              <Text size="sm" c="dimmed">
                {t('page.none')}
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
  const { t } = useTranslation('onboarding');
  const [status, setStatus] = useState<OnboardingStatus>('in_progress');
  const list = useQuery(onboardingsQuery(status));
  // The figures are about the onboardings in progress whichever list is shown (the same query when it is that list).
  const active = useQuery(onboardingsQuery('in_progress'));
  const inProgress = status === 'in_progress';
  const stats = active.data?.completed;
  const overdue = active.data?.items.reduce((n, o) => n + o.overdueSteps, 0);

  return (
    <>
      <PageHeader title={t('page.title')} description={t('page.description')} />
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
          <Stat label={t('status.in_progress')} value={active.data ? String(active.data.items.length) : '—'} />
          <Stat label={t('page.overdueSteps')} value={overdue !== undefined ? String(overdue) : '—'} hint={overdue ? t('page.overdueHint') : undefined} />
          <Stat
            label={t('page.averageTime')}
            value={stats?.averageDays != null ? t('took.days', { count: Math.round(stats.averageDays) }) : '—'}
            hint={
              stats
                ? stats.count
                  ? stats.medianDays != null
                    ? t('page.overMedian', { count: stats.count, median: t('took.days', { count: Math.round(stats.medianDays) }) })
                    : t('page.over', { count: stats.count })
                  : t('page.noneCompleted')
                : undefined
            }
          />
        </SimpleGrid>
        <Group justify="space-between" gap="sm" wrap="wrap">
          <SegmentedControl
            aria-label={t('page.which')}
            value={status}
            onChange={(v) => setStatus(v as OnboardingStatus)}
            data={[
              { value: 'in_progress', label: t('status.in_progress') },
              { value: 'completed', label: t('status.completed') },
              { value: 'cancelled', label: t('status.cancelled') },
            ]}
          />
          <ExportMenu path="/api/onboardings/export" params={{ status }} columns={exportColumns(inProgress)} />
        </Group>
        <Card withBorder radius="md" padding={0}>
          <QueryStates
            query={list}
            loading={t('page.loading')}
            inset
            isEmpty={(data) => data.items.length === 0}
            empty={
              <EmptyState
                icon={<IconRocket size={24} aria-hidden />}
                title={inProgress ? t('page.emptyInProgress') : status === 'completed' ? t('page.emptyCompleted') : t('page.emptyCancelled')}
                description={inProgress ? t('page.emptyText') : undefined}
              />
            }
          >
            {({ items }) => (
              <ListTable query={list} caption={inProgress ? t('page.captionInProgress') : t('page.caption')} minWidth={720} highlightOnHover={false} striped={false}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('page.column.partner')}</Table.Th>
                    <Table.Th>{t('page.column.playbook')}</Table.Th>
                    <Table.Th>{t('page.column.started')}</Table.Th>
                    <Table.Th>{t('page.column.progress')}</Table.Th>
                    <Table.Th>{inProgress ? t('page.column.nextStep') : t('page.column.completed')}</Table.Th>
                    <Table.Th>{inProgress ? t('page.column.overdue') : t('page.column.took')}</Table.Th>
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
              {t('page.shown', { count: list.data.items.length })}
            </Text>
          </Group>
        )}
      </Stack>
    </>
  );
}
