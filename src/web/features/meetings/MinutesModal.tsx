import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ActionIcon, Alert, Badge, Button, Checkbox, Fieldset, Group, List, Modal, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import type { TopicKind } from '../../../shared/rhythm.js';
import type { MeetingDetail } from '../../../shared/schemas/meeting.js';
import { ApiError, errorMessage } from '../../api.js';
import { useMe } from '../../components/session.js';
import { ErrorState, LoadingState } from '../../components/states.js';
import { colleaguesQuery } from '../team/queries.js';
import { formatMeetingTime, todayIn } from './format.js';
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
const KIND_OPTIONS = [
  { value: 'topic', label: 'Topic' },
  { value: 'decision', label: 'Decision' },
];

/** "body.actionItems.1.assigneeId: …" → "Action item 2, assignee: …". */
function readableError(e: unknown): string {
  if (!(e instanceof ApiError) || !e.problem.errors?.length) return errorMessage(e);
  return e.problem.errors
    .map((f) => {
      const m = /^body\.(topics|actionItems)\.(\d+)\.(\w+)$/.exec(f.path);
      if (!m) return `${f.path.replace(/^body\./, '')}: ${f.message}`;
      return `${m[1] === 'topics' ? 'Topic' : 'Action item'} ${Number(m[2]) + 1}, ${m[3] === 'assigneeId' ? 'assignee' : m[3]}: ${f.message}`;
    })
    .join(' ');
}

