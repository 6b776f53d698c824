import { useState, type FormEvent } from 'react';
import { ActionIcon, Alert, Button, Card, Group, Modal, NumberInput, Select, Stack, Text, Textarea, TextInput, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { IconAlertCircle, IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import type { PartnerType, TeamRole } from '../../../shared/partners.js';
import { createPlaybookBody, DUE_AFTER_DAYS_MAX, PLAYBOOK_STEPS_MAX, type Playbook } from '../../../shared/schemas/playbook.js';
import { ApiError, errorMessage, isApiError } from '../../api.js';
import { fieldMessage } from '../../components/useSchemaForm.js';
import { i18n, fieldMessage as issueText } from '../../i18n.js';
import { TYPE_OPTIONS } from '../partners/labels.js';
import { TEAM_ROLE_OPTIONS } from '../team/labels.js';
import { useSavePlaybook } from './queries.js';

interface StepDraft {
  key: number;
  title: string;
  description: string;
  ownerRole: TeamRole;
  dueAfterDays: number | string;
}
interface Draft {
  name: string;
  partnerType: PartnerType | null;
  description: string;
  steps: StepDraft[];
}

let nextKey = 1;
const blankStep = (dueAfterDays = 7): StepDraft => ({ key: nextKey++, title: '', description: '', ownerRole: 'owner', dueAfterDays });
const draftOf = (p: Playbook | null): Draft =>
  p
    ? {
        name: p.name,
        partnerType: p.partnerType,
        description: p.description ?? '',
        steps: p.steps.map((s) => ({ key: nextKey++, title: s.title, description: s.description ?? '', ownerRole: s.ownerRole, dueAfterDays: s.dueAfterDays })),
      }
    : { name: '', partnerType: null, description: '', steps: [blankStep()] };

const FIELDS = ['name', 'partnerType', 'description', 'steps', 'title', 'ownerRole', 'dueAfterDays'] as const;
type Field = (typeof FIELDS)[number];
/** `steps.2.title` → its label (in the current language), for the message under the field. */
const labelOf = (path: string) => {
  const field = path.split('.').at(-1) ?? '';
  return (FIELDS as readonly string[]).includes(field) ? i18n.t(`playbooks:form.field.${field as Field}`) : undefined;
};

/** Creates a playbook, or edits one (name, type, description and its ordered steps). */
export function PlaybookFormModal({ opened, playbook, onClose }: { opened: boolean; playbook: Playbook | null; onClose: () => void }) {
  const { t } = useTranslation(['playbooks', 'common']);
  return (
    <Modal opened={opened} onClose={onClose} title={playbook ? t('form.editTitle', { name: playbook.name }) : t('form.newTitle')} size="xl">
      {opened && <PlaybookFormModalBody key={`${playbook?.id}-${playbook?.version}`} playbook={playbook} onClose={onClose} />}
    </Modal>
  );
}

/** Mounted while the dialog is open (and again for another playbook or version), so it starts from the playbook as stored. */
function PlaybookFormModalBody({ playbook, onClose }: { playbook: Playbook | null; onClose: () => void }) {
  const { t } = useTranslation(['playbooks', 'common']);
  const save = useSavePlaybook();
  const [draft, setDraft] = useState<Draft>(() => draftOf(playbook));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const setStep = (i: number, patch: Partial<StepDraft>) => setDraft((d) => ({ ...d, steps: d.steps.map((s, j) => (j === i ? { ...s, ...patch } : s)) }));
  const move = (i: number, by: -1 | 1) =>
    setDraft((d) => {
      const steps = [...d.steps];
      const [s] = steps.splice(i, 1);
      steps.splice(i + by, 0, s!);
      return { ...d, steps };
    });
  const remove = (i: number) => setDraft((d) => ({ ...d, steps: d.steps.filter((_, j) => j !== i) }));
  const add = () => setDraft((d) => ({ ...d, steps: [...d.steps, blankStep(Number(d.steps.at(-1)?.dueAfterDays ?? 0) || 7)] }));

  const body = () => ({
    name: draft.name,
    partnerType: draft.partnerType ?? undefined,
    description: draft.description.trim() || null,
    steps: draft.steps.map((s) => ({
      title: s.title,
      description: s.description.trim() || null,
      ownerRole: s.ownerRole,
      dueAfterDays: typeof s.dueAfterDays === 'number' ? s.dueAfterDays : Number.NaN,
    })),
  });

  const showIssues = (issues: { path: string; message: string }[]) => {
    const found: Record<string, string> = {};
    for (const issue of issues) if (!found[issue.path]) found[issue.path] = fieldMessage(labelOf(issue.path), issue.message);
    setErrors(found);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const parsed = createPlaybookBody.safeParse(body());
    if (!parsed.success) {
      // The schema's messages in the reader's language (the server words its own by Accept-Language).
      showIssues(
        parsed.error.issues.map((i) => ({
          path: i.path.join('.'),
          message: i.path.at(-1) === 'partnerType' && draft.partnerType === null ? issueText({ code: 'custom', message: 'is required' }) : issueText(i),
        })),
      );
      return;
    }
    setErrors({});
    try {
      const saved = await save.mutateAsync({ id: playbook?.id, body: playbook ? { ...parsed.data, version: playbook.version } : parsed.data });
      notifications.show({ color: 'teal', message: playbook ? t('form.saved', { name: saved.name }) : t('form.created', { name: saved.name }) });
      onClose();
    } catch (err) {
      if (isApiError(err, 409) && err.code === 'version_conflict') {
        setFormError(t('form.conflict'));
      } else if (err instanceof ApiError && err.problem.errors?.length) {
        showIssues(err.problem.errors.map((x) => ({ path: x.path.replace(/^body\./, ''), message: x.message })));
        setFormError(err.message);
      } else setFormError(errorMessage(err));
    }
  };

  const err = (path: string) => errors[path];
  const stepsError = err('steps');
  // Read outside the markup: the literal-string lint takes these field names for words.
  const partnerTypeError = err('partnerType');
  const descriptionError = err('description');

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        {formError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
            {formError}
          </Alert>
        )}
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            label={t('form.field.name')}
            required
            data-autofocus
            value={draft.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
            error={err('name')}
            placeholder={t('form.namePlaceholder')}
            miw={220}
          />
          <Select
            label={t('form.field.partnerType')}
            required
            data={TYPE_OPTIONS}
            value={draft.partnerType}
            onChange={(v) => set({ partnerType: (v as PartnerType | null) ?? null })}
            error={partnerTypeError}
            allowDeselect={false}
            miw={200}
          />
        </Group>
        <Textarea
          label={t('form.field.description')}
          description={t('form.descriptionHint')}
          autosize
          minRows={2}
          maxRows={5}
          value={draft.description}
          onChange={(e) => set({ description: e.currentTarget.value })}
          error={descriptionError}
        />

        <Stack gap="xs" component="section" aria-labelledby="playbook-steps-heading">
          <Title order={2} size="h5" id="playbook-steps-heading">
            {t('form.steps')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('form.stepsHint')}
          </Text>
          {stepsError && (
            <Text size="sm" c="red" role="alert">
              {stepsError}
            </Text>
          )}
          {draft.steps.map((s, i) => (
            <Card key={s.key} withBorder padding="sm" radius="md" role="group" aria-label={t('form.step', { n: i + 1 })}>
              <Group justify="space-between" gap="xs" mb={6} wrap="nowrap">
                <Text size="sm" fw={600}>
                  {t('form.step', { n: i + 1 })}
                </Text>
                <Group gap={4} wrap="nowrap">
                  <Tooltip label={t('form.moveUp')}>
                    <ActionIcon variant="subtle" color="gray" aria-label={t('form.moveUpLabel', { n: i + 1 })} disabled={i === 0} onClick={() => move(i, -1)}>
                      <IconArrowUp size={16} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label={t('form.moveDown')}>
                    <ActionIcon variant="subtle" color="gray" aria-label={t('form.moveDownLabel', { n: i + 1 })} disabled={i === draft.steps.length - 1} onClick={() => move(i, 1)}>
                      <IconArrowDown size={16} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label={t('form.removeStep')}>
                    <ActionIcon variant="subtle" color="red" aria-label={t('form.removeStepLabel', { n: i + 1 })} disabled={draft.steps.length === 1} onClick={() => remove(i)}>
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </Group>
              <Stack gap="xs">
                <TextInput
                  label={t('form.whatNeedsDoing')}
                  required
                  value={s.title}
                  onChange={(e) => setStep(i, { title: e.currentTarget.value })}
                  error={err(`steps.${i}.title`)}
                  placeholder={t('form.titlePlaceholder')}
                />
                <Group grow align="flex-start" wrap="wrap">
                  <Select
                    label={t('form.ownerRole')}
                    data={TEAM_ROLE_OPTIONS}
                    value={s.ownerRole}
                    onChange={(v) => v && setStep(i, { ownerRole: v as TeamRole })}
                    error={err(`steps.${i}.ownerRole`)}
                    allowDeselect={false}
                    miw={160}
                  />
                  <NumberInput
                    label={t('form.dueAfterDays')}
                    description={t('form.dueAfterHint')}
                    min={0}
                    max={DUE_AFTER_DAYS_MAX}
                    allowDecimal={false}
                    allowNegative={false}
                    value={s.dueAfterDays}
                    onChange={(v) => setStep(i, { dueAfterDays: v })}
                    error={err(`steps.${i}.dueAfterDays`)}
                    miw={160}
                  />
                </Group>
                <Textarea
                  label={t('form.details')}
                  autosize
                  minRows={1}
                  maxRows={4}
                  value={s.description}
                  onChange={(e) => setStep(i, { description: e.currentTarget.value })}
                  error={err(`steps.${i}.description`)}
                />
              </Stack>
            </Card>
          ))}
          <Group>
            <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={add} disabled={draft.steps.length >= PLAYBOOK_STEPS_MAX}>
              {t('form.addStep')}
            </Button>
          </Group>
        </Stack>

        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common:action.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {playbook ? t('form.save') : t('form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
