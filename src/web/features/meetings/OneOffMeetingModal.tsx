import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Group, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCalendarTime } from '@tabler/icons-react';
import { DEFAULT_TIME_ZONE, MEETING_PURPOSE_LABELS, MEETING_PURPOSES, type MeetingPurpose } from '../../../shared/rhythm.js';
import { errorMessage } from '../../api.js';
import { useMe } from '../../components/session.js';
import { contactsListQuery } from '../contacts/queries.js';
import { wallToIso } from '../timeline/zone.js';
import { formatMeetingTime } from './format.js';
import { useCreateMeeting } from './queries.js';

const PURPOSE_OPTIONS = MEETING_PURPOSES.map((p) => ({ value: p, label: MEETING_PURPOSE_LABELS[p] }));

/** Plans a single meeting (a kickoff, a quarterly get-together) outside any series; times are Zurich time. */
export function OneOffMeetingModal({ partner, opened, onClose }: { partner: { id: string; name: string }; opened: boolean; onClose: () => void }) {
  const me = useMe();
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const create = useCreateMeeting(partner.id);
  const [title, setTitle] = useState('');
  const [purpose, setPurpose] = useState<MeetingPurpose>('quarterly');
  const [when, setWhen] = useState('');
  const [minutes, setMinutes] = useState<number | string>(90);
  const [location, setLocation] = useState('');
  const [contactIds, setContactIds] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!opened) return;
    setTitle(`Quarterly get-together with ${partner.name}`);
    setPurpose('quarterly');
    setWhen('');
    setMinutes(90);
    setLocation('');
    setContactIds([]);
    setError(null);
  }, [opened]);

  const contacts = useQuery({ ...contactsListQuery({ partnerId: partner.id, status: 'current', archived: 'false', sort: 'name', page: 1, pageSize: 100 }), enabled: opened });
  const contactOptions = (contacts.data?.items ?? []).map((c) => ({ value: c.id, label: c.title ? `${c.fullName} (${c.title})` : c.fullName }));

  const save = async () => {
    setError(null);
    if (!title.trim()) return setError('Give the meeting a title.');
    const startsAt = when ? wallToIso(when, DEFAULT_TIME_ZONE) : null;
    if (!startsAt) return setError('Choose the date and time.');
    const duration = Number(minutes);
    if (!(duration >= 5 && duration <= 1440)) return setError('The duration must be from 5 to 1440 minutes.');
    const endsAt = new Date(new Date(startsAt).getTime() + duration * 60_000).toISOString();
    try {
      await create.mutateAsync({ title: title.trim(), purpose, startsAt, endsAt, location: location.trim() || null, userIds: [me.user.id], contactIds });
      notifications.show({ color: 'teal', message: `Planned for ${formatMeetingTime(startsAt, endsAt)}.` });
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={`Plan a meeting with ${partner.name}`} size="lg" fullScreen={isPhone}>
      <Stack gap="md">
        {error && (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
            {error}
          </Alert>
        )}
        <TextInput label="Title" required value={title} onChange={(e) => setTitle(e.currentTarget.value)} data-autofocus />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <Select label="Purpose" allowDeselect={false} data={PURPOSE_OPTIONS} value={purpose} onChange={(v) => setPurpose((v ?? 'other') as MeetingPurpose)} />
          <TextInput
            type="datetime-local"
            label="Date and time"
            description="Zurich time"
            required
            leftSection={<IconCalendarTime size={16} aria-hidden />}
            value={when}
            onChange={(e) => setWhen(e.currentTarget.value)}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <NumberInput label="Duration (minutes)" min={5} max={1440} step={15} value={minutes} onChange={setMinutes} />
          <TextInput label="Location" placeholder="Room, address or video link" value={location} onChange={(e) => setLocation(e.currentTarget.value)} />
        </SimpleGrid>
        <MultiSelect label="Their contacts" searchable data={contactOptions} value={contactIds} onChange={setContactIds} nothingFoundMessage="No current contact matches" />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void save()} loading={create.isPending}>
            Plan meeting
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