function Editor({ meeting, onClose }: { meeting: MeetingDetail; onClose: () => void }) {
  const me = useMe();
  const update = useUpdateMeeting();
  const [notes, setNotes] = useState(meeting.notes ?? '');
  const [topics, setTopics] = useState<TopicRow[]>(() => meeting.topics.map((t) => ({ key: ++seq, kind: t.kind, title: t.title, notes: t.notes ?? '', informTeam: t.informTeam })));
  const [items, setItems] = useState<ItemRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  const colleagues = useQuery(colleaguesQuery({ page: 1, pageSize: 100, sort: 'name' }));
  const people = useMemo(() => {
    const names = new Map<string, string>([[me.user.id, `${me.user.name} (me)`]]);
    for (const c of colleagues.data?.items ?? []) if (!names.has(c.id)) names.set(c.id, c.name);
    return [...names].map(([value, label]) => ({ value, label }));
  }, [colleagues.data]);

  const setTopic = (key: number, patch: Partial<TopicRow>) => setTopics((ts) => ts.map((t) => (t.key === key ? { ...t, ...patch } : t)));
  const setItem = (key: number, patch: Partial<ItemRow>) => setItems((is) => is.map((i) => (i.key === key ? { ...i, ...patch } : i)));

  const save = async () => {
    setError(null);
    const blankTopic = topics.findIndex((t) => !t.title.trim());
    if (blankTopic >= 0) return setError(`Topic ${blankTopic + 1} needs a title (or remove it).`);
    const blankItem = items.findIndex((i) => !i.title.trim());
    if (blankItem >= 0) return setError(`Action item ${blankItem + 1} needs a title (or remove it).`);
    try {
      await update.mutateAsync({
        id: meeting.id,
        version: meeting.version,
        notes: notes.trim() || null,
        topics: topics.map((t) => ({ kind: t.kind, title: t.title.trim(), notes: t.notes.trim() || null, informTeam: t.informTeam })),
        actionItems: items.map((i) => ({ title: i.title.trim(), assigneeId: i.assigneeId, dueDate: i.dueDate || null })),
      });
      notifications.show({ color: 'teal', message: `Minutes saved${items.length ? `; ${items.length} action item${items.length === 1 ? '' : 's'} added as tasks` : ''}.` });
      onClose();
    } catch (e) {
      setError(
        e instanceof ApiError && e.code === 'version_conflict'
          ? 'Someone else saved these minutes in the meantime. Close and open them again to see their version.'
          : readableError(e),
      );
    }
  };

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {formatMeetingTime(meeting.startsAt, meeting.endsAt, meeting.timeZone)} · {meeting.partner.name}
        {meeting.contacts.length > 0 && ` · with ${meeting.contacts.map((c) => c.name).join(', ')}`}
      </Text>
      {error && (
        <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
          {error}
        </Alert>
      )}
      {meeting.agendaTemplate && (
        <Alert variant="light" color="blue" title="Agenda">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {meeting.agendaTemplate}
          </Text>
        </Alert>
      )}
      <Textarea label="Notes" autosize minRows={3} maxRows={10} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} data-autofocus />

      <Title order={3} size="h5">
        Topics and decisions
      </Title>
      {topics.length === 0 && (
        <Text size="sm" c="dimmed">
          No topics yet. Mark a topic “Inform the team” to put it in the team digest.
        </Text>
      )}
      {topics.map((t, i) => (
        <Fieldset key={t.key} legend={`Topic ${i + 1}`} variant="filled">
          <Stack gap="xs">
            <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
              <Select label="Kind" allowDeselect={false} data={KIND_OPTIONS} value={t.kind} onChange={(v) => setTopic(t.key, { kind: (v ?? 'topic') as TopicKind })} />
              <TextInput label="Title" required style={{ gridColumn: 'span 2' }} value={t.title} onChange={(e) => setTopic(t.key, { title: e.currentTarget.value })} />
            </SimpleGrid>
            <Textarea label="Details" autosize minRows={1} maxRows={5} value={t.notes} onChange={(e) => setTopic(t.key, { notes: e.currentTarget.value })} />
            <Group justify="space-between">
              <Checkbox
                label="Inform the team"
                description="Goes into the weekly team digest"
                checked={t.informTeam}
                onChange={(e) => setTopic(t.key, { informTeam: e.currentTarget.checked })}
              />
              <ActionIcon variant="subtle" color="red" aria-label={`Remove topic ${i + 1}`} onClick={() => setTopics((ts) => ts.filter((x) => x.key !== t.key))}>
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
          Add topic
        </Button>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => setTopics((ts) => [...ts, { key: ++seq, kind: 'decision', title: '', notes: '', informTeam: false }])}
        >
          Add decision
        </Button>
      </Group>

      <Title order={3} size="h5">
        Action items
      </Title>
      {meeting.actionItems.length > 0 && (
        <List size="sm" spacing={4} aria-label="Action items already recorded">
          {meeting.actionItems.map((a) => (
            <List.Item key={a.id}>
              {a.title} — {a.assignee?.name ?? 'unassigned'}
              {a.dueDate && `, due ${a.dueDate}`}{' '}
              <Badge size="xs" variant="light" color={a.status === 'done' ? 'teal' : 'gray'}>
                {a.status.replace('_', ' ')}
              </Badge>
            </List.Item>
          ))}
        </List>
      )}
      {items.map((item, i) => (
        <Fieldset key={item.key} legend={`New action item ${i + 1}`} variant="filled">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
            <TextInput label="What" required value={item.title} onChange={(e) => setItem(item.key, { title: e.currentTarget.value })} />
            <Select
              label="Assignee"
              searchable
              clearable
              data={people}
              value={item.assigneeId}
              onChange={(v) => setItem(item.key, { assigneeId: v })}
              nothingFoundMessage="No colleague matches"
            />
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <TextInput label="Due date" type="date" style={{ flex: 1 }} value={item.dueDate} onChange={(e) => setItem(item.key, { dueDate: e.currentTarget.value })} />
              <ActionIcon variant="subtle" color="red" size="lg" aria-label={`Remove action item ${i + 1}`} onClick={() => setItems((is) => is.filter((x) => x.key !== item.key))}>
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
          Add action item
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        Saving marks the meeting as held, writes it on the partner’s timeline (which resets the contact cadence) and turns new action items into tasks.
      </Text>
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button onClick={() => void save()} loading={update.isPending}>
          Save minutes
        </Button>
      </Group>
    </Stack>
  );
}

/** The minutes of one meeting: notes, topics and decisions (some for the whole team), action items. */
export function MinutesModal({ meetingId, onClose }: { meetingId: string | null; onClose: () => void }) {
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const meeting = useQuery({ ...meetingQuery(meetingId ?? ''), enabled: meetingId !== null });
  // Start from the stored minutes each time the dialog opens.
  const [openedAt, setOpenedAt] = useState(0);
  useEffect(() => setOpenedAt(Date.now()), [meetingId]);
  return (
    <Modal opened={meetingId !== null} onClose={onClose} title={meeting.data ? `Minutes: ${meeting.data.title}` : 'Minutes'} size="xl" fullScreen={isPhone}>
      {meeting.isPending ? (
        <LoadingState />
      ) : meeting.isError ? (
        <ErrorState error={meeting.error} onRetry={() => void meeting.refetch()} />
      ) : (
        <Editor key={`${meeting.data.id}-${meeting.data.version}-${openedAt}`} meeting={meeting.data} onClose={onClose} />
      )}
    </Modal>
  );
}
