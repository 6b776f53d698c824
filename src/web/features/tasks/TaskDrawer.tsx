import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Anchor, Badge, Button, Divider, Drawer, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { COMMENT_MAX, type TaskDetailItem } from '../../../shared/schemas/task.js';
import { errorMessage } from '../../api.js';
import { ErrorState, LoadingState } from '../../components/states.js';
import { formatDateTime, formatRelative } from '../../lib/format.js';
import { partnerPath } from '../partners/PartnerTable.js';
import { formatDue, TASK_PRIORITY_COLORS, TASK_STATUS_COLORS } from './labels.js';
import { useAddComment, useCompleteTasks, taskQuery } from './queries.js';
import { isOpenTask } from './TaskList.js';
import classes from './tasks.module.css';
import type { TaskSubject } from '../../../shared/rhythm.js';

/** The subjects with a page of their own: the drawer links to it (a deal's next step, a contract's task). */
const SUBJECT_PAGES: Partial<Record<TaskSubject, (id: string) => string>> = {
  contract: (id) => `/contracts/${id}`,
  opportunity: (id) => `/deals/${id}`,
};

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="baseline">
      <Text size="sm" c="dimmed" w={110} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <div style={{ minWidth: 0 }}>{children}</div>
    </Group>
  );
}

function Comments({ task, canComment }: { task: TaskDetailItem; canComment: boolean }) {
  const { t } = useTranslation(['tasks', 'common']);
  const [body, setBody] = useState('');
  const add = useAddComment(task.id);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!body.trim()) return;
    add.mutate(body.trim(), { onSuccess: () => setBody('') });
  };
  return (
    <Stack gap="sm" component="section" aria-labelledby="task-comments">
      <Title order={3} size="h5" id="task-comments">
        {t('comments.title')}
      </Title>
      {task.comments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('comments.none')}
        </Text>
      ) : (
        <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {task.comments.map((c) => (
            <li key={c.id}>
              <Text size="xs" c="dimmed">
                {c.author?.name ?? t('comments.someone')} ·{' '}
                <time dateTime={c.createdAt} title={formatDateTime(c.createdAt)}>
                  {formatRelative(c.createdAt)}
                </time>
              </Text>
              <Text size="sm" className={classes.prose}>
                {c.body}
              </Text>
            </li>
          ))}
        </Stack>
      )}
      {canComment && (
        <form onSubmit={submit} noValidate>
          <Stack gap="xs">
            <Textarea
              label={t('comments.label')}
              autosize
              minRows={2}
              maxRows={6}
              maxLength={COMMENT_MAX}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
              error={add.isError ? errorMessage(add.error) : undefined}
            />
            <Group justify="flex-end">
              <Button type="submit" size="xs" variant="default" loading={add.isPending} disabled={!body.trim()}>
                {t('comments.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

/** One task: what, for whom, by when, its comments; complete or edit it from here. */
export function TaskDrawer({ taskId, onClose, onEdit }: { taskId: string | null; onClose: () => void; onEdit: (t: TaskDetailItem) => void }) {
  const { t } = useTranslation(['tasks', 'common']);
  const task = useQuery({ ...taskQuery(taskId ?? ''), enabled: taskId !== null });
  const complete = useCompleteTasks();
  const item = task.data;
  const changeable = item ? item.can.edit : false;

  const done = () =>
    item &&
    complete.mutate([item.id], {
      onSuccess: () => notifications.show({ color: 'teal', message: t('done') }),
    });

  return (
    <Drawer opened={taskId !== null} onClose={onClose} position="right" size="md" title={<Text fw={600}>{t('drawer.title')}</Text>}>
      {task.isPending ? (
        <LoadingState label={t('drawer.loading')} />
      ) : task.isError ? (
        <ErrorState error={task.error} onRetry={() => void task.refetch()} />
      ) : item ? (
        <Stack gap="md">
          <Title order={2} size="h4" style={{ overflowWrap: 'anywhere' }}>
            {item.title}
          </Title>
          <Group gap="xs">
            <Badge color={TASK_STATUS_COLORS[item.status]} variant="light" tt="none">
              {t(`status.${item.status}`)}
            </Badge>
            <Badge color={TASK_PRIORITY_COLORS[item.priority]} variant="light" tt="none">
              {t(`priorityBadge.${item.priority}`)}
            </Badge>
            {item.overdue && (
              <Badge color="red" variant="light" tt="none">
                {t('drawer.overdue')}
              </Badge>
            )}
          </Group>
          {changeable && (
            <Group gap="xs">
              {isOpenTask(item) && (
                <Button leftSection={<IconCheck size={16} aria-hidden />} onClick={done} loading={complete.isPending}>
                  {t('drawer.complete')}
                </Button>
              )}
              <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => onEdit(item)}>
                {t('common:action.edit')}
              </Button>
            </Group>
          )}
          {complete.isError && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(complete.error)}
            </Alert>
          )}
          <Stack gap={6}>
            <Row label={t('drawer.due')}>
              {item.dueDate ? (
                <Text size="sm">{formatDue(item.dueDate)}</Text>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('drawer.noDue')}
                </Text>
              )}
            </Row>
            <Row label={t('drawer.assignedTo')}>
              {item.assignee ? (
                <Text size="sm">{item.assignee.name}</Text>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('drawer.nobody')}
                </Text>
              )}
            </Row>
            {item.partner && (
              <Row label={t('drawer.partner')}>
                <Anchor component={Link} to={partnerPath(item.partner.id, 'tasks')} size="sm" onClick={onClose}>
                  {item.partner.name}
                </Anchor>
              </Row>
            )}
            {item.subject && item.subject.type !== 'partner' && (
              <Row label={t(`subject.${item.subject.type}`)}>
                {SUBJECT_PAGES[item.subject.type] ? (
                  <Anchor component={Link} to={SUBJECT_PAGES[item.subject.type]!(item.subject.id)} size="sm" onClick={onClose}>
                    {item.subject.name}
                  </Anchor>
                ) : (
                  <Text size="sm">{item.subject.name}</Text>
                )}
              </Row>
            )}
            <Row label={t('drawer.created')}>
              <Text size="sm">{item.createdBy ? t('drawer.by', { when: formatDateTime(item.createdAt), name: item.createdBy.name }) : formatDateTime(item.createdAt)}</Text>
            </Row>
            {item.completedAt && (
              <Row label={t('drawer.completed')}>
                <Text size="sm">
                  {item.completedBy ? t('drawer.by', { when: formatDateTime(item.completedAt), name: item.completedBy.name }) : formatDateTime(item.completedAt)}
                </Text>
              </Row>
            )}
          </Stack>
          {item.description && (
            <Text size="sm" className={classes.prose}>
              {item.description}
            </Text>
          )}
          <Divider />
          <Comments task={item} canComment={item.can.comment} />
        </Stack>
      ) : null}
    </Drawer>
  );
}
