import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ActionIcon, Badge, Button, Card, Group, Menu, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconCalendarEvent, IconCalendarPlus, IconDots, IconPencil, IconPlus, IconRepeat } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { MeetingSeries } from '../../../shared/schemas/meeting.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.js';
import { useNow } from '../../lib/useNow.js';
import type { PartnerTabProps } from '../partners/tabs.js';
import { describeSeries, formatMeetingStart } from './format.js';
import { MeetingRow } from './MeetingRow.js';
import { partnerMeetingsQuery, seriesListQuery, useArchiveSeries } from './queries.js';
import { OneOffMeetingModal } from './OneOffMeetingModal.js';
import { SeriesFormModal } from './SeriesFormModal.js';
import { useMeetingActions } from './useMeetingActions.js';

/** The window of meetings the tab shows: recent ones (for minutes) and the next months. */
const PAST_DAYS = 60;
const AHEAD_DAYS = 120;

function SeriesCard({ s, canEdit, onEdit, onArchive }: { s: MeetingSeries; canEdit: boolean; onEdit: () => void; onArchive: () => void }) {
  const { t } = useTranslation('meetings');
  return (
    <Card withBorder radius="md" padding="sm" component="article" aria-labelledby={`series-${s.id}`}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Group gap={8}>
            <Title order={3} size="h5" id={`series-${s.id}`}>
              {s.title}
            </Title>
            <Badge size="sm" variant="light">
              {t(`purpose.${s.purpose}`)}
            </Badge>
          </Group>
          <Text size="sm" mt={4}>
            <IconRepeat size={14} aria-hidden style={{ verticalAlign: -2 }} /> {t('series.rhythm', { rhythm: describeSeries(s), count: s.durationMinutes })}
          </Text>
          {s.contacts.length > 0 && (
            <Text size="xs" c="dimmed">
              {t('people.with', { names: s.contacts.map((c) => c.name).join(', ') })}
            </Text>
          )}
          {s.users.length > 0 && (
            <Text size="xs" c="dimmed">
              {t('people.ours', { names: s.users.map((u) => u.name).join(', ') })}
            </Text>
          )}
          <Text size="xs" mt={6}>
            {s.next.length ? t('series.next', { dates: s.next.map((d) => formatMeetingStart(d, s.timeZone)).join(' · ') }) : t('series.noNext')}
          </Text>
        </div>
        {canEdit && (
          <Menu position="bottom-end" withinPortal shadow="md">
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" aria-label={t('series.actions', { title: s.title })}>
                <IconDots size={18} aria-hidden />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={onEdit}>
                {t('series.edit')}
              </Menu.Item>
              <Menu.Item className="menu-danger" leftSection={<IconArchive size={16} aria-hidden />} onClick={onArchive}>
                {t('series.end')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
    </Card>
  );
}

/** Sync meetings with the partner: the series, what is coming, and the minutes of what was held. */
export function MeetingsTab({ partner }: PartnerTabProps) {
  const { t } = useTranslation('meetings');
  const canEdit = partner.can.edit;
  const [target, setTarget] = useState<{ series?: MeetingSeries } | null>(null);
  const [archiving, setArchiving] = useState<MeetingSeries | null>(null);
  const [planning, setPlanning] = useState(false);
  const archive = useArchiveSeries();
  const { actions, dialogs } = useMeetingActions(canEdit);

  // Fixed when the tab opens (to the hour), so the query's key stays the same while it is open.
  const [range] = useState(() => {
    const day = 86_400_000;
    const now = Math.floor(Date.now() / 3_600_000) * 3_600_000;
    return { from: new Date(now - PAST_DAYS * day).toISOString(), to: new Date(now + AHEAD_DAYS * day).toISOString() };
  });
  const series = useQuery(seriesListQuery(partner.id));
  const meetings = useQuery(partnerMeetingsQuery(partner.id, range.from, range.to));
  const now = useNow();
  const upcoming = (meetings.data ?? []).filter((m) => new Date(m.endsAt).getTime() > now);
  const recent = (meetings.data ?? []).filter((m) => new Date(m.endsAt).getTime() <= now).reverse();

  return (
    <Stack gap="lg">
      <section aria-labelledby="series-heading">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4" id="series-heading">
            {t('tab.series')}
          </Title>
          {canEdit && (
            <Group gap="xs">
              <Button variant="default" leftSection={<IconCalendarPlus size={16} aria-hidden />} onClick={() => setPlanning(true)}>
                {t('tab.planOne')}
              </Button>
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setTarget({})}>
                {t('tab.newSeries')}
              </Button>
            </Group>
          )}
        </Group>
        {series.isPending ? (
          <LoadingState />
        ) : series.isError ? (
          <ErrorState error={series.error} onRetry={() => void series.refetch()} />
        ) : series.data.length === 0 ? (
          <EmptyState icon={<IconCalendarEvent aria-hidden />} title={t('tab.noSeriesTitle')} description={t('tab.noSeriesText', { partner: partner.name })} headingLevel={3} />
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            {series.data.map((s) => (
              <SeriesCard key={s.id} s={s} canEdit={canEdit} onEdit={() => setTarget({ series: s })} onArchive={() => setArchiving(s)} />
            ))}
          </SimpleGrid>
        )}
      </section>

      {meetings.isError ? (
        <ErrorState error={meetings.error} onRetry={() => void meetings.refetch()} />
      ) : meetings.isPending ? (
        <LoadingState />
      ) : (
        <>
          <section aria-labelledby="upcoming-heading">
            <Title order={2} size="h4" id="upcoming-heading" mb="sm">
              {t('tab.upcoming')}
            </Title>
            {upcoming.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('tab.nothingAhead', { count: AHEAD_DAYS })}
              </Text>
            ) : (
              <Stack component="ul" gap="xs" p={0} m={0}>
                {upcoming.map((m) => (
                  <MeetingRow key={`${m.seriesId}-${m.originalStart ?? m.id}`} m={m} canEdit={canEdit} actions={actions} />
                ))}
              </Stack>
            )}
          </section>
          <section aria-labelledby="recent-heading">
            <Title order={2} size="h4" id="recent-heading" mb="sm">
              {t('tab.recent')}
            </Title>
            {recent.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('tab.nothingRecent', { count: PAST_DAYS })}
              </Text>
            ) : (
              <Stack component="ul" gap="xs" p={0} m={0}>
                {recent.map((m) => (
                  <MeetingRow key={`${m.seriesId}-${m.originalStart ?? m.id}`} m={m} canEdit={canEdit} actions={actions} />
                ))}
              </Stack>
            )}
          </section>
        </>
      )}

      <SeriesFormModal partner={partner} target={target} onClose={() => setTarget(null)} />
      <OneOffMeetingModal partner={partner} opened={planning} onClose={() => setPlanning(false)} />
      <ConfirmDialog
        opened={archiving !== null}
        onClose={() => setArchiving(null)}
        title={t('series.endTitle')}
        confirmLabel={t('series.endConfirm')}
        danger
        loading={archive.isPending}
        error={archive.error}
        onConfirm={() =>
          archiving &&
          archive.mutate(archiving, {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('series.ended', { title: archiving.title }) });
              setArchiving(null);
            },
          })
        }
      >
        {t('series.endText', { title: archiving?.title ?? '' })}
      </ConfirmDialog>
      {dialogs}
    </Stack>
  );
}
