import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Group, Pagination, SegmentedControl, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChecklist, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api.js';
import { ExportMenu } from '../../components/ExportMenu.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.js';
import type { PartnerTabProps } from '../partners/tabs.js';
import { tasksListQuery, useCompleteTasks } from './queries.js';
import { TaskDrawer } from './TaskDrawer.js';
import { TaskFormModal, type TaskFormTarget } from './TaskFormModal.js';
import { TaskList } from './TaskList.js';

const PAGE_SIZE = 50;

/** The partner's tasks, open ones first and soonest due first; add one linked to the partner. */
export function TasksTab({ partner }: PartnerTabProps) {
  const { t } = useTranslation(['tasks', 'common']);
  const canEdit = partner.can.edit;
  const [show, setShow] = useState<'open' | 'all'>('open');
  const [page, setPage] = useState(1);
  const filters = { partnerId: partner.id, status: show === 'open' ? 'open,in_progress' : undefined, sort: 'status' };
  const tasks = useQuery(tasksListQuery({ ...filters, page, pageSize: PAGE_SIZE }));
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
          {t('tab.intro', { name: partner.name })}
        </Text>
        <Group gap="sm">
          <SegmentedControl
            aria-label={t('tab.which')}
            data={[
              { value: 'open', label: t('tab.showOpen') },
              { value: 'all', label: t('tab.showAll') },
            ]}
            value={show}
            onChange={(v) => {
              setShow(v as 'open' | 'all');
              setPage(1);
            }}
          />
          <ExportMenu path="/api/tasks/export" params={filters} />
          {canEdit && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={newTask}>
              {t('newTask')}
            </Button>
          )}
        </Group>
      </Group>
      {tasks.isPending ? (
        <LoadingState label={t('tab.loading')} />
      ) : tasks.isError && !tasks.data ? (
        <ErrorState error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          icon={<IconChecklist size={24} aria-hidden />}
          title={show === 'open' ? t('tab.noOpen') : t('tab.none')}
          description={canEdit ? t('tab.emptyHint', { name: partner.name }) : undefined}
          action={canEdit ? <Button onClick={newTask}>{t('newTask')}</Button> : undefined}
        />
      ) : (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {show === 'open' ? t('tab.openCount', { count: total }) : t('count', { count: total })}
          </Text>
          <TaskList
            label={t('tab.listLabel', { name: partner.name })}
            tasks={items}
            showPartner={false}
            showAssignee
            onOpen={(task) => setOpenId(task.id)}
            onComplete={(task) =>
              complete.mutate([task.id], {
                onSuccess: () => notifications.show({ color: 'teal', message: t('done') }),
                onError: (e) => notifications.show({ color: 'red', title: t('tab.notCompleted'), message: errorMessage(e) }),
              })
            }
            completing={complete.isPending ? (complete.variables?.[0] ?? null) : null}
          />
          {total > PAGE_SIZE && (
            <Group justify="center">
              <Pagination total={Math.ceil(total / PAGE_SIZE)} value={page} onChange={setPage} getControlProps={(c) => ({ 'aria-label': t(`common:pager.${c}`) })} />
            </Group>
          )}
        </>
      )}
      <TaskDrawer taskId={openId} onClose={() => setOpenId(null)} onEdit={(task) => setForm({ task })} />
      <TaskFormModal target={form} onClose={() => setForm(null)} />
    </Stack>
  );
}
