import { useState } from 'react';
import { Alert, Button, Group, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCalendarTime } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../shared/schemas/meeting.js';
import { api, errorMessage } from '../../api.js';
import { isoToWall, wallToIso } from '../timeline/zone.js';
import { formatMeetingTime } from './format.js';
import { useOccurrenceAction, useUpdateMeeting } from './queries.js';

/** Gives one meeting a new time; for a series only that occurrence moves. */
export function MoveMeetingModal({ meeting, onClose }: { meeting: Meeting | null; onClose: () => void }) {
  const { t } = useTranslation(['meetings', 'common']);
  return (
    <Modal opened={meeting !== null} onClose={onClose} title={t('move.title')}>
      {meeting && <MoveMeetingModalBody key={`${meeting.id}-${meeting.originalStart}-${meeting.startsAt}`} meeting={meeting} onClose={onClose} />}
    </Modal>
  );
}

/** Mounted while the dialog is open (and again for another meeting or time): it starts from the meeting's time and length. */
function MoveMeetingModalBody({ meeting, onClose }: { meeting: Meeting; onClose: () => void }) {
  const { t } = useTranslation(['meetings', 'common']);
  const act = useOccurrenceAction();
  const update = useUpdateMeeting();
  const [when, setWhen] = useState(() => isoToWall(meeting.startsAt, meeting.timeZone).slice(0, 16).replace(' ', 'T'));
  const [minutes, setMinutes] = useState<number | string>(() => Math.round((new Date(meeting.endsAt).getTime() - new Date(meeting.startsAt).getTime()) / 60_000));
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    const startsAt = when ? wallToIso(when, meeting.timeZone) : null;
    if (!startsAt) return setError(t('move.needsWhen'));
    const duration = Number(minutes);
    if (!(duration >= 5 && duration <= 1440)) return setError(t('form.durationInvalid'));
    const endsAt = new Date(new Date(startsAt).getTime() + duration * 60_000).toISOString();
    try {
      if (meeting.seriesId && meeting.originalStart) await act.mutateAsync({ seriesId: meeting.seriesId, originalStart: meeting.originalStart, action: 'move', startsAt, endsAt });
      else if (meeting.id) {
        // A one-off: its version comes with the detail; the list has none, so read it first.
        const detail = await api.get<{ version: number }>(`/api/meetings/${encodeURIComponent(meeting.id)}`);
        await update.mutateAsync({ id: meeting.id, version: detail.version, startsAt, endsAt });
      }
      notifications.show({ color: 'teal', message: t('move.moved', { when: formatMeetingTime(startsAt, endsAt, meeting.timeZone) }) });
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Stack gap="md">
      <Text size="sm">{t('move.now', { title: meeting.title, when: formatMeetingTime(meeting.startsAt, meeting.endsAt, meeting.timeZone) })}</Text>
      {error && (
        <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
          {error}
        </Alert>
      )}
      <TextInput
        type="datetime-local"
        label={t('move.when')}
        description={t('move.whenDescription', { zone: meeting.timeZone.replace(/_/g, ' ') })}
        required
        leftSection={<IconCalendarTime size={16} aria-hidden />}
        value={when}
        onChange={(e) => setWhen(e.currentTarget.value)}
      />
      <NumberInput label={t('form.durationMinutes')} min={5} max={1440} step={15} value={minutes} onChange={setMinutes} />
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          {t('common:action.cancel')}
        </Button>
        <Button onClick={() => void save()} loading={act.isPending || update.isPending}>
          {t('move.move')}
        </Button>
      </Group>
    </Stack>
  );
}
