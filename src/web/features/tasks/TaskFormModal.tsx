import { useEffect, useState } from 'react';
import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconCalendar } from '@tabler/icons-react';
import { z } from 'zod';
import type { TaskPriority, TaskStatus } from '../../../shared/rhythm.js';
import type { PartnerSummary } from '../../../shared/schemas/partner.js';
import { createTaskBody, TASK_TITLE_MAX, type TaskDetail } from '../../../shared/schemas/task.js';
import { ApiError } from '../../api.js';
import { useMe } from '../../components/session.js';
import { FormError, useSchemaForm } from '../../components/useSchemaForm.js';
import { ColleagueSelect, PartnerSelect } from '../partners/pickers.js';
import { TASK_PRIORITY_OPTIONS, TASK_STATUS_OPTIONS, TASK_SUBJECT_LABELS } from './labels.js';
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

const LABELS = { title: 'Title', description: 'Details', dueDate: 'Due date', assigneeId: 'Assignee', priority: 'Priority', status: 'Status' };

export interface TaskFormTarget {
  /** Editing this task; otherwise a new one. */
  task?: TaskDetail;
  /** A new task linked to this partner (the partner's tasks tab). */
  partner?: { id: string; name: string };
}

/** Creates or edits a task: what, for whom, by when, how urgent, and what it is about. */
export function TaskFormModal({ target, onClose }: { target: TaskFormTarget | null; onClose: () => void }) {
  const me = useMe();
  const editing = target?.task ?? null;
  const create = useCreateTask();
  const update = useUpdateTask();
  const blank = (): Values => ({ title: '', description: '', dueDate: null, assigneeId: me.user.id, priority: 'normal', status: 'open' });
  const form = useSchemaForm(formSchema, blank(), { labels: LABELS });
  const [partner, setPartner] = useState<PartnerSummary | null>(null);
  const opened = target !== null;

  useEffect(() => {
    if (!opened) return;
    form.reset(
      editing
        ? {
            title: editing.title,
            description: editing.description ?? '',
            dueDate: editing.dueDate,
            assigneeId: editing.assignee?.id ?? null,
            priority: editing.priority,
            status: editing.status,
          }
        : blank(),
    );
    setPartner(null);
    create.reset();
    update.reset();
    // Only when the dialog opens or another version arrives: a refetch must not wipe typing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, editing?.id, editing?.version]);

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
        notifications.show({ color: 'teal', message: 'The task is saved.' });
      } else {
        const linked = target?.partner ?? partner;
        const t = await create.mutateAsync({ ...fields, subject: linked ? { type: 'partner', id: linked.id } : null });
        notifications.show({ color: 'teal', message: t.assignee?.id === me.user.id ? 'Task added to your work.' : `Task added${t.assignee ? ` for ${t.assignee.name}` : ''}.` });
      }
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'version_conflict')
        throw new Error('Someone else changed this task in the meantime. Their version is loaded now: check it, then save again.', { cause: e });
      throw e;
    }
  });

  const linkedTo = editing?.subject ? `${TASK_SUBJECT_LABELS[editing.subject.type]}: ${editing.subject.name}` : (target?.partner?.name ?? null);

  return (
    <Modal opened={opened} onClose={onClose} title={editing ? 'Edit task' : target?.partner ? `New task for ${target.partner.name}` : 'New task'} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError form={form} />
          <TextInput label="Title" required data-autofocus maxLength={TASK_TITLE_MAX} placeholder="e.g. Send the signed NDA back" {...form.getInputProps('title')} />
          <Textarea label="Details" autosize minRows={2} maxRows={8} placeholder="What exactly, and anything that helps" {...form.getInputProps('description')} />
          {linkedTo ? (
            <Text size="sm">
              <Text span fw={500}>
                Linked to:{' '}
              </Text>
              {linkedTo}
            </Text>
          ) : (
            <PartnerSelect
              label="Partner"
              description="Optional: the partner this is about. Leave empty for a personal to-do."
              placeholder="Search partners by name"
              clearable
              value={partner}
              onPick={setPartner}
            />
          )}
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <ColleagueSelect
              label="Assignee"
              placeholder="Nobody yet"
              clearable
              current={editing?.assignee ?? { id: me.user.id, name: me.user.name }}
              {...form.getInputProps('assigneeId')}
            />
            <DatePickerInput
              label="Due date"
              placeholder="No due date"
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
            <Select label="Priority" data={TASK_PRIORITY_OPTIONS} allowDeselect={false} {...form.getInputProps('priority')} />
            {editing && <Select label="Status" data={TASK_STATUS_OPTIONS} allowDeselect={false} {...form.getInputProps('status')} />}
          </SimpleGrid>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending} disabled={Boolean(editing) && !form.isDirty()}>
              {editing ? 'Save' : 'Add task'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
