import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api.js';
import { formatDay } from '../onboarding/format.js';
import { useServiceChange } from './queries.js';

/** Records that the partner's service changed: the risk review falls due today. */
export function ServiceChangeModal({ partnerId, partnerName, opened, onClose }: { partnerId: string; partnerName: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation(['risk', 'common']);
  const [note, setNote] = useState('');
  const change = useServiceChange(partnerId);
  const submit = () =>
    change.mutate(note.trim(), {
      onSuccess: (r) => {
        notifications.show({ color: 'orange', message: t('serviceChange.due', { name: partnerName, date: formatDay(r.riskReviewDueOn) }) });
        setNote('');
        onClose();
      },
    });
  return (
    <Modal opened={opened} onClose={onClose} title={t('serviceChange.title')} centered>
      <Stack gap="md">
        <Text size="sm">{t('serviceChange.text', { name: partnerName })}</Text>
        <Textarea
          label={t('serviceChange.what')}
          description={t('serviceChange.whatHint')}
          required
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        {change.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(change.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:action.cancel')}
          </Button>
          <Button onClick={submit} disabled={!note.trim()} loading={change.isPending}>
            {t('serviceChange.record')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
