import { Link } from 'react-router';
import { Anchor, Badge, Button, Checkbox, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconCalendarDue, IconCheck, IconMessage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TaskItem } from '../../../shared/schemas/task.js';
import { partnerPath } from '../partners/PartnerTable.js';
import { formatDue, TASK_PRIORITY_COLORS, TASK_STATUS_COLORS } from './labels.js';
import classes from './tasks.module.css';

export const isOpenTask = (t: Pick<TaskItem, 'status'>) => t.status === 'open' || t.status === 'in_progress';

export interface TaskListProps {
  tasks: TaskItem[];
  /** Today in Europe/Zurich (yyyy-mm-dd), for "due today" and the year of due dates. */
  today?: string;
  selected?: Set<string>;
  onToggle?: (task: TaskItem, on: boolean) => void;
  onOpen: (task: TaskItem) => void;
  onComplete?: (task: TaskItem) => void;
  completing?: string | null;
  showPartner?: boolean;
  showAssignee?: boolean;
  /** Names the list for screen readers ("Overdue tasks"). */
  label: string;
}

function Due({ task, today }: { task: TaskItem; today?: string }) {
  const { t } = useTranslation('tasks');
  if (!task.dueDate) return null;
  const when = formatDue(task.dueDate, today);
  if (task.overdue) {
    return (
      <Badge color="red" variant="light" size="sm" tt="none" leftSection={<IconCalendarDue size={12} aria-hidden />}>
        <span className="visually-hidden">{t('list.overdueHidden')}</span>
        {t('list.due', { when })}
      </Badge>
    );
  }
  return (
    <Text size="xs" c="dimmed" span>
      <IconCalendarDue size={12} aria-hidden style={{ verticalAlign: '-2px', marginRight: 2 }} />
      {task.dueDate === today ? t('list.dueToday') : t('list.due', { when })}
    </Text>
  );
}

/** Tasks as a list: select for the bulk action, open for details, complete with one click. */
export function TaskList({ tasks, today, selected, onToggle, onOpen, onComplete, completing, showPartner = true, showAssignee = false, label }: TaskListProps) {
  const { t } = useTranslation('tasks');
  return (
    <ul className={classes.list} aria-label={label}>
      {tasks.map((task) => {
        const open = isOpenTask(task);
        // What the server says the signed-in person may do with it.
        const changeable = task.can.edit;
        return (
          <li key={task.id} className={classes.item} data-done={!open || undefined}>
            <Group wrap="nowrap" align="flex-start" gap="sm">
              {onToggle && selected && (
                <Checkbox
                  mt={2}
                  aria-label={t('list.select', { title: task.title })}
                  checked={selected.has(task.id)}
                  disabled={!open || !changeable}
                  onChange={(e) => onToggle(task, e.currentTarget.checked)}
                />
              )}
              <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                <UnstyledButton onClick={() => onOpen(task)} className={classes.title} aria-haspopup="dialog">
                  <Text size="sm" fw={500} td={task.status === 'done' ? 'line-through' : undefined} c={open ? undefined : 'dimmed'}>
                    {task.title}
                  </Text>
                </UnstyledButton>
                <Group gap={8} wrap="wrap">
                  {open && <Due task={task} today={today} />}
                  {task.priority !== 'normal' && (
                    <Badge color={TASK_PRIORITY_COLORS[task.priority]} variant="light" size="sm" tt="none">
                      {t(`priorityBadge.${task.priority}`)}
                    </Badge>
                  )}
                  {task.status !== 'open' && (
                    <Badge color={TASK_STATUS_COLORS[task.status]} variant="light" size="sm" tt="none">
                      {t(`status.${task.status}`)}
                    </Badge>
                  )}
                  {showPartner && task.partner && (
                    <Anchor component={Link} to={partnerPath(task.partner.id, 'tasks')} size="xs">
                      {task.partner.name}
                    </Anchor>
                  )}
                  {task.subject && task.subject.type !== 'partner' && (
                    <Text size="xs" c="dimmed" span>
                      {t('subjectLine', { subject: t(`subject.${task.subject.type}`), name: task.subject.name })}
                    </Text>
                  )}
                  {showAssignee && (
                    <Text size="xs" c="dimmed" span>
                      {task.assignee ? task.assignee.name : t('list.unassigned')}
                    </Text>
                  )}
                  {task.commentCount > 0 && (
                    <Text size="xs" c="dimmed" span>
                      <IconMessage size={12} aria-hidden style={{ verticalAlign: '-2px', marginRight: 2 }} />
                      {task.commentCount}
                      <span className="visually-hidden"> {t('list.comments', { count: task.commentCount })}</span>
                    </Text>
                  )}
                </Group>
              </Stack>
              {onComplete && open && changeable && (
                <Button
                  size="compact-sm"
                  variant="light"
                  color="teal"
                  leftSection={<IconCheck size={14} aria-hidden />}
                  onClick={() => onComplete(task)}
                  loading={completing === task.id}
                  aria-label={t('list.completeOne', { title: task.title })}
                >
                  {t('list.complete')}
                </Button>
              )}
            </Group>
          </li>
        );
      })}
    </ul>
  );
}
