import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { ActionIcon, Badge, Button, Card, CloseButton, Group, Menu, MultiSelect, Paper, Select, Stack, Switch, Text, TextInput, ThemeIcon, Timeline } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangleFilled, IconArchive, IconArrowBackUp, IconDots, IconHistory, IconPencil, IconPlus, IconSearch, IconTimeline } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ActivityKind } from '../../../shared/partners.js';
import type { Activity } from '../../../shared/schemas/activity.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.js';
import { formatDateTime, formatRelative } from '../../lib/format.js';
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
  const { t } = useTranslation(['timeline', 'common']);
  const ref = useRef<HTMLDivElement>(null);
  const when = formatDateTime(a.occurredAt);
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
      aria-label={t(a.important ? 'entry.labelImportant' : 'entry.label', { kind: ACTIVITY_KIND_LABELS[a.kind], date: when })}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Group gap={8} wrap="wrap">
          <Text size="sm" fw={600}>
            {ACTIVITY_KIND_LABELS[a.kind]}
          </Text>
          <Text size="sm" c="dimmed">
            <time dateTime={a.occurredAt} title={formatRelative(a.occurredAt)}>
              {when}
            </time>
          </Text>
          {a.important && (
            <Badge color="orange" variant="light" size="sm" leftSection={<IconAlertTriangleFilled size={12} aria-hidden />} className={classes.importantBadge}>
              {t('entry.important')}
            </Badge>
          )}
          {a.archivedAt && (
            <Badge color="gray" variant="outline" size="sm">
              {t('entry.archived')}
            </Badge>
          )}
        </Group>
        <Menu position="bottom-end" withinPortal shadow="md">
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={t(`entry.actions.${a.kind}`, { date: when })}>
              <IconDots size={18} aria-hidden />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {canEdit && !a.archivedAt && (
              <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={onEdit}>
                {t('common:action.edit')}
              </Menu.Item>
            )}
            <Menu.Item leftSection={<IconHistory size={16} aria-hidden />} onClick={onHistory}>
              {t('entry.history')}
            </Menu.Item>
            {canEdit && (
              <>
                <Menu.Divider />
                {a.archivedAt ? (
                  <Menu.Item leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={onRestore}>
                    {t('common:action.restore')}
                  </Menu.Item>
                ) : (
                  <Menu.Item className="menu-danger" leftSection={<IconArchive size={16} aria-hidden />} onClick={onArchive}>
                    {t('entry.archive')}
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
            {t('entry.outcome')}{' '}
          </Text>
          {a.outcome}
        </Text>
      )}
      {(a.contacts.length > 0 || a.users.length > 0) && (
        <Stack gap={2} mt={8}>
          {a.contacts.length > 0 && (
            <Text size="xs" c="dimmed">
              {t('entry.with', { names: a.contacts.map((c) => c.name).join(', ') })}
            </Text>
          )}
          {a.users.length > 0 && (
            <Text size="xs" c="dimmed">
              {t('entry.ourPeople', { names: a.users.map((u) => u.name).join(', ') })}
            </Text>
          )}
        </Stack>
      )}
    </Paper>
  );
}

/** The relationship's timeline, newest first: filter it, log what happened, mark what the team must know. */
export function TimelineTab({ partner }: PartnerTabProps) {
  const { t } = useTranslation(['timeline', 'common']);
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
          notifications.show({ color: 'teal', message: value ? t('tab.archived') : t('tab.restored') });
        },
        onError: (e) => {
          if (!value) notifications.show({ color: 'red', title: t('tab.notRestored'), message: e.message });
        },
      },
    );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Text size="sm" c="dimmed" style={{ flex: '1 1 20rem' }}>
          {t('tab.intro', { name: partner.name, zone: zone.replace(/_/g, ' ') })}
        </Text>
        {canEdit && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setForm({})}>
            {t('tab.log')}
          </Button>
        )}
      </Group>

      <Card withBorder radius="md" padding="sm" role="search" aria-label={t('tab.filter')}>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            className={classes.words}
            aria-label={t('tab.words')}
            placeholder={t('tab.wordsPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={words}
            onChange={(e) => setWords(e.currentTarget.value)}
            rightSection={words ? <CloseButton size="sm" aria-label={t('tab.clearWords')} onClick={() => setWords('')} /> : null}
          />
          <MultiSelect
            className={classes.filter}
            aria-label={t('tab.kind')}
            placeholder={kinds.length ? undefined : t('tab.allKinds')}
            data={ACTIVITY_KIND_OPTIONS}
            value={kinds}
            onChange={(v) => setKinds(v as ActivityKind[])}
            clearable
          />
          <Select
            className={classes.filter}
            aria-label={t('tab.contact')}
            placeholder={t('tab.anyContact')}
            searchable
            clearable
            data={(contacts.data?.items ?? []).map((c) => ({ value: c.id, label: c.hasLeft ? t('tab.contactLeft', { name: c.fullName }) : c.fullName }))}
            value={contactId}
            onChange={setContactId}
          />
          <DatePickerInput
            className={classes.filter}
            type="range"
            aria-label={t('tab.dateRange')}
            placeholder={t('tab.anyDate')}
            allowSingleDateInRange
            clearable
            value={range}
            onChange={(v) => setRange(v as Range)}
            valueFormat={t('tab.dateFormat')}
            popoverProps={{ withinPortal: true }}
            classNames={{ placeholder: classes.placeholder }}
          />
          <Switch label={t('tab.importantOnly')} checked={important} onChange={(e) => setImportant(e.currentTarget.checked)} className={classes.switch} />
          <Switch label={t('tab.showArchived')} checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} className={classes.switch} />
        </Group>
      </Card>

      {timeline.isPending ? (
        <LoadingState label={t('tab.loading')} />
      ) : timeline.isError && !timeline.data ? (
        <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />
      ) : entries.length === 0 ? (
        <EmptyState
          headingLevel={2}
          icon={<IconTimeline size={24} aria-hidden />}
          title={filtered ? t('tab.noMatch') : t('tab.empty')}
          description={filtered ? t('tab.noMatchText') : canEdit ? t('tab.emptyText', { name: partner.name }) : undefined}
          onClearFilters={filtered ? clear : undefined}
          action={canEdit ? <Button onClick={() => setForm({})}>{t('tab.log')}</Button> : undefined}
        />
      ) : (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {entries.length < total ? t('tab.newest', { shown: entries.length, count: total }) : t('tab.count', { count: total })}
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
                {t('tab.showOlder')}
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
        title={t('tab.archiveTitle')}
        confirmLabel={t('common:action.archive')}
        danger
        loading={archive.isPending}
        error={archive.error}
      >
        {t('tab.archiveText')}
      </ConfirmDialog>
    </Stack>
  );
}
