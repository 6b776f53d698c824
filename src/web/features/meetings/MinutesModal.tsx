import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ActionIcon, Alert, Badge, Button, Checkbox, Fieldset, Group, List, Modal, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { TOPIC_KINDS, type TopicKind } from '../../../shared/rhythm.js';
import type { MeetingDetail } from '../../../shared/schemas/meeting.js';
import { ApiError, errorMessage } from '../../api.js';
import { useMe } from '../../components/session.js';
import { ErrorState, LoadingState } from '../../components/states.js';
import { i18n } from '../../i18n.js';
import { colleaguesQuery } from '../team/queries.js';
import { formatDay, formatMeetingTime, todayIn } from './format.js';
import { meetingQuery, useUpdateMeeting } from './queries.js';

interface TopicRow {
  key: number;
  kind: TopicKind;
  title: string;
  notes: string;
  informTeam: boolean;
}
interface ItemRow {
  key: number;
  title: string;
  assigneeId: string | null;
  dueDate: string;
}

let seq = 0;
const kindOptions = () => TOPIC_KINDS.map((k) => ({ value: k, label: i18n.t(`meetings:topicKind.${k}`) }));

const KNOWN_FIELDS = ['kind', 'title', 'notes', 'informTeam', 'assigneeId', 'dueDate'] as const;
const isKnownField = (f: string): f is (typeof KNOWN_FIELDS)[number] => (KNOWN_FIELDS as readonly string[]).includes(f);

/** "body.actionItems.1.assigneeId: …" → "Action item 2, assignee: …". */
function readableError(e: unknown): string {
  if (!(e instanceof ApiError) || !e.problem.errors?.length) return errorMessage(e);
  return e.problem.errors
    .map((f) => {
      const m = /^body\.(topics|actionItems)\.(\d+)\.(\w+)$/.exec(f.path);
      if (!m) return `${f.path.replace(/^body\./, '')}: ${f.message}`;
      const field = m[3] as string;
      const values = { n: Number(m[2]) + 1, field: isKnownField(field) ? i18n.t(`meetings:minutes.field.${field}`) : field, message: f.message };
      return m[1] === 'topics' ? i18n.t('meetings:minutes.topicError', values) : i18n.t('meetings:minutes.itemError', values);
    })
    .join(' ');
}

