import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NAME_MAX } from '../../../shared/schemas/common.js';
import { errorMessage } from '../../api.js';

/** The longest reason the opportunity schema takes. */
const REASON_MAX = NAME_MAX * 5;

interface Props {
  /** The deal being moved to a lost stage (null: closed). */
  target: { title: string; stageName: string } | null;
  onConfirm: (reason: string) => void;
  onClose: () => void;
  loading?: boolean;
  error?: unknown;
}

/** Asks why a deal was lost before it moves to a lost stage: the reason is required and kept with the deal. */
export function LostReasonModal({ target, onConfirm, onClose, loading, error }: Props) {
  const { t } = useTranslation('deals');
  // The body is mounted only while the dialog is open: each opening starts with an empty reason.
  return (
    <Modal opened={target !== null} onClose={onClose} title={t('lost.title', { title: target?.title ?? '' })} data-testid="lost-reason-modal">
      {target ? <LostReasonBody stageName={target.stageName} onConfirm={onConfirm} onClose={onClose} loading={loading} error={error} /> : null}
    </Modal>
  );
}

function LostReasonBody({ stageName, onConfirm, onClose, loading, error }: Omit<Props, 'target'> & { stageName: string }) {
  const { t } = useTranslation(['deals', 'common']);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return setMissing(true);
    onConfirm(reason.trim());
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Textarea
          label={t('lost.reason')}
          description={t('lost.reasonHint')}
          required
          data-autofocus
          autosize
          minRows={3}
          maxLength={REASON_MAX}
          value={reason}
          error={missing ? t('lost.reasonMissing') : undefined}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setMissing(false);
          }}
        />
        {error ? (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(error)}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common:action.cancel')}
          </Button>
          <Button type="submit" color="red" loading={loading}>
            {t('lost.confirm', { stage: stageName })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
