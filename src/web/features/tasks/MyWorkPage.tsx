import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Anchor, Badge, Button, Card, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChecks, IconClockExclamation, IconPlus } from '@tabler/icons-react';
import { MY_WORK_GROUPS, type MyWorkGroup, type TaskItem } from '../../../shared/schemas/task.js';
import { errorMessage } from '../../api.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useMe } from '../../components/session.js';
import { QueryStates } from '../../components/QueryStates.js';
import { plural } from '../../lib/format.js';
import { partnerPath } from '../partners/PartnerTable.js';
import { formatDay, LastContactText } from './ContactCadence.js';
import { formatDue } from './labels.js';
import { myWorkQuery, useCompleteTasks } from './queries.js';
import { TaskDrawer } from './TaskDrawer.js';
import { TaskFormModal, type TaskFormTarget } from './TaskFormModal.js';
import { TaskList } from './TaskList.js';
import classes from './tasks.module.css';

const GROUP_TITLES: Record<MyWorkGroup, string> = { overdue: 'Overdue', today: 'Today', thisWeek: 'This week', later: 'Later' };
const GROUP_EMPTY: Record<MyWorkGroup, string> = {
  overdue: 'Nothing overdue.',
  today: 'Nothing due today.',
  thisWeek: 'Nothing else due this week.',
  later: 'Nothing planned beyond this week.',
};

/** The signed-in person's open tasks by when they are due, and their partners overdue for contact. */
export function MyWorkPage() {
  const me = useMe();
  const work = useQuery(myWorkQuery());
  const complete = useCompleteTasks();
  const canWrite = me.can.writeTasks;
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [openId, setOpenId] = useState<string | null>(null);
  const [form, setForm] = useState<TaskFormTarget | null>(null);

  const toggle = (t: TaskItem, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(t.id);
      else next.delete(t.id);
      return next;
    });

  const completeIds = (ids: string[], what: string) =>
    complete.mutate(ids, {
      onSuccess: () => {
        setSelected((s) => new Set([...s].filter((id) => !ids.includes(id))));
        notifications.show({ color: 'teal', message: what });
      },
      onError: (e) => notifications.show({ color: 'red', title: 'Nothing was completed', message: errorMessage(e) }),
    });

  const newTask = canWrite ? (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setForm({})}>
      New task
    </Button>
  ) : null;

  const data = work.data;
  const openCount = data ? MY_WORK_GROUPS.reduce((n, g) => n + data.groups[g].length, 0) : 0;
  // Only what is still shown can stay selected.
  const shownIds = new Set(data ? MY_WORK_GROUPS.flatMap((g) => data.groups[g].map((t) => t.id)) : []);
  const chosen = [...selected].filter((id) => shownIds.has(id));

  return (
    <>
      <PageHeader
        title="My work"
        description={
          data
            ? `Your open tasks by when they are due: today is ${formatDue(data.today)} (Europe/Zurich), the week runs Monday to Sunday.`
            : 'Your open tasks by when they are due.'
        }
        actions={newTask}
      />
      <QueryStates query={work} loading="Loading your work…">
        {({ groups, today, truncated, overduePartners }) => (
          <Stack gap="md">
            {canWrite && openCount > 0 && (
              <Paper withBorder radius="md" p="xs" className={classes.bulkBar} role="region" aria-label="Selected tasks">
                <Group justify="space-between" gap="sm">
                  <Text size="sm" aria-live="polite">
                    {chosen.length ? `${plural(chosen.length, 'task')} selected` : `${plural(openCount, 'open task')}: select some to complete them together.`}
                  </Text>
                  <Group gap="xs">
                    {chosen.length > 0 && (
                      <Button variant="subtle" size="xs" onClick={() => setSelected(new Set())}>
                        Clear selection
                      </Button>
                    )}
                    <Button
                      size="xs"
                      leftSection={<IconChecks size={16} aria-hidden />}
                      disabled={!chosen.length}
                      loading={complete.isPending && (complete.variables?.length ?? 0) > 1}
                      onClick={() => completeIds(chosen, `${plural(chosen.length, 'task')} done.`)}
                    >
                      Complete selected
                    </Button>
                  </Group>
                </Group>
              </Paper>
            )}
            {MY_WORK_GROUPS.map((g) => {
              const tasks = groups[g];
              const headingId = `my-work-${g}`;
              return (
                <Card key={g} withBorder radius="md" padding="md" component="section" aria-labelledby={headingId}>
                  <Group gap="xs" mb="xs">
                    <Title order={2} size="h4" id={headingId}>
                      {GROUP_TITLES[g]}
                    </Title>
                    <Badge variant="light" color={g === 'overdue' && tasks.length ? 'red' : 'gray'} aria-label={plural(tasks.length, 'task')}>
                      {tasks.length}
                    </Badge>
                  </Group>
                  {tasks.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {GROUP_EMPTY[g]}
                    </Text>
                  ) : (
                    <TaskList
                      label={`${GROUP_TITLES[g]} tasks`}
                      tasks={tasks}
                      today={today}
                      selected={canWrite ? new Set(chosen) : undefined}
                      onToggle={canWrite ? toggle : undefined}
                      onOpen={(t) => setOpenId(t.id)}
                      onComplete={canWrite ? (t) => completeIds([t.id], 'The task is done.') : undefined}
                      completing={complete.isPending && complete.variables?.length === 1 ? complete.variables[0] : null}
                    />
                  )}
                </Card>
              );
            })}
            {truncated && (
              <Text size="sm" c="dimmed">
                Only your first 500 open tasks are shown.
              </Text>
            )}
            <Card withBorder radius="md" padding="md" component="section" aria-labelledby="my-work-cadence">
              <Group gap="xs" mb="xs">
                <IconClockExclamation size={20} aria-hidden color="var(--mantine-color-orange-light-color)" />
                <Title order={2} size="h4" id="my-work-cadence">
                  Your partners overdue for contact
                </Title>
              </Group>
              {overduePartners.length === 0 ? (
                <Text size="sm" c="dimmed">
                  Every partner you own has heard from us recently enough.
                </Text>
              ) : (
                <ul className={classes.list} aria-label="Partners overdue for contact">
                  {overduePartners.map((p) => (
                    <li key={p.id} className={classes.item}>
                      <Group justify="space-between" gap="sm" wrap="wrap">
                        <Stack gap={2}>
                          <Anchor component={Link} to={partnerPath(p.id)} size="sm" fw={500}>
                            {p.name}
                          </Anchor>
                          <Text size="xs" c="dimmed">
                            Overdue since {formatDay(p.contactDueAt)} · last contact <LastContactText at={p.lastContactAt} size="xs" /> · every {p.contactIntervalDays} days
                          </Text>
                        </Stack>
                        <Button component={Link} to={partnerPath(p.id, 'timeline')} size="compact-sm" variant="default">
                          Log contact
                        </Button>
                      </Group>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          </Stack>
        )}
      </QueryStates>
      <TaskDrawer taskId={openId} onClose={() => setOpenId(null)} onEdit={(t) => setForm({ task: t })} />
      <TaskFormModal target={form} onClose={() => setForm(null)} />
    </>
  );
}
