import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ActionIcon, Badge, Button, Card, Group, Menu, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconCalendarEvent, IconCalendarPlus, IconDots, IconPencil, IconPlus, IconRepeat } from '@tabler/icons-react';
import { MEETING_PURPOSE_LABELS } from '../../../shared/rhythm.js';
import type { MeetingSeries } from '../../../shared/schemas/meeting.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.js';
import type { PartnerTabProps } from '../partners/tabs.js';
import { formatMeetingStart } from './format.js';
import { MeetingRow } from './MeetingRow.js';
import { partnerMeetingsQuery, seriesListQuery, useArchiveSeries } from './queries.js';
import { OneOffMeetingModal } from './OneOffMeetingModal.js';
import { SeriesFormModal } from './SeriesFormModal.js';
import { useMeetingActions } from './useMeetingActions.js';

/** The window of meetings the tab shows: recent ones (for minutes) and the next months. */
const PAST_DAYS = 60;
const AHEAD_DAYS = 120;

function SeriesCard({ s, canEdit, onEdit, onArchive }: { s: MeetingSeries; canEdit: boolean; onEdit: () => void; onArchive: () => void }) {
  return (
    <Card withBorder radius="md" padding="sm" component="article" aria-labelledby={`series-${s.id}`}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Group gap={8}>
            <Title order={3} size="h5" id={`series-${s.id}`}>
              {s.title}
            </Title>
            <Badge size="sm" variant="light">
              {MEETING_PURPOSE_LABELS[s.purpose]}
            </Badge>
          </Group>
          <Text size="sm" mt={4}>
            <IconRepeat size={14} aria-hidden style={{ verticalAlign: -2 }} /> {s.description}, {s.durationMinutes} minutes
          </Text>
          {s.contacts.length > 0 && (
            <Text size="xs" c="dimmed">
              With {s.contacts.map((c) => c.name).join(', ')}
            </Text>
          )}
          {s.users.length > 0 && (
            <Text size="xs" c="dimmed">
              Our people: {s.users.map((u) => u.name).join(', ')}
            </Text>
          )}
          <Text size="xs" mt={6}>
            {s.next.length ? `Next: ${s.next.map((d) => formatMeetingStart(d, s.timeZone)).join(' · ')}` : 'No upcoming meeting.'}
          </Text>
        </div>
        {canEdit && (
          <Menu position="bottom-end" withinPortal shadow="md">
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" aria-label={`Actions for the series ${s.title}`}>
                <IconDots size={18} aria-hidden />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={onEdit}>
                Edit series
              </Menu.Item>
              <Menu.Item className="menu-danger" leftSection={<IconArchive size={16} aria-hidden />} onClick={onArchive}>
                End series…
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
  const canEdit = partner.can.edit;
  const [target, setTarget] = useState<{ series?: MeetingSeries } | null>(null);
  const [archiving, setArchiving] = useState<MeetingSeries | null>(null);
  const [planning, setPlanning] = useState(false);
  const archive = useArchiveSeries();
  const { actions, dialogs } = useMeetingActions(canEdit);

  const range = useMemo(() => {
    const day = 86_400_000;
    const now = Math.floor(Date.now() / 3_600_000) * 3_600_000;
    return { from: new Date(now - PAST_DAYS * day).toISOString(), to: new Date(now + AHEAD_DAYS * day).toISOString() };
  }, []);
  const series = useQuery(seriesListQuery(partner.id));
  const meetings = useQuery(partnerMeetingsQuery(partner.id, range.from, range.to));
  const now = Date.now();
  const upcoming = (meetings.data ?? []).filter((m) => new Date(m.endsAt).getTime() > now);
  const recent = (meetings.data ?? []).filter((m) => new Date(m.endsAt).getTime() <= now).reverse();

  return (
    <Stack gap="lg">
      <section aria-labelledby="series-heading">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4" id="series-heading">
            Meeting series
          </Title>
          {canEdit && (
            <Group gap="xs">
              <Button variant="default" leftSection={<IconCalendarPlus size={16} aria-hidden />} onClick={() => setPlanning(true)}>
                Plan one meeting
              </Button>
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setTarget({})}>
                New series
              </Button>
            </Group>
          )}
        </Group>
        {series.isPending ? (
          <LoadingState />
        ) : series.isError ? (
          <ErrorState error={series.error} onRetry={() => void series.refetch()} />
        ) : series.data.length === 0 ? (
          <EmptyState
            icon={<IconCalendarEvent aria-hidden />}
            title="No recurring meetings yet"
            description={`Set up a sync series with ${partner.name}: the rhythm keeps the relationship healthy.`}
            headingLevel={3}
          />
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
              Upcoming meetings
            </Title>
            {upcoming.length === 0 ? (
              <Text size="sm" c="dimmed">
                Nothing planned in the next {AHEAD_DAYS} days.
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
              Recent meetings
            </Title>
            {recent.length === 0 ? (
              <Text size="sm" c="dimmed">
                No meetings in the last {PAST_DAYS} days.
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
        title="End this meeting series?"
        confirmLabel="End series"
        danger
        loading={archive.isPending}
        error={archive.error}
        onConfirm={() =>
          archiving &&
          archive.mutate(archiving, {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: `The series “${archiving.title}” has ended. Held meetings and their minutes stay.` });
              setArchiving(null);
            },
          })
        }
      >
        No more meetings will be planned from “{archiving?.title}”. Meetings already held keep their minutes.
      </ConfirmDialog>
      {dialogs}
    </Stack>
  );
}
