import { useState } from 'react';
import { Alert, Button, Group, List, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ContactSummary } from '../../../shared/schemas/contact.js';
import { errorMessage } from '../../api.js';
import { useMergeContacts } from './queries.js';

/**
 * Merges a duplicate INTO the contact being looked at: the one chosen here disappears (archived,
 * pointing at the survivor) and everything linked to it moves over.
 */
export function MergeContactModal({ survivor, candidates, onClose }: { survivor: ContactSummary | null; candidates: ContactSummary[]; onClose: () => void }) {
  const { t } = useTranslation(['contacts', 'common']);
  return (
    <Modal opened={survivor !== null} onClose={onClose} title={survivor ? t('merge.titleNamed', { name: survivor.fullName }) : t('merge.title')} size="lg">
      {survivor && <MergeContactModalBody key={survivor.id} survivor={survivor} candidates={candidates} onClose={onClose} />}
    </Modal>
  );
}

/** Mounted while the dialog is open (and again for another survivor), so nothing is chosen yet. */
function MergeContactModalBody({ survivor, candidates, onClose }: { survivor: ContactSummary; candidates: ContactSummary[]; onClose: () => void }) {
  const { t } = useTranslation(['contacts', 'common']);
  const merge = useMergeContacts();
  const [duplicateId, setDuplicateId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const options = candidates
    .filter((c) => c.id !== survivor.id && !c.archivedAt)
    .map((c) => {
      const label = `${c.fullName}${c.email ? ` · ${c.email}` : ''}`;
      return { value: c.id, label: c.hasLeft ? t('merge.optionLeft', { label }) : label };
    });
  const duplicate = candidates.find((c) => c.id === duplicateId);

  const confirm = () => {
    if (!duplicateId) return setError(t('merge.choose'));
    merge.mutate(
      { survivor, duplicateId },
      {
        onSuccess: (c) => {
          notifications.show({ color: 'teal', message: t('merge.done', { duplicate: duplicate?.fullName ?? t('merge.theDuplicate'), name: c.fullName }) });
          onClose();
        },
      },
    );
  };

  return (
    <Stack gap="md">
      <Select
        label={t('merge.label')}
        description={t('merge.hint', { name: survivor.fullName })}
        placeholder={options.length ? t('merge.placeholder') : t('merge.noOther')}
        data={options}
        value={duplicateId}
        onChange={(v) => {
          setDuplicateId(v);
          setError(null);
        }}
        searchable
        required
        error={error}
        data-autofocus
      />
      <Text size="sm" component="div">
        {t('merge.when')}
        <List size="sm" mt={4} spacing={2}>
          <List.Item>{t('merge.timeline', { duplicate: duplicate?.fullName ?? t('merge.theDuplicateLower'), name: survivor.fullName })}</List.Item>
          <List.Item>{t('merge.fields', { name: survivor.fullName })}</List.Item>
          <List.Item>{t('merge.archived')}</List.Item>
        </List>
      </Text>
      {merge.isError && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(merge.error)}
        </Alert>
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose} disabled={merge.isPending}>
          {t('common:action.cancel')}
        </Button>
        <Button color="red" onClick={confirm} loading={merge.isPending} disabled={!options.length}>
          {t('merge.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
