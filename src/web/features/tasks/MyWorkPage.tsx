import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Anchor, Badge, Button, Card, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Trans, useTranslation } from 'react-i18next';
import { IconChecks, IconClockExclamation, IconPlus } from '@tabler/icons-react';
import { MY_WORK_GROUPS, type TaskItem } from '../../../shared/schemas/task.js';
import { errorMessage } from '../../api.js';
import { ExportMenu } from '../../components/ExportMenu.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useMe } from '../../components/session.js';
import { QueryStates } from '../../components/QueryStates.js';
import { partnerPath } from '../partners/PartnerTable.js';
import { formatDay, LastContactText } from './ContactCadence.js';
import { formatDue } from './labels.js';
import { myWorkQuery, useCompleteTasks } from './queries.js';
import { TaskDrawer } from './TaskDrawer.js';
import { TaskFormModal, type TaskFormTarget } from './TaskFormModal.js';
import { TaskList } from './TaskList.js';
import classes from './tasks.module.css';

/** The signed-in person's open tasks by when they are due, and their partners overdue for contact. */
export function MyWorkPage() {
  const { t } = useTranslation('tasks');
  const me = useMe();
  const work = useQuery(myWorkQuery());
  const complete = useCompleteTasks();
  const canWrite = me.can.writeTasks;
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [openId, setOpenId] = useState<string | null>(null);
  const [form, setForm] = useState<TaskFormTarget | null>(null);

  const toggle = (task: TaskItem, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(task.id);
      else next.delete(task.id);
      return next;
    });

  const completeIds = (ids: string[], what: string) =>
    complete.mutate(ids, {
      onSuccess: () => {
        setSelected((s) => new Set([...s].filter((id) => !ids.includes(id))));
        notifications.show({ color: 'teal', message: what });
      },
      onError: (e) => notifications.show({ color: 'red', title: t('myWork.nothingCompleted'), message: errorMessage(e) }),
    });

  const newTask = canWrite ? (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setForm({})}>
      {t('newTask')}
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
        title={t('myWork.title')}
        description={data ? t('myWork.description', { today: formatDue(data.today) }) : t('myWork.descriptionLoading')}
        actions={
          <>
            <ExportMenu path="/api/my-work/export" params={{}} />
            {newTask}
          </>
        }
      />
      <QueryStates query={work} loading={t('myWork.loading')}>
        {({ groups, today, truncated, overduePartners }) => (
          <Stack gap="md">
            {canWrite && openCount > 0 && (
              <Paper withBorder radius="md" p="xs" className={classes.bulkBar} role="region" aria-label={t('myWork.selectedRegion')}>
                <Group justify="space-between" gap="sm">
                  <Text size="sm" aria-live="polite">
                    {chosen.length ? t('myWork.selected', { count: chosen.length }) : t('myWork.openHint', { count: openCount })}
                  </Text>
                  <Group gap="xs">
                    {chosen.length > 0 && (
                      <Button variant="subtle" size="xs" onClick={() => setSelected(new Set())}>
                        {t('myWork.clearSelection')}
                      </Button>
                    )}
                    <Button
                      size="xs"
                      leftSection={<IconChecks size={16} aria-hidden />}
                      disabled={!chosen.length}
                      loading={complete.isPending && (complete.variables?.length ?? 0) > 1}
                      onClick={() => completeIds(chosen, t('myWork.doneCount', { count: chosen.length }))}
                    >
                      {t('myWork.completeSelected')}
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
                      {t(`myWork.group.${g}`)}
                    </Title>
                    <Badge variant="light" color={g === 'overdue' && tasks.length ? 'red' : 'gray'} aria-label={t('count', { count: tasks.length })}>
                      {tasks.length}
                    </Badge>
                  </Group>
                  {tasks.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t(`myWork.empty.${g}`)}
                    </Text>
                  ) : (
                    <TaskList
                      label={t(`myWork.groupList.${g}`)}
                      tasks={tasks}
                      today={today}
                      selected={canWrite ? new Set(chosen) : undefined}
                      onToggle={canWrite ? toggle : undefined}
                      onOpen={(task) => setOpenId(task.id)}
                      onComplete={canWrite ? (task) => completeIds([task.id], t('done')) : undefined}
                      completing={complete.isPending && complete.variables?.length === 1 ? complete.variables[0] : null}
                    />
                  )}
                </Card>
              );
            })}
            {truncated && (
              <Text size="sm" c="dimmed">
                {t('myWork.truncated')}
              </Text>
            )}
            <Card withBorder radius="md" padding="md" component="section" aria-labelledby="my-work-cadence">
              <Group gap="xs" mb="xs">
                <IconClockExclamation size={20} aria-hidden color="var(--mantine-color-orange-light-color)" />
                <Title order={2} size="h4" id="my-work-cadence">
                  {t('myWork.cadenceTitle')}
                </Title>
              </Group>
              {overduePartners.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('myWork.allRecent')}
                </Text>
              ) : (
                <ul className={classes.list} aria-label={t('myWork.overdueList')}>
                  {overduePartners.map((p) => (
                    <li key={p.id} className={classes.item}>
                      <Group justify="space-between" gap="sm" wrap="wrap">
                        <Stack gap={2}>
                          <Anchor component={Link} to={partnerPath(p.id)} size="sm" fw={500}>
                            {p.name}
                          </Anchor>
                          <Text size="xs" c="dimmed">
                            <Trans
                              t={t}
                              i18nKey="myWork.overdueLine"
                              values={{ day: formatDay(p.contactDueAt), days: p.contactIntervalDays }}
                              components={{ last: <LastContactText at={p.lastContactAt} size="xs" /> }}
                            />
                          </Text>
                        </Stack>
                        <Button component={Link} to={partnerPath(p.id, 'timeline')} size="compact-sm" variant="default">
                          {t('myWork.logContact')}
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
      <TaskDrawer taskId={openId} onClose={() => setOpenId(null)} onEdit={(task) => setForm({ task })} />
      <TaskFormModal target={form} onClose={() => setForm(null)} />
    </>
  );
}
