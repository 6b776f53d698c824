import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { errorMessage } from '../../api.js';
import { formatDay } from '../onboarding/format.js';
import { useServiceChange } from './queries.js';

/** Records that the partner's service changed: the risk review falls due today. */
export function ServiceChangeModal({ partnerId, partnerName, opened, onClose }: { partnerId: string; partnerName: string; opened: boolean; onClose: () => void }) {
  const [note, setNote] = useState('');
  const change = useServiceChange(partnerId);
  const submit = () =>
    change.mutate(note.trim(), {
      onSuccess: (r) => {
        notifications.show({ color: 'orange', message: `A risk review of ${partnerName} is due ${formatDay(r.riskReviewDueOn)}.` });
        setNote('');
        onClose();
      },
    });
  return (
    <Modal opened={opened} onClose={onClose} title="Service changed" centered>
      <Stack gap="md">
        <Text size="sm">
          When {partnerName} handles new data or services for us, the supplier security policy asks for a new assessment. Recording the change makes a review due today.
        </Text>
        <Textarea
          label="What changed"
          description="For example: now also hosts customer data"
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
            Cancel
          </Button>
          <Button onClick={submit} disabled={!note.trim()} loading={change.isPending}>
            Record change
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
