import { useState } from 'react';
import { Alert, Button, Group, Modal, NumberInput, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RiskCriterion } from '../../../shared/schemas/risk.js';
import { errorMessage, isApiError } from '../../api.js';
import { useSaveCriterion } from './queries.js';

/** Adds a criterion (criterion undefined) or edits one; drafts already started keep the old name and weight. */
export function CriterionModal({ criterion, opened, onClose }: { criterion?: RiskCriterion; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('risk');
  return (
    <Modal opened={opened} onClose={onClose} title={criterion ? t('criterion.edit', { name: criterion.name }) : t('criterion.new')} centered size="lg">
      {opened && <Form key={criterion?.id ?? 'new'} criterion={criterion} onClose={onClose} />}
    </Modal>
  );
}

function Form({ criterion, onClose }: { criterion?: RiskCriterion; onClose: () => void }) {
  const { t } = useTranslation(['risk', 'common']);
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
      <TextInput label={t('criterion.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldErrors.name} />
      <NumberInput
        label={t('criterion.weight')}
        description={t('criterion.weightHint')}
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
        label={t('criterion.guidance')}
        description={t('criterion.guidanceHint')}
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
      {criterion && <Alert variant="light">{t('criterion.keepNote')}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common:action.cancel')}
        </Button>
        <Button onClick={submit} disabled={!name.trim()} loading={save.isPending}>
          {criterion ? t('common:action.save') : t('criterion.add')}
        </Button>
      </Group>
    </Stack>
  );
}
