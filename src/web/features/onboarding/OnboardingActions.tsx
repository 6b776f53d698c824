import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Onboarding } from '../../../shared/schemas/onboarding.js';
import { errorMessage, isApiError } from '../../api.js';
import { useCancelOnboarding, useCompleteOnboarding } from './queries.js';

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
  const { t } = useTranslation(['onboarding', 'common']);
  return (
    <Modal opened={kind !== null} onClose={onClose} title={kind === 'cancel' ? t('action.cancelTitle') : t('action.completeTitle')} centered>
      {kind && <OnboardingActionModalBody key={kind} kind={kind} onboarding={onboarding} partnerId={partnerId} onClose={onClose} />}
    </Modal>
  );
}

/** Mounted while the dialog is open (and again for the other action), so the reason starts empty. */
function OnboardingActionModalBody({ kind, onboarding, partnerId, onClose }: { kind: 'complete' | 'cancel'; onboarding: Onboarding; partnerId: string; onClose: () => void }) {
  const { t } = useTranslation(['onboarding', 'common']);
  const complete = useCompleteOnboarding(partnerId);
  const cancel = useCancelOnboarding(partnerId);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const mutation = kind === 'cancel' ? cancel : complete;
  const open = onboarding.progress.total - onboarding.progress.done;

  const submit = () => {
    if (kind === 'complete' && !reason.trim()) {
      setError(t('action.reasonRequired'));
      return;
    }
    const body = { reason: reason.trim() || undefined, version: onboarding.version };
    const done = {
      onSuccess: () => {
        notifications.show({
          color: 'teal',
          message: kind === 'cancel' ? t('action.cancelled') : t('action.completed'),
        });
        onClose();
      },
      onError: (e: unknown) => setError(isApiError(e, 409) && e.code === 'version_conflict' ? t('action.stale') : errorMessage(e)),
    };
    if (kind === 'cancel') cancel.mutate({ id: onboarding.id, body }, done);
    else complete.mutate({ id: onboarding.id, body: { reason: reason.trim(), version: onboarding.version } }, done);
  };

  return (
    <Stack gap="md">
      <Text size="sm">{kind === 'cancel' ? t('action.cancelText', { count: open }) : t('action.completeText', { count: open })}</Text>
      <Textarea
        label={t('action.reason')}
        required={kind === 'complete'}
        description={kind === 'complete' ? t('action.reasonHintComplete') : t('action.reasonHintCancel')}
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
          {t('common:action.back')}
        </Button>
        <Button color={kind === 'cancel' ? 'red' : undefined} onClick={submit} loading={mutation.isPending}>
          {kind === 'cancel' ? t('action.cancel') : t('action.complete')}
        </Button>
      </Group>
    </Stack>
  );
}