function Editor({ meeting, onClose }: { meeting: MeetingDetail; onClose: () => void }) {
  const { t } = useTranslation(['meetings', 'common', 'tasks']);
  const me = useMe();
  const update = useUpdateMeeting();
  const [notes, setNotes] = useState(meeting.notes ?? '');
  const [topics, setTopics] = useState<TopicRow[]>(() => meeting.topics.map((t) => ({ key: ++seq, kind: t.kind, title: t.title, notes: t.notes ?? '', informTeam: t.informTeam })));
  const [items, setItems] = useState<ItemRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  const colleagues = useQuery(colleaguesQuery({ page: 1, pageSize: 100, sort: 'name' }));
  const people = useMemo(() => {
    const names = new Map<string, string>([[me.user.id, t('minutes.me', { name: me.user.name })]]);
    for (const c of colleagues.data?.items ?? []) if (!names.has(c.id)) names.set(c.id, c.name);
    return [...names].map(([value, label]) => ({ value, label }));
  }, [colleagues.data, me.user.id, me.user.name, t]);

  const setTopic = (key: number, patch: Partial<TopicRow>) => setTopics((ts) => ts.map((t) => (t.key === key ? { ...t, ...patch } : t)));
  const setItem = (key: number, patch: Partial<ItemRow>) => setItems((is) => is.map((i) => (i.key === key ? { ...i, ...patch } : i)));

  const save = async () => {
    setError(null);
    const blankTopic = topics.findIndex((t) => !t.title.trim());
    if (blankTopic >= 0) return setError(t('minutes.topicNeedsTitle', { n: blankTopic + 1 }));
    const blankItem = items.findIndex((i) => !i.title.trim());
    if (blankItem >= 0) return setError(t('minutes.itemNeedsTitle', { n: blankItem + 1 }));
    try {
      await update.mutateAsync({
        id: meeting.id,
        version: meeting.version,
        notes: notes.trim() || null,
        topics: topics.map((t) => ({ kind: t.kind, title: t.title.trim(), notes: t.notes.trim() || null, informTeam: t.informTeam })),
        actionItems: items.map((i) => ({ title: i.title.trim(), assigneeId: i.assigneeId, dueDate: i.dueDate || null })),
      });
      notifications.show({ color: 'teal', message: items.length ? t('minutes.savedWithItems', { count: items.length }) : t('minutes.saved') });
      onClose();
    } catch (e) {
      setError(e instanceof ApiError && e.code === 'version_conflict' ? t('minutes.conflict') : readableError(e));
    }
  };

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {meeting.contacts.length > 0
          ? t('minutes.meetingWith', {
              when: formatMeetingTime(meeting.startsAt, meeting.endsAt, meeting.timeZone),
              partner: meeting.partner.name,
              names: meeting.contacts.map((c) => c.name).join(', '),
            })
          : t('minutes.meeting', { when: formatMeetingTime(meeting.startsAt, meeting.endsAt, meeting.timeZone), partner: meeting.partner.name })}
      </Text>
      {error && (
        <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
          {error}
        </Alert>
      )}
      {meeting.agendaTemplate && (
        <Alert variant="light" color="blue" title={t('minutes.agenda')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {meeting.agendaTemplate}
          </Text>
        </Alert>
      )}
      <Textarea label={t('minutes.notes')} autosize minRows={3} maxRows={10} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} data-autofocus />

      <Title order={3} size="h5">
        {t('minutes.topics')}
      </Title>
      {topics.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('minutes.noTopics')}
        </Text>
      )}
      {topics.map((topic, i) => (
        <Fieldset key={topic.key} legend={t('minutes.topic', { n: i + 1 })} variant="filled">
          <Stack gap="xs">
            <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
              <Select
                label={t('minutes.kind')}
                allowDeselect={false}
                data={kindOptions()}
                value={topic.kind}
                onChange={(v) => setTopic(topic.key, { kind: (v ?? 'topic') as TopicKind })}
              />
              <TextInput
                label={t('minutes.topicTitle')}
                required
                style={{ gridColumn: 'span 2' }}
                value={topic.title}
                onChange={(e) => setTopic(topic.key, { title: e.currentTarget.value })}
              />
            </SimpleGrid>
            <Textarea label={t('minutes.details')} autosize minRows={1} maxRows={5} value={topic.notes} onChange={(e) => setTopic(topic.key, { notes: e.currentTarget.value })} />
            <Group justify="space-between">
              <Checkbox
                label={t('minutes.informTeam')}
                description={t('minutes.informTeamDescription')}
                checked={topic.informTeam}
                onChange={(e) => setTopic(topic.key, { informTeam: e.currentTarget.checked })}
              />
              <ActionIcon variant="subtle" color="red" aria-label={t('minutes.removeTopic', { n: i + 1 })} onClick={() => setTopics((ts) => ts.filter((x) => x.key !== topic.key))}>
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          </Stack>
        </Fieldset>
      ))}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => setTopics((ts) => [...ts, { key: ++seq, kind: 'topic', title: '', notes: '', informTeam: false }])}
        >
          {t('minutes.addTopic')}
        </Button>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => setTopics((ts) => [...ts, { key: ++seq, kind: 'decision', title: '', notes: '', informTeam: false }])}
        >
          {t('minutes.addDecision')}
        </Button>
      </Group>

      <Title order={3} size="h5">
        {t('minutes.actionItems')}
      </Title>
      {meeting.actionItems.length > 0 && (
        <List size="sm" spacing={4} aria-label={t('minutes.recorded')}>
          {meeting.actionItems.map((a) => (
            <List.Item key={a.id}>
              {a.dueDate
                ? t('minutes.recordedItemDue', { title: a.title, assignee: a.assignee?.name ?? t('minutes.unassigned'), due: formatDay(a.dueDate) })
                : t('minutes.recordedItem', { title: a.title, assignee: a.assignee?.name ?? t('minutes.unassigned') })}{' '}
              <Badge size="xs" variant="light" color={a.status === 'done' ? 'teal' : 'gray'}>
                {t(`tasks:status.${a.status}`)}
              </Badge>
            </List.Item>
          ))}
        </List>
      )}
      {items.map((item, i) => (
        <Fieldset key={item.key} legend={t('minutes.newItem', { n: i + 1 })} variant="filled">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
            <TextInput label={t('minutes.what')} required value={item.title} onChange={(e) => setItem(item.key, { title: e.currentTarget.value })} />
            <Select
              label={t('minutes.assignee')}
              searchable
              clearable
              data={people}
              value={item.assigneeId}
              onChange={(v) => setItem(item.key, { assigneeId: v })}
              nothingFoundMessage={t('form.noColleagueMatches')}
            />
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <TextInput
                label={t('minutes.dueDate')}
                type="date"
                style={{ flex: 1 }}
                value={item.dueDate}
                onChange={(e) => setItem(item.key, { dueDate: e.currentTarget.value })}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={t('minutes.removeItem', { n: i + 1 })}
                onClick={() => setItems((is) => is.filter((x) => x.key !== item.key))}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          </SimpleGrid>
        </Fieldset>
      ))}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => setItems((is) => [...is, { key: ++seq, title: '', assigneeId: me.user.id, dueDate: todayIn() }])}
        >
          {t('minutes.addItem')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {t('minutes.savingNote')}
      </Text>
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          {t('common:action.cancel')}
        </Button>
        <Button onClick={() => void save()} loading={update.isPending}>
          {t('minutes.save')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The minutes of one meeting: notes, topics and decisions (some for the whole team), action items. */
export function MinutesModal({ meetingId, onClose }: { meetingId: string | null; onClose: () => void }) {
  const { t } = useTranslation('meetings');
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const meeting = useQuery({ ...meetingQuery(meetingId ?? ''), enabled: meetingId !== null });
  return (
    <Modal
      opened={meetingId !== null}
      onClose={onClose}
      title={meeting.data ? t('minutes.titleOf', { title: meeting.data.title }) : t('minutes.title')}
      size="xl"
      fullScreen={isPhone}
    >
      {/* Mounted only while open: the editor starts from the stored minutes each time the dialog opens. */}
      {meetingId === null ? null : meeting.isPending ? (
        <LoadingState />
      ) : meeting.isError ? (
        <ErrorState error={meeting.error} onRetry={() => void meeting.refetch()} />
      ) : (
        <Editor key={`${meeting.data.id}-${meeting.data.version}`} meeting={meeting.data} onClose={onClose} />
      )}
    </Modal>
  );
}
