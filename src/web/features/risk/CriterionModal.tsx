import { useState } from 'react';
import { Alert, Button, Group, Modal, NumberInput, Stack, TextInput, Textarea } from '@mantine/core';
import type { RiskCriterion } from '../../../shared/schemas/risk.js';
import { errorMessage, isApiError } from '../../api.js';
import { useSaveCriterion } from './queries.js';

/** Adds a criterion (criterion undefined) or edits one; drafts already started keep the old name and weight. */
export function CriterionModal({ criterion, opened, onClose }: { criterion?: RiskCriterion; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={criterion ? `Edit ${criterion.name}` : 'New criterion'} centered size="lg">
      {opened && <Form key={criterion?.id ?? 'new'} criterion={criterion} onClose={onClose} />}
    </Modal>
  );
}

function Form({ criterion, onClose }: { criterion?: RiskCriterion; onClose: () => void }) {
  const [name, setName] = useState(criterion?.name ?? '');
  const [weight, setWeight] = useState<number | string>(criterion?.weight ?? 5);
  const [description, setDescription] = useState(criterion?.description ?? '');
  const save = useSaveCriterion();
  const fieldErrors = isApiError(save.error) ? save.error.fieldErrors : {};
  const submit = () => {
    const fields = { name: name.trim(), weight: Number(weight), description: description.trim() || null };
    save.mutate({ id: criterion?.id, body: criterion ? { ...fields, version: criterion.version } : fields }, { onSuccess: onClose });
  };
  return (
    <Stack gap="md">
      <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldErrors.name} />
      <NumberInput
        label="Weight"
        description="1 (minor) to 10 (decisive)"
        required
        min={1}
        max={10}
        allowDecimal={false}
        value={weight}
        onChange={setWeight}
        error={fieldErrors.weight}
        w={200}
      />
      <Textarea
        label="Guidance"
        description="What a score of 0 and of 3 mean, e.g. “0: no access to our data · 3: accesses confidential data”"
        autosize
        minRows={2}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        error={fieldErrors.description}
      />
      {save.isError && !Object.keys(fieldErrors).length && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(save.error)}
        </Alert>
      )}
      {criterion && <Alert variant="light">Drafts already started keep the name and weight they started with; approved assessments never change.</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button onClick={submit} disabled={!name.trim()} loading={save.isPending}>
          {criterion ? 'Save' : 'Add criterion'}
        </Button>
      </Group>
    </Stack>
  );
}
