import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Group, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCalendarTime } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_TIME_ZONE, MEETING_PURPOSES, type MeetingPurpose } from '../../../shared/rhythm.js';
import { errorMessage } from '../../api.js';
import { useMe } from '../../components/session.js';
import { i18n } from '../../i18n.js';
import { contactsListQuery } from '../contacts/queries.js';
import { wallToIso } from '../timeline/zone.js';
import { formatMeetingTime } from './format.js';
import { useCreateMeeting } from './queries.js';

const purposeOptions = () => MEETING_PURPOSES.map((p) => ({ value: p, label: i18n.t(`meetings:purpose.${p}`) }));

/** Plans a single meeting (a kickoff, a quarterly get-together) outside any series; times are Zurich time. */
export function OneOffMeetingModal({ partner, opened, onClose }: { partner: { id: string; name: string }; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation(['meetings', 'common']);
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  return (
    <Modal opened={opened} onClose={onClose} title={t('oneOff.title', { partner: partner.name })} size="lg" fullScreen={isPhone}>
      {opened && <OneOffMeetingModalBody partner={partner} onClose={onClose} />}
    </Modal>
  );
}

/** Mounted while the dialog is open, so each opening starts from a blank meeting titled after the partner. */
function OneOffMeetingModalBody({ partner, onClose }: { partner: { id: string; name: string }; onClose: () => void }) {
  const { t } = useTranslation(['meetings', 'common']);
  const me = useMe();
  const create = useCreateMeeting(partner.id);
  const [title, setTitle] = useState(() => t('oneOff.defaultTitle', { partner: partner.name }));
  const [purpose, setPurpose] = useState<MeetingPurpose>('quarterly');
  const [when, setWhen] = useState('');
  const [minutes, setMinutes] = useState<number | string>(90);
  const [location, setLocation] = useState('');
  const [contactIds, setContactIds] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  const contacts = useQuery({ ...contactsListQuery({ partnerId: partner.id, status: 'current', archived: 'false', sort: 'name', page: 1, pageSize: 100 }) });
  const contactOptions = (contacts.data?.items ?? []).map((c) => ({ value: c.id, label: c.title ? `${c.fullName} (${c.title})` : c.fullName }));

  const save = async () => {
    setError(null);
    if (!title.trim()) return setError(t('oneOff.needsTitle'));
    const startsAt = when ? wallToIso(when, DEFAULT_TIME_ZONE) : null;
    if (!startsAt) return setError(t('oneOff.needsWhen'));
    const duration = Number(minutes);
    if (!(duration >= 5 && duration <= 1440)) return setError(t('form.durationInvalid'));
    const endsAt = new Date(new Date(startsAt).getTime() + duration * 60_000).toISOString();
    try {
      await create.mutateAsync({ title: title.trim(), purpose, startsAt, endsAt, location: location.trim() || null, userIds: [me.user.id], contactIds });
      notifications.show({ color: 'teal', message: t('oneOff.planned', { when: formatMeetingTime(startsAt, endsAt) }) });
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Stack gap="md">
      {error && (
        <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
          {error}
        </Alert>
      )}
      <TextInput label={t('form.title')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} data-autofocus />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        <Select label={t('form.purpose')} allowDeselect={false} data={purposeOptions()} value={purpose} onChange={(v) => setPurpose((v ?? 'other') as MeetingPurpose)} />
        <TextInput
          type="datetime-local"
          label={t('oneOff.when')}
          description={t('oneOff.whenDescription')}
          required
          leftSection={<IconCalendarTime size={16} aria-hidden />}
          value={when}
          onChange={(e) => setWhen(e.currentTarget.value)}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        <NumberInput label={t('form.durationMinutes')} min={5} max={1440} step={15} value={minutes} onChange={setMinutes} />
        <TextInput label={t('form.location')} placeholder={t('form.locationPlaceholder')} value={location} onChange={(e) => setLocation(e.currentTarget.value)} />
      </SimpleGrid>
      <MultiSelect label={t('form.theirContacts')} searchable data={contactOptions} value={contactIds} onChange={setContactIds} nothingFoundMessage={t('form.noContactMatches')} />
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          {t('common:action.cancel')}
        </Button>
        <Button onClick={() => void save()} loading={create.isPending}>
          {t('oneOff.plan')}
        </Button>
      </Group>
    </Stack>
  );
}
