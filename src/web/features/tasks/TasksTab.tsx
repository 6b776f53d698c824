import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Group, Pagination, SegmentedControl, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChecklist, IconPlus } from '@tabler/icons-react';
import { errorMessage } from '../../api.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.js';
import { plural } from '../../lib/format.js';
import type { PartnerTabProps } from '../partners/tabs.js';
import { tasksListQuery, useCompleteTasks } from './queries.js';
import { TaskDrawer } from './TaskDrawer.js';
import { TaskFormModal, type TaskFormTarget } from './TaskFormModal.js';
import { TaskList } from './TaskList.js';

const PAGE_SIZE = 50;
const SHOW = [
  { value: 'open', label: 'Open' },
  { value: 'all', label: 'All' },
];

/** The partner's tasks, open ones first and soonest due first; add one linked to the partner. */
export function TasksTab({ partner }: PartnerTabProps) {
  const canEdit = partner.can.edit;
  const [show, setShow] = useState<'open' | 'all'>('open');
  const [page, setPage] = useState(1);
  const tasks = useQuery(tasksListQuery({ partnerId: partner.id, status: show === 'open' ? 'open,in_progress' : undefined, sort: 'status', page, pageSize: PAGE_SIZE }));
  const complete = useCompleteTasks();
  const [openId, setOpenId] = useState<string | null>(null);
  const [form, setForm] = useState<TaskFormTarget | null>(null);

  const items = tasks.data?.items ?? [];
  const total = tasks.data?.total ?? 0;
  const newTask = () => setForm({ partner: { id: partner.id, name: partner.name } });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Text size="sm" c="dimmed" style={{ flex: '1 1 20rem' }}>
          What we have to do for {partner.name}: tasks on the partner, its people, meetings and onboarding.
        </Text>
        <Group gap="sm">
          <SegmentedControl
            aria-label="Which tasks"
            data={SHOW}
            value={show}
            onChange={(v) => {
              setShow(v as 'open' | 'all');
              setPage(1);
            }}
          />
          {canEdit && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={newTask}>
              New task
            </Button>
          )}
        </Group>
      </Group>
      {tasks.isPending ? (
        <LoadingState label="Loading tasks…" />
      ) : tasks.isError && !tasks.data ? (
        <ErrorState error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          icon={<IconChecklist size={24} aria-hidden />}
          title={show === 'open' ? 'No open tasks' : 'No tasks yet'}
          description={canEdit ? `Add what needs doing for ${partner.name}, with an assignee and a due date.` : undefined}
          action={canEdit ? <Button onClick={newTask}>New task</Button> : undefined}
        />
      ) : (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {plural(total, show === 'open' ? 'open task' : 'task')}
          </Text>
          <TaskList
            label={`Tasks for ${partner.name}`}
            tasks={items}
            showPartner={false}
            showAssignee
            onOpen={(t) => setOpenId(t.id)}
            onComplete={(t) =>
              complete.mutate([t.id], {
                onSuccess: () => notifications.show({ color: 'teal', message: 'The task is done.' }),
                onError: (e) => notifications.show({ color: 'red', title: 'Not completed', message: errorMessage(e) }),
              })
            }
            completing={complete.isPending ? (complete.variables?.[0] ?? null) : null}
          />
          {total > PAGE_SIZE && (
            <Group justify="center">
              <Pagination total={Math.ceil(total / PAGE_SIZE)} value={page} onChange={setPage} getControlProps={(c) => ({ 'aria-label': `${c} page` })} />
            </Group>
          )}
        </>
      )}
      <TaskDrawer taskId={openId} onClose={() => setOpenId(null)} onEdit={(t) => setForm({ task: t })} />
      <TaskFormModal target={form} onClose={() => setForm(null)} />
    </Stack>
  );
}
