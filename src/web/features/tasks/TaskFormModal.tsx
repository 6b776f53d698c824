import { useState } from 'react';
import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { IconCalendar } from '@tabler/icons-react';
import { z } from 'zod';
import type { TaskPriority, TaskStatus } from '../../../shared/rhythm.js';
import type { PartnerSummary } from '../../../shared/schemas/partner.js';
import { createTaskBody, TASK_TITLE_MAX, type TaskDetail } from '../../../shared/schemas/task.js';
import { ApiError } from '../../api.js';
import { useMe } from '../../components/session.js';
import { FormError, useSchemaForm } from '../../components/useSchemaForm.js';
import { ColleagueSelect, PartnerSelect } from '../partners/pickers.js';
import { taskPriorityOptions, taskStatusOptions } from './labels.js';
import { useCreateTask, useUpdateTask } from './queries.js';
import classes from './tasks.module.css';

interface Values extends Record<string, unknown> {
  title: string;
  description: string;
  dueDate: string | null;
  assigneeId: string | null;
  priority: TaskPriority;
  status: TaskStatus;
}

// The task's fields as the create body has them (an empty text, date or assignee is null), checked by the shared schema.
const taskFields = createTaskBody.pick({ title: true, description: true, dueDate: true, assigneeId: true, priority: true, status: true });
const formSchema = z
  .custom<Values>()
  .transform((v): z.input<typeof taskFields> => ({ ...v, description: v.description.trim() || null, dueDate: v.dueDate || null, assigneeId: v.assigneeId || null }))
  .pipe(taskFields);

export interface TaskFormTarget {
  /** Editing this task; otherwise a new one. */
  task?: TaskDetail;
  /** A new task linked to this partner (the partner's tasks tab). */
  partner?: { id: string; name: string };
}

/** Creates or edits a task: what, for whom, by when, how urgent, and what it is about. */
export function TaskFormModal({ target, onClose }: { target: TaskFormTarget | null; onClose: () => void }) {
  const { t } = useTranslation(['tasks', 'common']);
  const editing = target?.task ?? null;
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={editing ? t('form.editTitle') : target?.partner ? t('form.newTitleFor', { name: target.partner.name }) : t('form.newTitle')}
      size="lg"
    >
      {target && <TaskFormModalBody key={`${target.task?.id}-${target.task?.version}`} target={target} onClose={onClose} />}
    </Modal>
  );
}

/** Mounted while the dialog is open (and again for another task or version), so the form starts from the task as stored, or blank. */
function TaskFormModalBody({ target, onClose }: { target: TaskFormTarget; onClose: () => void }) {
  const { t } = useTranslation(['tasks', 'common']);
  const me = useMe();
  const editing = target.task ?? null;
  const create = useCreateTask();
  const update = useUpdateTask();
  const blank = (): Values => ({ title: '', description: '', dueDate: null, assigneeId: me.user.id, priority: 'normal', status: 'open' });
  const labels = {
    title: t('form.title'),
    description: t('form.description'),
    dueDate: t('form.dueDate'),
    assigneeId: t('form.assignee'),
    priority: t('form.priority'),
    status: t('form.status'),
  };
  const initial = (): Values =>
    editing
      ? {
          title: editing.title,
          description: editing.description ?? '',
          dueDate: editing.dueDate,
          assigneeId: editing.assignee?.id ?? null,
          priority: editing.priority,
          status: editing.status,
        }
      : blank();
  const form = useSchemaForm(formSchema, initial(), { labels });
  const [partner, setPartner] = useState<PartnerSummary | null>(null);

  // A new task starts open: its status is sent only by an edit.
  const submit = form.submit(async ({ status, ...fields }) => {
    try {
      if (editing) {
        const changes = {
          ...(fields.title !== editing.title && { title: fields.title }),
          ...(fields.description !== editing.description && { description: fields.description }),
          ...(fields.dueDate !== editing.dueDate && { dueDate: fields.dueDate }),
          ...(fields.assigneeId !== (editing.assignee?.id ?? null) && { assigneeId: fields.assigneeId }),
          ...(fields.priority !== editing.priority && { priority: fields.priority }),
          ...(status !== editing.status && { status }),
        };
        await update.mutateAsync({ id: editing.id, version: editing.version, ...changes });
        notifications.show({ color: 'teal', message: t('form.saved') });
      } else {
        const linked = target.partner ?? partner;
        const added = await create.mutateAsync({ ...fields, subject: linked ? { type: 'partner', id: linked.id } : null });
        const message = added.assignee?.id === me.user.id ? t('form.addedYours') : added.assignee ? t('form.addedFor', { name: added.assignee.name }) : t('form.added');
        notifications.show({ color: 'teal', message });
      }
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'version_conflict') throw new Error(t('form.conflict'), { cause: e });
      throw e;
    }
  });

  // Out of the JSX: eslint-plugin-i18next takes some field names in a spread for text.
  const descriptionProps = form.getInputProps('description');
  const priorityProps = form.getInputProps('priority');
  const linkedTo = editing?.subject ? t('subjectLine', { subject: t(`subject.${editing.subject.type}`), name: editing.subject.name }) : (target.partner?.name ?? null);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError form={form} />
        <TextInput label={t('form.title')} required data-autofocus maxLength={TASK_TITLE_MAX} placeholder={t('form.titlePlaceholder')} {...form.getInputProps('title')} />
        <Textarea label={t('form.description')} autosize minRows={2} maxRows={8} placeholder={t('form.descriptionPlaceholder')} {...descriptionProps} />
        {linkedTo ? (
          <Text size="sm">
            <Text span fw={500}>
              {t('form.linkedTo')}{' '}
            </Text>
            {linkedTo}
          </Text>
        ) : (
          <PartnerSelect
            label={t('form.partner')}
            description={t('form.partnerDescription')}
            placeholder={t('form.partnerPlaceholder')}
            clearable
            value={partner}
            onPick={setPartner}
          />
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <ColleagueSelect
            label={t('form.assignee')}
            placeholder={t('form.assigneePlaceholder')}
            clearable
            current={editing?.assignee ?? { id: me.user.id, name: me.user.name }}
            {...form.getInputProps('assigneeId')}
          />
          <DatePickerInput
            label={t('form.dueDate')}
            placeholder={t('form.duePlaceholder')}
            clearable
            leftSection={<IconCalendar size={16} aria-hidden />}
            valueFormat="ddd D MMM YYYY"
            firstDayOfWeek={1}
            value={form.values.dueDate}
            onChange={(d) => form.setFieldValue('dueDate', d ? String(d).slice(0, 10) : null)}
            error={form.errors.dueDate}
            popoverProps={{ withinPortal: true }}
            classNames={{ placeholder: classes.placeholder }}
          />
          <Select label={t('form.priority')} data={taskPriorityOptions()} allowDeselect={false} {...priorityProps} />
          {editing && <Select label={t('form.status')} data={taskStatusOptions()} allowDeselect={false} {...form.getInputProps('status')} />}
        </SimpleGrid>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common:action.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending} disabled={Boolean(editing) && !form.isDirty()}>
            {editing ? t('common:action.save') : t('form.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
