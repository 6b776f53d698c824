import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { PARTNER_STATUSES, type PartnerStatus } from '../../../shared/partners.js';
import type { Partner } from '../../../shared/schemas/partner.js';
import { WriteErrorAlert } from './ConflictAlert.js';
import { partnerKeys, useUpdatePartner } from './queries.js';

const NOTE_MAX = 500;

/** Moves a partner along its lifecycle; the change is dated and kept with an optional note. */
export function ChangeStatusModal({ partner, opened, onClose }: { partner: Partner; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation(['partners', 'common']);
  return (
    <Modal opened={opened} onClose={onClose} title={t('changeStatus.title', { name: partner.name })}>
      {opened && <ChangeStatusModalBody partner={partner} onClose={onClose} />}
    </Modal>
  );
}

/** Mounted while the dialog is open, so it starts from the partner's current status and no note. */
function ChangeStatusModalBody({ partner, onClose }: { partner: Partner; onClose: () => void }) {
  const { t } = useTranslation(['partners', 'common']);
  const update = useUpdatePartner();
  const qc = useQueryClient();
  const [status, setStatus] = useState<PartnerStatus>(partner.status);
  const [note, setNote] = useState('');

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (status === partner.status) return onClose();
    update.mutate(
      { id: partner.id, version: partner.version, status, statusNote: note.trim() || null },
      {
        onSuccess: (p) => {
          notifications.show({ color: 'teal', message: t('changeStatus.changed', { name: p.name, status: t(`statusInSentence.${p.status}`) }) });
          onClose();
        },
      },
    );
  };

  const reload = () => {
    update.reset();
    void qc.invalidateQueries({ queryKey: partnerKeys.detail(partner.id) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Radio.Group label={t('changeStatus.newStatus')} value={status} onChange={(v) => setStatus(v as PartnerStatus)} required>
          <Stack gap="xs" mt="xs">
            {PARTNER_STATUSES.map((s) => (
              <Radio
                key={s}
                value={s}
                label={
                  <>
                    {t(`status.${s}`)}
                    {s === partner.status && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        {t('changeStatus.now')}
                      </Text>
                    )}
                  </>
                }
                description={t(`statusDescription.${s}`)}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label={t('changeStatus.note')}
          description={t('changeStatus.noteHint')}
          placeholder={t('changeStatus.notePlaceholder')}
          autosize
          minRows={2}
          maxRows={6}
          maxLength={NOTE_MAX}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <WriteErrorAlert error={update.error} onReload={reload} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common:action.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending} disabled={status === partner.status}>
            {t('changeStatus.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
