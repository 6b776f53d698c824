import { Link } from 'react-router';
import { Anchor, Badge, Button, Checkbox, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconCalendarDue, IconCheck, IconMessage } from '@tabler/icons-react';
import type { TaskItem } from '../../../shared/schemas/task.js';
import { partnerPath } from '../partners/PartnerTable.js';
import { formatDue, TASK_PRIORITY_COLORS, TASK_PRIORITY_LABELS, TASK_STATUS_COLORS, TASK_STATUS_LABELS, TASK_SUBJECT_LABELS } from './labels.js';
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
  if (!task.dueDate) return null;
  const when = formatDue(task.dueDate, today);
  if (task.overdue) {
    return (
      <Badge color="red" variant="light" size="sm" tt="none" leftSection={<IconCalendarDue size={12} aria-hidden />}>
        <span className="visually-hidden">Overdue, </span>Due {when}
      </Badge>
    );
  }
  return (
    <Text size="xs" c="dimmed" span>
      <IconCalendarDue size={12} aria-hidden style={{ verticalAlign: '-2px', marginRight: 2 }} />
      {task.dueDate === today ? 'Due today' : `Due ${when}`}
    </Text>
  );
}

/** Tasks as a list: select for the bulk action, open for details, complete with one click. */
export function TaskList({ tasks, today, selected, onToggle, onOpen, onComplete, completing, showPartner = true, showAssignee = false, label }: TaskListProps) {
  return (
    <ul className={classes.list} aria-label={label}>
      {tasks.map((t) => {
        const open = isOpenTask(t);
        // What the server says the signed-in person may do with it.
        const changeable = t.can.edit;
        return (
          <li key={t.id} className={classes.item} data-done={!open || undefined}>
            <Group wrap="nowrap" align="flex-start" gap="sm">
              {onToggle && selected && (
                <Checkbox
                  mt={2}
                  aria-label={`Select “${t.title}”`}
                  checked={selected.has(t.id)}
                  disabled={!open || !changeable}
                  onChange={(e) => onToggle(t, e.currentTarget.checked)}
                />
              )}
              <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                <UnstyledButton onClick={() => onOpen(t)} className={classes.title} aria-haspopup="dialog">
                  <Text size="sm" fw={500} td={t.status === 'done' ? 'line-through' : undefined} c={open ? undefined : 'dimmed'}>
                    {t.title}
                  </Text>
                </UnstyledButton>
                <Group gap={8} wrap="wrap">
                  {open && <Due task={t} today={today} />}
                  {t.priority !== 'normal' && (
                    <Badge color={TASK_PRIORITY_COLORS[t.priority]} variant="light" size="sm" tt="none">
                      {TASK_PRIORITY_LABELS[t.priority]} priority
                    </Badge>
                  )}
                  {t.status !== 'open' && (
                    <Badge color={TASK_STATUS_COLORS[t.status]} variant="light" size="sm" tt="none">
                      {TASK_STATUS_LABELS[t.status]}
                    </Badge>
                  )}
                  {showPartner && t.partner && (
                    <Anchor component={Link} to={partnerPath(t.partner.id, 'tasks')} size="xs">
                      {t.partner.name}
                    </Anchor>
                  )}
                  {t.subject && t.subject.type !== 'partner' && (
                    <Text size="xs" c="dimmed" span>
                      {TASK_SUBJECT_LABELS[t.subject.type]}: {t.subject.name}
                    </Text>
                  )}
                  {showAssignee && (
                    <Text size="xs" c="dimmed" span>
                      {t.assignee ? t.assignee.name : 'Unassigned'}
                    </Text>
                  )}
                  {t.commentCount > 0 && (
                    <Text size="xs" c="dimmed" span>
                      <IconMessage size={12} aria-hidden style={{ verticalAlign: '-2px', marginRight: 2 }} />
                      {t.commentCount}
                      <span className="visually-hidden"> {t.commentCount === 1 ? 'comment' : 'comments'}</span>
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
                  onClick={() => onComplete(t)}
                  loading={completing === t.id}
                  aria-label={`Complete “${t.title}”`}
                >
                  Complete
                </Button>
              )}
            </Group>
          </li>
        );
      })}
    </ul>
  );
}
