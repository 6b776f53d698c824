import { useEffect, useState, type FormEvent } from 'react';
import { ActionIcon, Alert, Button, Card, Group, Modal, NumberInput, Select, Stack, Text, Textarea, TextInput, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import type { PartnerType, TeamRole } from '../../../shared/partners.js';
import { createPlaybookBody, DUE_AFTER_DAYS_MAX, PLAYBOOK_STEPS_MAX, type Playbook } from '../../../shared/schemas/playbook.js';
import { ApiError, errorMessage, isApiError } from '../../api.js';
import { fieldMessage } from '../../components/useSchemaForm.js';
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

const LABELS: Record<string, string> = {
  name: 'Name',
  partnerType: 'Partner type',
  description: 'Description',
  steps: 'Steps',
  title: 'Step',
  ownerRole: 'Owner role',
  dueAfterDays: 'Due after',
};
/** `steps.2.title` → its label, for the message under the field. */
const labelOf = (path: string) => LABELS[path.split('.').at(-1) ?? ''] ?? undefined;

/** Creates a playbook, or edits one (name, type, description and its ordered steps). */
export function PlaybookFormModal({ opened, playbook, onClose }: { opened: boolean; playbook: Playbook | null; onClose: () => void }) {
  const save = useSavePlaybook();
  const [draft, setDraft] = useState<Draft>(() => draftOf(playbook));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    if (opened) {
      setDraft(draftOf(playbook));
      setErrors({});
      setFormError(null);
      save.reset();
    }
  }, [opened, playbook?.id, playbook?.version]);

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
      showIssues(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.path.at(-1) === 'partnerType' && draft.partnerType === null ? 'is required' : i.message })));
      return;
    }
    setErrors({});
    try {
      const saved = await save.mutateAsync({ id: playbook?.id, body: playbook ? { ...parsed.data, version: playbook.version } : parsed.data });
      notifications.show({ color: 'teal', message: playbook ? `${saved.name} is saved.` : `${saved.name} is ready to start onboardings with.` });
      onClose();
    } catch (err) {
      if (isApiError(err, 409) && err.code === 'version_conflict') {
        setFormError('Someone else changed this playbook in the meantime. Close this dialog to see their version, then edit again.');
      } else if (err instanceof ApiError && err.problem.errors?.length) {
        showIssues(err.problem.errors.map((x) => ({ path: x.path.replace(/^body\./, ''), message: x.message })));
        setFormError(err.message);
      } else setFormError(errorMessage(err));
    }
  };

  const err = (path: string) => errors[path];
  const stepsError = err('steps');

  return (
    <Modal opened={opened} onClose={onClose} title={playbook ? `Edit ${playbook.name}` : 'New playbook'} size="xl">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          {formError && (
            <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
              {formError}
            </Alert>
          )}
          <Group grow align="flex-start" wrap="wrap">
            <TextInput
              label="Name"
              required
              data-autofocus
              value={draft.name}
              onChange={(e) => set({ name: e.currentTarget.value })}
              error={err('name')}
              placeholder="e.g. Software vendor onboarding"
              miw={220}
            />
            <Select
              label="Partner type"
              required
              data={TYPE_OPTIONS}
              value={draft.partnerType}
              onChange={(v) => set({ partnerType: (v as PartnerType | null) ?? null })}
              error={err('partnerType')}
              allowDeselect={false}
              miw={200}
            />
          </Group>
          <Textarea
            label="Description"
            description="When to use this playbook."
            autosize
            minRows={2}
            maxRows={5}
            value={draft.description}
            onChange={(e) => set({ description: e.currentTarget.value })}
            error={err('description')}
          />

          <Stack gap="xs" component="section" aria-labelledby="playbook-steps-heading">
            <Title order={2} size="h5" id="playbook-steps-heading">
              Steps
            </Title>
            <Text size="xs" c="dimmed">
              In the order they are listed. Each becomes a task for the colleague holding the owner role on the partner (else the partner’s owner), due the given number of days
              after the onboarding starts.
            </Text>
            {stepsError && (
              <Text size="sm" c="red" role="alert">
                {stepsError}
              </Text>
            )}
            {draft.steps.map((s, i) => (
              <Card key={s.key} withBorder padding="sm" radius="md" role="group" aria-label={`Step ${i + 1}`}>
                <Group justify="space-between" gap="xs" mb={6} wrap="nowrap">
                  <Text size="sm" fw={600}>
                    Step {i + 1}
                  </Text>
                  <Group gap={4} wrap="nowrap">
                    <Tooltip label="Move up">
                      <ActionIcon variant="subtle" color="gray" aria-label={`Move step ${i + 1} up`} disabled={i === 0} onClick={() => move(i, -1)}>
                        <IconArrowUp size={16} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label="Move down">
                      <ActionIcon variant="subtle" color="gray" aria-label={`Move step ${i + 1} down`} disabled={i === draft.steps.length - 1} onClick={() => move(i, 1)}>
                        <IconArrowDown size={16} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label="Remove step">
                      <ActionIcon variant="subtle" color="red" aria-label={`Remove step ${i + 1}`} disabled={draft.steps.length === 1} onClick={() => remove(i)}>
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Group>
                <Stack gap="xs">
                  <TextInput
                    label="What needs doing"
                    required
                    value={s.title}
                    onChange={(e) => setStep(i, { title: e.currentTarget.value })}
                    error={err(`steps.${i}.title`)}
                    placeholder="e.g. NDA signed"
                  />
                  <Group grow align="flex-start" wrap="wrap">
                    <Select
                      label="Owner role"
                      data={TEAM_ROLE_OPTIONS}
                      value={s.ownerRole}
                      onChange={(v) => v && setStep(i, { ownerRole: v as TeamRole })}
                      error={err(`steps.${i}.ownerRole`)}
                      allowDeselect={false}
                      miw={160}
                    />
                    <NumberInput
                      label="Due after (days)"
                      description="From the start; 0 = on the first day"
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
                    label="Details"
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
                Add step
              </Button>
            </Group>
          </Stack>

          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {playbook ? 'Save playbook' : 'Create playbook'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
