import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { ActionIcon, Badge, Button, Card, CloseButton, Group, Menu, MultiSelect, Paper, Select, Stack, Switch, Text, TextInput, ThemeIcon, Timeline } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangleFilled, IconArchive, IconArrowBackUp, IconDots, IconHistory, IconPencil, IconPlus, IconSearch, IconTimeline } from '@tabler/icons-react';
import type { ActivityKind } from '../../../shared/partners.js';
import type { Activity } from '../../../shared/schemas/activity.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.js';
import { formatDateTime, formatRelative, plural } from '../../lib/format.js';
import { contactsListQuery } from '../contacts/queries.js';
import type { PartnerTabProps } from '../partners/tabs.js';
import { ActivityFormModal } from './ActivityFormModal.js';
import { ActivityHistoryDrawer } from './ActivityHistoryDrawer.js';
import { ACTIVITY_KIND_COLORS, ACTIVITY_KIND_ICONS, ACTIVITY_KIND_LABELS, ACTIVITY_KIND_OPTIONS } from './labels.js';
import { timelineQuery, useSetActivityArchived, type TimelineFilters } from './queries.js';
import { dayEnd, dayStart, deviceTimeZone } from './zone.js';
import classes from './TimelineTab.module.css';

type Range = [string | null, string | null];

function Entry({
  a,
  selected,
  canEdit,
  onEdit,
  onArchive,
  onRestore,
  onHistory,
}: {
  a: Activity;
  selected: boolean;
  canEdit: boolean;
  onEdit: () => void;
  onArchive: () => void;
  onRestore: () => void;
  onHistory: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (selected) ref.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [selected]);
  return (
    <Paper
      ref={ref}
      withBorder
      radius="md"
      p="sm"
      className={classes.entry}
      data-important={a.important || undefined}
      data-selected={selected || undefined}
      data-archived={a.archivedAt ? true : undefined}
      component="article"
      aria-label={`${ACTIVITY_KIND_LABELS[a.kind]} on ${formatDateTime(a.occurredAt)}${a.important ? ', important' : ''}`}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Group gap={8} wrap="wrap">
          <Text size="sm" fw={600}>
            {ACTIVITY_KIND_LABELS[a.kind]}
          </Text>
          <Text size="sm" c="dimmed">
            <time dateTime={a.occurredAt} title={formatRelative(a.occurredAt)}>
              {formatDateTime(a.occurredAt)}
            </time>
          </Text>
          {a.important && (
            <Badge color="orange" variant="light" size="sm" leftSection={<IconAlertTriangleFilled size={12} aria-hidden />} className={classes.importantBadge}>
              Important for the team
            </Badge>
          )}
          {a.archivedAt && (
            <Badge color="gray" variant="outline" size="sm">
              Archived
            </Badge>
          )}
        </Group>
        <Menu position="bottom-end" withinPortal shadow="md">
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={`Actions for the ${ACTIVITY_KIND_LABELS[a.kind].toLowerCase()} on ${formatDateTime(a.occurredAt)}`}>
              <IconDots size={18} aria-hidden />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {canEdit && !a.archivedAt && (
              <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={onEdit}>
                Edit
              </Menu.Item>
            )}
            <Menu.Item leftSection={<IconHistory size={16} aria-hidden />} onClick={onHistory}>
              History
            </Menu.Item>
            {canEdit && (
              <>
                <Menu.Divider />
                {a.archivedAt ? (
                  <Menu.Item leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={onRestore}>
                    Restore
                  </Menu.Item>
                ) : (
                  <Menu.Item className="menu-danger" leftSection={<IconArchive size={16} aria-hidden />} onClick={onArchive}>
                    Archive…
                  </Menu.Item>
                )}
              </>
            )}
          </Menu.Dropdown>
        </Menu>
      </Group>
      <Text size="sm" mt={4} className={classes.text}>
        {a.summary}
      </Text>
      {a.outcome && (
        <Text size="sm" mt={6} className={classes.text}>
          <Text span fw={600} size="sm">
            Outcome:{' '}
          </Text>
          {a.outcome}
        </Text>
      )}
      {(a.contacts.length > 0 || a.users.length > 0) && (
        <Stack gap={2} mt={8}>
          {a.contacts.length > 0 && (
            <Text size="xs" c="dimmed">
              With {a.contacts.map((c) => c.name).join(', ')}
            </Text>
          )}
          {a.users.length > 0 && (
            <Text size="xs" c="dimmed">
              Our people: {a.users.map((u) => u.name).join(', ')}
            </Text>
          )}
        </Stack>
      )}
    </Paper>
  );
}

