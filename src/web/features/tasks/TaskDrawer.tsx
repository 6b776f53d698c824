import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Anchor, Badge, Button, Divider, Drawer, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconPencil } from '@tabler/icons-react';
import { COMMENT_MAX, type TaskDetailItem } from '../../../shared/schemas/task.js';
import { errorMessage } from '../../api.js';
import { ErrorState, LoadingState } from '../../components/states.js';
import { formatDateTime, formatRelative } from '../../lib/format.js';
import { partnerPath } from '../partners/PartnerTable.js';
import { formatDue, TASK_PRIORITY_COLORS, TASK_PRIORITY_LABELS, TASK_STATUS_COLORS, TASK_STATUS_LABELS, TASK_SUBJECT_LABELS } from './labels.js';
import { useAddComment, useCompleteTasks, taskQuery } from './queries.js';
import { isOpenTask } from './TaskList.js';
import classes from './tasks.module.css';

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
        Comments
      </Title>
      {task.comments.length === 0 ? (
        <Text size="sm" c="dimmed">
          No comments yet.
        </Text>
      ) : (
        <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {task.comments.map((c) => (
            <li key={c.id}>
              <Text size="xs" c="dimmed">
                {c.author?.name ?? 'Someone'} ·{' '}
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
              label="Add a comment"
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
                Add comment
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
  const task = useQuery({ ...taskQuery(taskId ?? ''), enabled: taskId !== null });
  const complete = useCompleteTasks();
  const t = task.data;
  const changeable = t ? t.can.edit : false;

  const done = () =>
    t &&
    complete.mutate([t.id], {
      onSuccess: () => notifications.show({ color: 'teal', message: 'The task is done.' }),
    });

  return (
    <Drawer opened={taskId !== null} onClose={onClose} position="right" size="md" title={<Text fw={600}>Task</Text>}>
      {task.isPending ? (
        <LoadingState label="Loading the task…" />
      ) : task.isError ? (
        <ErrorState error={task.error} onRetry={() => void task.refetch()} />
      ) : t ? (
        <Stack gap="md">
          <Title order={2} size="h4" style={{ overflowWrap: 'anywhere' }}>
            {t.title}
          </Title>
          <Group gap="xs">
            <Badge color={TASK_STATUS_COLORS[t.status]} variant="light" tt="none">
              {TASK_STATUS_LABELS[t.status]}
            </Badge>
            <Badge color={TASK_PRIORITY_COLORS[t.priority]} variant="light" tt="none">
              {TASK_PRIORITY_LABELS[t.priority]} priority
            </Badge>
            {t.overdue && (
              <Badge color="red" variant="light" tt="none">
                Overdue
              </Badge>
            )}
          </Group>
          {changeable && (
            <Group gap="xs">
              {isOpenTask(t) && (
                <Button leftSection={<IconCheck size={16} aria-hidden />} onClick={done} loading={complete.isPending}>
                  Complete
                </Button>
              )}
              <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => onEdit(t)}>
                Edit
              </Button>
            </Group>
          )}
          {complete.isError && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(complete.error)}
            </Alert>
          )}
          <Stack gap={6}>
            <Row label="Due">
              {t.dueDate ? (
                <Text size="sm">{formatDue(t.dueDate)}</Text>
              ) : (
                <Text size="sm" c="dimmed">
                  No due date
                </Text>
              )}
            </Row>
            <Row label="Assigned to">
              {t.assignee ? (
                <Text size="sm">{t.assignee.name}</Text>
              ) : (
                <Text size="sm" c="dimmed">
                  Nobody yet
                </Text>
              )}
            </Row>
            {t.partner && (
              <Row label="Partner">
                <Anchor component={Link} to={partnerPath(t.partner.id, 'tasks')} size="sm" onClick={onClose}>
                  {t.partner.name}
                </Anchor>
              </Row>
            )}
            {t.subject && t.subject.type !== 'partner' && (
              <Row label={TASK_SUBJECT_LABELS[t.subject.type]}>
                <Text size="sm">{t.subject.name}</Text>
              </Row>
            )}
            <Row label="Created">
              <Text size="sm">
                {formatDateTime(t.createdAt)}
                {t.createdBy ? ` by ${t.createdBy.name}` : ''}
              </Text>
            </Row>
            {t.completedAt && (
              <Row label="Completed">
                <Text size="sm">
                  {formatDateTime(t.completedAt)}
                  {t.completedBy ? ` by ${t.completedBy.name}` : ''}
                </Text>
              </Row>
            )}
          </Stack>
          {t.description && (
            <Text size="sm" className={classes.prose}>
              {t.description}
            </Text>
          )}
          <Divider />
          <Comments task={t} canComment={t.can.comment} />
        </Stack>
      ) : null}
    </Drawer>
  );
}
