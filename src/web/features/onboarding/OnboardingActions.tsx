import { useEffect, useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Onboarding } from '../../../shared/schemas/onboarding.js';
import { errorMessage, isApiError } from '../../api.js';
import { useCancelOnboarding, useCompleteOnboarding } from './queries.js';

const staleMessage = 'The onboarding changed in the meantime (a step was done, or someone else acted). Close this dialog to see it as it is now.';

/**
 * The Partner Manager's override (complete with a reason) or cancelling an onboarding: one dialog
 * with a reason field, since both are decisions the history should explain.
 */
export function OnboardingActionModal({
  kind,
  onboarding,
  partnerId,
  onClose,
}: {
  kind: 'complete' | 'cancel' | null;
  onboarding: Onboarding;
  partnerId: string;
  onClose: () => void;
}) {
  const complete = useCompleteOnboarding(partnerId);
  const cancel = useCancelOnboarding(partnerId);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const mutation = kind === 'cancel' ? cancel : complete;
  const open = onboarding.progress.total - onboarding.progress.done;

  useEffect(() => {
    if (kind) {
      setReason('');
      setError(null);
      complete.reset();
      cancel.reset();
    }
  }, [kind]);

  const submit = () => {
    if (kind === 'complete' && !reason.trim()) {
      setError('Reason is required: say why the partner is active before every step is done.');
      return;
    }
    const body = { reason: reason.trim() || undefined, version: onboarding.version };
    const done = {
      onSuccess: () => {
        notifications.show({
          color: 'teal',
          message: kind === 'cancel' ? 'The onboarding is cancelled; its open steps are cancelled too.' : 'The onboarding is complete and the partner is active.',
        });
        onClose();
      },
      onError: (e: unknown) => setError(isApiError(e, 409) && e.code === 'version_conflict' ? staleMessage : errorMessage(e)),
    };
    if (kind === 'cancel') cancel.mutate({ id: onboarding.id, body }, done);
    else complete.mutate({ id: onboarding.id, body: { reason: reason.trim(), version: onboarding.version } }, done);
  };

  return (
    <Modal opened={kind !== null} onClose={onClose} title={kind === 'cancel' ? 'Cancel this onboarding?' : 'Complete the onboarding now?'} centered>
      <Stack gap="md">
        <Text size="sm">
          {kind === 'cancel'
            ? `Its ${open === 1 ? 'open step is' : `${open} open steps are`} cancelled. The partner keeps its status; you can start another onboarding afterwards.`
            : `The partner becomes active although ${open === 1 ? 'one step is' : `${open} steps are`} not done. Those steps stay open as tasks for their owners.`}
        </Text>
        <Textarea
          label="Reason"
          required={kind === 'complete'}
          description={kind === 'complete' ? 'Kept in the partner’s status history.' : 'Optional; kept in the history.'}
          autosize
          minRows={2}
          maxRows={5}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          data-autofocus
        />
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={mutation.isPending}>
            Back
          </Button>
          <Button color={kind === 'cancel' ? 'red' : undefined} onClick={submit} loading={mutation.isPending}>
            {kind === 'cancel' ? 'Cancel onboarding' : 'Complete and make active'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
