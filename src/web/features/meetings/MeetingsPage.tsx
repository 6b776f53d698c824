import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ActionIcon, Anchor, Badge, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { IconCalendarEvent, IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../components/session.js';
import { ExportMenu } from '../../components/ExportMenu.js';
import { PageHeader } from '../../components/PageHeader.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.js';
import { CalendarFeeds } from '../calendar/CalendarFeeds.js';
import { IMPORTANCE_LABELS, STATUS_LABELS } from '../partners/labels.js';
import { formatMeetingStart, quarterOf, shiftQuarter } from './format.js';
import { MeetingRow } from './MeetingRow.js';
import { meetingsQuery, quarterlyQuery } from './queries.js';
import { useMeetingActions } from './useMeetingActions.js';

const AHEAD_DAYS = 30;

function Upcoming() {
  const { t } = useTranslation('meetings');
  const me = useMe();
  const [mine, setMine] = useState<'mine' | 'all'>('mine');
  // Acting from this list is for writers; the server still checks the partner (members: theirs only).
  const { actions, dialogs } = useMeetingActions(me.can.writeMeetings);
  // Fixed when the page opens (to the hour), so the query's key stays the same while it is open.
  const [range] = useState(() => {
    const now = Math.floor(Date.now() / 3_600_000) * 3_600_000;
    return { from: new Date(now - 3_600_000 * 2).toISOString(), to: new Date(now + AHEAD_DAYS * 86_400_000).toISOString() };
  });
  const meetings = useQuery(meetingsQuery({ ...range, mine: mine === 'mine' }));
  return (
    <section aria-labelledby="upcoming-heading">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h4" id="upcoming-heading">
          {t('upcoming.title', { count: AHEAD_DAYS })}
        </Title>
        <Group gap="sm">
          <SegmentedControl
            aria-label={t('upcoming.whose')}
            value={mine}
            onChange={(v) => setMine(v as 'mine' | 'all')}
            data={[
              { value: 'mine', label: t('upcoming.mine') },
              { value: 'all', label: t('upcoming.all') },
            ]}
          />
          <ExportMenu path="/api/meetings/export" params={{ ...range, mine: String(mine === 'mine') }} />
        </Group>
      </Group>
      {meetings.isPending ? (
        <LoadingState />
      ) : meetings.isError ? (
        <ErrorState error={meetings.error} onRetry={() => void meetings.refetch()} />
      ) : meetings.data.length === 0 ? (
        <EmptyState
          icon={<IconCalendarEvent aria-hidden />}
          title={mine === 'mine' ? t('upcoming.noneMineTitle') : t('upcoming.noneTitle')}
          description={mine === 'mine' ? t('upcoming.noneMineText') : t('upcoming.noneText')}
          headingLevel={3}
        />
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0}>
          {meetings.data.map((m) => (
            <MeetingRow key={`${m.seriesId}-${m.originalStart ?? m.id}`} m={m} showPartner canEdit={me.can.writeMeetings} actions={actions} />
          ))}
        </Stack>
      )}
      {dialogs}
    </section>
  );
}

/** Strategic and key partners are expected to meet once a quarter; the ones without come first. */
function Quarterly() {
  const { t } = useTranslation('meetings');
  const [quarter, setQuarter] = useState(() => quarterOf(new Date()));
  const report = useQuery(quarterlyQuery(quarter));
  const missing = report.data?.items.filter((i) => !i.covered).length ?? 0;
  return (
    <section aria-labelledby="quarterly-heading">
      <Group justify="space-between" mb={4} wrap="wrap">
        <Title order={2} size="h4" id="quarterly-heading">
          {t('quarterly.title')}
        </Title>
        <Group gap={4}>
          <ActionIcon variant="subtle" aria-label={t('quarterly.previous')} onClick={() => setQuarter((q) => shiftQuarter(q, -1))}>
            <IconChevronLeft size={18} aria-hidden />
          </ActionIcon>
          <Text fw={600} aria-live="polite" miw={70} ta="center">
            {quarter}
          </Text>
          <ActionIcon variant="subtle" aria-label={t('quarterly.next')} onClick={() => setQuarter((q) => shiftQuarter(q, 1))}>
            <IconChevronRight size={18} aria-hidden />
          </ActionIcon>
        </Group>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('quarterly.intro')}
      </Text>
      {report.isPending ? (
        <LoadingState />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : report.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('quarterly.noPartners')}
        </Text>
      ) : (
        <Paper withBorder radius="md">
          <Text size="sm" p="sm" fw={500}>
            {missing === 0
              ? t('quarterly.allCovered')
              : missing === 1
                ? t('quarterly.missingOne', { missing, count: report.data.items.length })
                : t('quarterly.missing', { missing, count: report.data.items.length })}
          </Text>
          <Table.ScrollContainer minWidth={520}>
            <Table verticalSpacing="xs" aria-label={t('quarterly.table', { quarter })}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('quarterly.partner')}</Table.Th>
                  <Table.Th>{t('quarterly.importance')}</Table.Th>
                  <Table.Th>{t('quarterly.getTogether')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.data.items.map((i) => (
                  <Table.Tr key={i.partner.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/partners/${i.partner.id}/meetings`}>
                        {i.partner.name}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {STATUS_LABELS[i.partner.status as keyof typeof STATUS_LABELS] ?? i.partner.status}
                      </Text>
                    </Table.Td>
                    <Table.Td>{IMPORTANCE_LABELS[i.partner.importance as keyof typeof IMPORTANCE_LABELS] ?? i.partner.importance}</Table.Td>
                    <Table.Td>
                      {i.covered ? (
                        <Stack gap={2}>
                          {i.meetings.map((m) => (
                            <Group key={`${m.seriesId}-${m.startsAt}`} gap={6}>
                              <Badge size="sm" variant="light" color={m.status === 'held' ? 'teal' : 'blue'}>
                                {m.status === 'held' ? t('status.held') : t('status.planned')}
                              </Badge>
                              <Text size="sm">{formatMeetingStart(m.startsAt)}</Text>
                            </Group>
                          ))}
                        </Stack>
                      ) : (
                        <Badge color="orange" variant="light">
                          {t('quarterly.nonePlanned')}
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </section>
  );
}

/** Meetings across partners: what is coming, which big partners lack their quarterly get-together, calendar feeds. */
export function MeetingsPage() {
  const { t } = useTranslation('meetings');
  return (
    <>
      <PageHeader title={t('page.title')} description={t('page.description')} />
      <Stack gap="xl">
        <Upcoming />
        <Quarterly />
        <CalendarFeeds />
      </Stack>
    </>
  );
}