/** The relationship's timeline, newest first: filter it, log what happened, mark what the team must know. */
export function TimelineTab({ partner }: PartnerTabProps) {
  const [params] = useSearchParams();
  const selectedId = params.get('entry');
  // An archived partner's timeline is read-only until the partner is restored.
  const canEdit = partner.can.edit;
  const zone = deviceTimeZone();

  const [kinds, setKinds] = useState<ActivityKind[]>([]);
  const [important, setImportant] = useState(false);
  const [contactId, setContactId] = useState<string | null>(null);
  const [range, setRange] = useState<Range>([null, null]);
  const [words, setWords] = useState('');
  const [debouncedWords] = useDebouncedValue(words.trim(), 300);
  const [showArchived, setShowArchived] = useState(false);

  const filters: TimelineFilters = {
    kind: kinds.length ? kinds : undefined,
    important: important || undefined,
    contactId: contactId ?? undefined,
    from: range[0] ? (dayStart(range[0], zone) ?? undefined) : undefined,
    to: range[1] ? (dayEnd(range[1], zone) ?? undefined) : range[0] ? (dayEnd(range[0], zone) ?? undefined) : undefined,
    q: debouncedWords || undefined,
    archived: showArchived ? 'all' : undefined,
  };
  const filtered = Boolean(kinds.length || important || contactId || range[0] || debouncedWords);
  const timeline = useInfiniteQuery(timelineQuery(partner.id, filters));
  // Everyone who ever was a contact here, so past entries can be found by a person who has left.
  const contacts = useQuery(contactsListQuery({ partnerId: partner.id, status: 'all', archived: 'false', sort: 'name', page: 1, pageSize: 100 }));
  const archive = useSetActivityArchived();

  const [form, setForm] = useState<{ activity?: Activity } | null>(null);
  const [archiving, setArchiving] = useState<Activity | null>(null);
  const [historyOf, setHistoryOf] = useState<Activity | null>(null);

  const entries = timeline.data?.pages.flatMap((p) => p.items) ?? [];
  const total = timeline.data?.pages[0]?.total ?? 0;

  const clear = () => {
    setKinds([]);
    setImportant(false);
    setContactId(null);
    setRange([null, null]);
    setWords('');
  };

  const setArchived = (a: Activity, value: boolean) =>
    archive.mutate(
      { activity: a, archived: value },
      {
        onSuccess: () => {
          setArchiving(null);
          notifications.show({ color: 'teal', message: value ? 'The entry is archived.' : 'The entry is restored.' });
        },
        onError: (e) => {
          if (!value) notifications.show({ color: 'red', title: 'The entry could not be restored', message: e.message });
        },
      },
    );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Text size="sm" c="dimmed" style={{ flex: '1 1 20rem' }}>
          Meetings, calls, e-mails, events and notes with {partner.name}, newest first. Times are shown in {zone.replace(/_/g, ' ')}.
        </Text>
        {canEdit && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setForm({})}>
            Log activity
          </Button>
        )}
      </Group>

      <Card withBorder radius="md" padding="sm" role="search" aria-label="Filter the timeline">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            className={classes.words}
            aria-label="Words in the summary or outcome"
            placeholder="Words in summary or outcome"
            leftSection={<IconSearch size={16} aria-hidden />}
            value={words}
            onChange={(e) => setWords(e.currentTarget.value)}
            rightSection={words ? <CloseButton size="sm" aria-label="Clear words" onClick={() => setWords('')} /> : null}
          />
          <MultiSelect
            className={classes.filter}
            aria-label="Kind"
            placeholder={kinds.length ? undefined : 'All kinds'}
            data={ACTIVITY_KIND_OPTIONS}
            value={kinds}
            onChange={(v) => setKinds(v as ActivityKind[])}
            clearable
          />
          <Select
            className={classes.filter}
            aria-label="Contact"
            placeholder="Any contact"
            searchable
            clearable
            data={(contacts.data?.items ?? []).map((c) => ({ value: c.id, label: c.hasLeft ? `${c.fullName} (left)` : c.fullName }))}
            value={contactId}
            onChange={setContactId}
          />
          <DatePickerInput
            className={classes.filter}
            type="range"
            aria-label="Date range"
            placeholder="Any date"
            allowSingleDateInRange
            clearable
            value={range}
            onChange={(v) => setRange(v as Range)}
            valueFormat="D MMM YYYY"
            popoverProps={{ withinPortal: true }}
            classNames={{ placeholder: classes.placeholder }}
          />
          <Switch label="Important only" checked={important} onChange={(e) => setImportant(e.currentTarget.checked)} className={classes.switch} />
          <Switch label="Show archived" checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} className={classes.switch} />
        </Group>
      </Card>

      {timeline.isPending ? (
        <LoadingState label="Loading the timeline…" />
      ) : timeline.isError && !timeline.data ? (
        <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />
      ) : entries.length === 0 ? (
        <EmptyState
          headingLevel={2}
          icon={<IconTimeline size={24} aria-hidden />}
          title={filtered ? 'No entry matches these filters' : 'Nothing logged yet'}
          description={filtered ? 'Try fewer filters, or clear them.' : canEdit ? `Log the first meeting, call or note with ${partner.name}.` : undefined}
          onClearFilters={filtered ? clear : undefined}
          action={canEdit ? <Button onClick={() => setForm({})}>Log activity</Button> : undefined}
        />
      ) : (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {entries.length < total ? `Newest ${entries.length} of ${plural(total, 'entry', 'entries')}` : plural(total, 'entry', 'entries')}
          </Text>
          <Timeline bulletSize={30} lineWidth={2} active={-1} className={timeline.isPlaceholderData ? classes.stale : undefined} aria-busy={timeline.isFetching}>
            {entries.map((a) => {
              const Icon = ACTIVITY_KIND_ICONS[a.kind];
              return (
                <Timeline.Item
                  key={a.id}
                  bullet={
                    <ThemeIcon size={30} radius="xl" variant={a.important ? 'filled' : 'light'} color={a.important ? 'orange.8' : ACTIVITY_KIND_COLORS[a.kind]}>
                      <Icon size={16} aria-hidden />
                    </ThemeIcon>
                  }
                >
                  <Entry
                    a={a}
                    selected={a.id === selectedId}
                    canEdit={canEdit}
                    onEdit={() => setForm({ activity: a })}
                    onArchive={() => {
                      archive.reset();
                      setArchiving(a);
                    }}
                    onRestore={() => setArchived(a, false)}
                    onHistory={() => setHistoryOf(a)}
                  />
                </Timeline.Item>
              );
            })}
          </Timeline>
          {timeline.hasNextPage && (
            <Group justify="center">
              <Button variant="default" onClick={() => void timeline.fetchNextPage()} loading={timeline.isFetchingNextPage}>
                Show older entries
              </Button>
            </Group>
          )}
        </>
      )}

      <ActivityFormModal partner={partner} target={form} onClose={() => setForm(null)} />
      <ActivityHistoryDrawer activity={historyOf} onClose={() => setHistoryOf(null)} />
      <ConfirmDialog
        opened={archiving !== null}
        onClose={() => setArchiving(null)}
        onConfirm={() => archiving && setArchived(archiving, true)}
        title="Archive this entry?"
        confirmLabel="Archive"
        danger
        loading={archive.isPending}
        error={archive.error}
      >
        It leaves the timeline and no longer counts for last contact. Its history stays and you can restore it with “Show archived”.
      </ConfirmDialog>
    </Stack>
  );
}
