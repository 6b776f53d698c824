import { useEffect, useState } from 'react';
import { Alert, Button, Group, List, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ContactSummary } from '../../../shared/schemas/contact.js';
import { errorMessage } from '../../api.js';
import { useMergeContacts } from './queries.js';

/**
 * Merges a duplicate INTO the contact being looked at: the one chosen here disappears (archived,
 * pointing at the survivor) and everything linked to it moves over.
 */
export function MergeContactModal({ survivor, candidates, onClose }: { survivor: ContactSummary | null; candidates: ContactSummary[]; onClose: () => void }) {
  const merge = useMergeContacts();
  const [duplicateId, setDuplicateId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setDuplicateId(null);
    setError(null);
    merge.reset();
  }, [survivor?.id]);

  const options = candidates
    .filter((c) => survivor && c.id !== survivor.id && !c.archivedAt)
    .map((c) => ({ value: c.id, label: `${c.fullName}${c.email ? ` · ${c.email}` : ''}${c.hasLeft ? ' (left)' : ''}` }));
  const duplicate = candidates.find((c) => c.id === duplicateId);

  const confirm = () => {
    if (!survivor) return;
    if (!duplicateId) return setError('Choose the duplicate to merge');
    merge.mutate(
      { survivor, duplicateId },
      {
        onSuccess: (c) => {
          notifications.show({ color: 'teal', message: `${duplicate?.fullName ?? 'The duplicate'} is merged into ${c.fullName}.` });
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened={survivor !== null} onClose={onClose} title={survivor ? `Merge a duplicate into ${survivor.fullName}` : 'Merge contacts'} size="lg">
      <Stack gap="md">
        <Select
          label="Duplicate to merge"
          description={`The same person entered twice at this partner. ${survivor?.fullName ?? 'This contact'} is kept.`}
          placeholder={options.length ? 'Choose a contact' : 'No other contact at this partner'}
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
        {survivor && (
          <Text size="sm" component="div">
            When you merge:
            <List size="sm" mt={4} spacing={2}>
              <List.Item>
                every timeline entry that names {duplicate?.fullName ?? 'the duplicate'} names {survivor.fullName} instead;
              </List.Item>
              <List.Item>fields {survivor.fullName} has left empty (title, role, e-mail, phone…) are filled from the duplicate;</List.Item>
              <List.Item>the duplicate is archived with a note that it was merged. This cannot be undone.</List.Item>
            </List>
          </Text>
        )}
        {merge.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(merge.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={merge.isPending}>
            Cancel
          </Button>
          <Button color="red" onClick={confirm} loading={merge.isPending} disabled={!options.length}>
            Merge
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
