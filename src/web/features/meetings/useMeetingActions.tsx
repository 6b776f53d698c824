import { useState } from 'react';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../shared/schemas/meeting.js';
import { errorMessage } from '../../api.js';
import type { MeetingActions } from './MeetingRow.js';
import { MinutesModal } from './MinutesModal.js';
import { MoveMeetingModal } from './MoveMeetingModal.js';
import { meetingIcsUrl, useOccurrenceAction } from './queries.js';

/**
 * What can be done with a meeting in a list, and the dialogs for it. An occurrence of a series that was
 * never touched has no id yet: writing its minutes or downloading it stores it first.
 */
export function useMeetingActions(canEdit: boolean) {
  const { t } = useTranslation('meetings');
  const act = useOccurrenceAction();
  const [minutesId, setMinutesId] = useState<string | null>(null);
  const [moving, setMoving] = useState<Meeting | null>(null);

  const stored = async (m: Meeting): Promise<string | null> => {
    if (m.id) return m.id;
    if (!canEdit || !m.seriesId || !m.originalStart) return null;
    return (await act.mutateAsync({ seriesId: m.seriesId, originalStart: m.originalStart, action: 'open' })).id;
  };
  const run = (what: () => Promise<unknown>) => () => void what().catch((e: unknown) => notifications.show({ color: 'red', title: t('failed'), message: errorMessage(e) }));

  const actions: MeetingActions = {
    onMinutes: (m) =>
      run(async () => {
        const id = await stored(m);
        if (id) setMinutesId(id);
      })(),
    onMove: (m) => setMoving(m),
    onSkip: (m) =>
      run(async () => {
        await act.mutateAsync({ seriesId: m.seriesId!, originalStart: m.originalStart!, action: 'skip' });
        notifications.show({ color: 'teal', message: t('action.skipped') });
      })(),
    onRestore: (m) =>
      run(async () => {
        await act.mutateAsync({ seriesId: m.seriesId!, originalStart: m.originalStart!, action: 'restore' });
        notifications.show({ color: 'teal', message: t('action.restored') });
      })(),
    onDownload: (m) =>
      run(async () => {
        const id = await stored(m);
        if (id) window.location.assign(meetingIcsUrl(id));
        else notifications.show({ message: t('action.subscribe') });
      })(),
  };

  const dialogs = (
    <>
      <MinutesModal meetingId={minutesId} onClose={() => setMinutesId(null)} />
      <MoveMeetingModal meeting={moving} onClose={() => setMoving(null)} />
    </>
  );
  return { actions, dialogs };
}
