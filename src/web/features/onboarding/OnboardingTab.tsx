import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, Checkbox, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconX } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Onboarding, OnboardingStep } from '../../../shared/schemas/onboarding.js';
import { errorMessage } from '../../api.js';
import { useMe } from '../../components/session.js';
import { ErrorState, LoadingState } from '../../components/states.js';
import { formatDateTime } from '../../lib/format.js';
import type { PartnerTabProps } from '../partners/tabs.js';
import { formatDay, tookLabel } from './format.js';
import { OnboardingActionModal } from './OnboardingActions.js';
import { partnerOnboardingQuery, useSetStepDone } from './queries.js';
import { StartOnboarding } from './StartOnboarding.js';

const STATUS_COLORS = { in_progress: 'indigo', completed: 'teal', cancelled: 'gray' } as const;

export function ProgressBar({ o, label }: { o: Pick<Onboarding, 'progress'>; label: string }) {
  const { t } = useTranslation('onboarding');
  const { done, total } = o.progress;
  const value = total ? Math.round((done / total) * 100) : 0;
  const text = t('progress.done', { done, count: total });
  return (
    <Stack gap={4}>
      <Progress.Root size="lg" radius="xl">
        <Progress.Section value={value} color={value === 100 ? 'teal' : 'indigo'} aria-label={label} aria-valuetext={text} />
      </Progress.Root>
      <Text size="sm" c="dimmed">
        {text}
      </Text>
    </Stack>
  );
}

function StepRow({ step, partnerId, canChange }: { step: OnboardingStep; partnerId: string; canChange: boolean }) {
  const { t } = useTranslation('onboarding');
  const setDone = useSetStepDone(partnerId);
  const done = step.status === 'done';
  const cancelled = step.status === 'cancelled';
  const toggle = (checked: boolean) =>
    setDone.mutate(
      { taskId: step.taskId, done: checked, version: step.version },
      { onError: (e) => notifications.show({ color: 'red', title: t('step.notChanged', { title: step.title }), message: errorMessage(e) }) },
    );
  return (
    <Group component="li" gap="sm" wrap="nowrap" align="flex-start" py={8} style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
      <Checkbox
        mt={2}
        checked={done}
        disabled={!canChange || cancelled || setDone.isPending}
        onChange={(e) => toggle(e.currentTarget.checked)}
        aria-label={t(done ? 'step.doneReopen' : 'step.markDone', { title: step.title })}
      />
      <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
        <Text size="sm" fw={500} td={done || cancelled ? 'line-through' : undefined} c={cancelled ? 'dimmed' : undefined}>
          {step.title}
        </Text>
        {step.description && (
          <Text size="xs" c="dimmed">
            {step.description}
          </Text>
        )}
        <Group gap={6} wrap="wrap">
          <Text size="xs" c="dimmed">
            {t('step.meta', {
              role: step.ownerRole ? t(`ownerRole.${step.ownerRole}`) : t('step.step'),
              assignee: step.assignee?.name ?? t('step.unassigned'),
              date: formatDay(step.dueDate),
            })}
          </Text>
          {step.overdue && (
            <Badge size="xs" color="red" variant="light">
              {t('step.overdue')}
            </Badge>
          )}
          {cancelled && (
            <Badge size="xs" color="gray" variant="outline">
              {t('step.cancelled')}
            </Badge>
          )}
          {done && step.completedAt && (
            <Text size="xs" c="dimmed">
              {t('step.doneAt', { date: formatDateTime(step.completedAt) })}
            </Text>
          )}
        </Group>
      </Stack>
    </Group>
  );
}

function Current({ o, partnerId, canEdit, canOverride }: { o: Onboarding; partnerId: string; canEdit: boolean; canOverride: boolean }) {
  const { t } = useTranslation('onboarding');
  const me = useMe();
  const [action, setAction] = useState<'complete' | 'cancel' | null>(null);
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="onboarding-current">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={2} style={{ flex: '1 1 16rem' }}>
            <Title order={2} size="h4" id="onboarding-current">
              {o.playbook.name}
            </Title>
            <Text size="sm" c="dimmed">
              {o.startedBy ? t('current.startedBy', { date: formatDay(o.startedOn), name: o.startedBy.name }) : t('current.started', { date: formatDay(o.startedOn) })}
            </Text>
          </Stack>
          <Group gap="xs">
            {canOverride && (
              <Button size="xs" variant="light" leftSection={<IconCircleCheck size={14} aria-hidden />} onClick={() => setAction('complete')}>
                {t('current.completeNow')}
              </Button>
            )}
            {canEdit && (
              <Button size="xs" variant="subtle" color="red" leftSection={<IconX size={14} aria-hidden />} onClick={() => setAction('cancel')}>
                {t('current.cancel')}
              </Button>
            )}
          </Group>
        </Group>
        <ProgressBar o={o} label={t('current.progressLabel', { name: o.partner.name })} />
        {o.overdueSteps > 0 && (
          <Alert color="red" variant="light" p="xs">
            {t('current.overdue', { count: o.overdueSteps })}
          </Alert>
        )}
        <Title order={3} size="h5">
          {t('current.steps')}
        </Title>
        <Stack gap={0} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {o.steps.map((s) => (
            <StepRow key={s.taskId} step={s} partnerId={partnerId} canChange={canEdit || s.assignee?.id === me.user.id} />
          ))}
        </Stack>
      </Stack>
      <OnboardingActionModal kind={action} onboarding={o} partnerId={partnerId} onClose={() => setAction(null)} />
    </Card>
  );
}

function Past({ items }: { items: Onboarding[] }) {
  const { t } = useTranslation('onboarding');
  const startedText = (o: Onboarding) => {
    const date = formatDay(o.startedOn);
    const completed = o.completedAt ? formatDateTime(o.completedAt) : null;
    const took = o.durationDays !== null ? tookLabel(o.durationDays) : null;
    if (completed && took) return t('past.startedCompletedTook', { date, completed, took });
    if (completed) return t('past.startedCompleted', { date, completed });
    if (took) return t('past.startedTook', { date, took });
    return t('past.started', { date });
  };
  return (
    <Stack gap="xs" component="section" aria-labelledby="onboarding-past">
      <Title order={2} size="h4" id="onboarding-past">
        {t('past.title')}
      </Title>
      {items.map((o) => (
        <Card key={o.id} withBorder radius="md" padding="sm">
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Text size="sm" fw={500}>
              {o.playbook.name}
            </Text>
            <Badge color={STATUS_COLORS[o.status]} variant="light">
              {t(`status.${o.status}`)}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {startedText(o)} {t('past.progress', { done: o.progress.done, count: o.progress.total })}
          </Text>
          {o.override && <Text size="sm">{t('past.override', { name: o.override.by?.name ?? t('past.formerUser'), reason: o.override.reason })}</Text>}
        </Card>
      ))}
    </Stack>
  );
}

/** "Acme completed “Vendor onboarding” in 12 days on 3 Mar 2026, 14:00." — one whole sentence per case. */
function finishedText(name: string, o: Onboarding, t: TFunction<'onboarding'>) {
  const values = { name, playbook: o.playbook.name, date: o.completedAt ? formatDateTime(o.completedAt) : '' };
  const on = Boolean(o.completedAt);
  if (o.durationDays === null) return on ? t('tab.completedOn', values) : t('tab.completed', values);
  if (o.durationDays === 0) return on ? t('tab.completedSameDayOn', values) : t('tab.completedSameDay', values);
  return on ? t('tab.completedInOn', { ...values, count: o.durationDays }) : t('tab.completedIn', { ...values, count: o.durationDays });
}

/** A partner's onboarding: start it from a playbook, tick off its steps, see how earlier ones went. */
export function OnboardingTab({ partner }: PartnerTabProps) {
  const { t } = useTranslation('onboarding');
  const me = useMe();
  const onboardings = useQuery(partnerOnboardingQuery(partner.id));
  const canEdit = partner.can.edit;
  const canOverride = me.can.overrideOnboarding && !partner.archivedAt;
  const [starting, setStarting] = useState(false);

  if (onboardings.isPending) return <LoadingState label={t('tab.loading')} />;
  if (onboardings.isError) return <ErrorState error={onboardings.error} onRetry={() => void onboardings.refetch()} />;
  const { current, past } = onboardings.data;
  const finished = !current && past[0]?.status === 'completed' ? past[0] : null;

  return (
    <Stack gap="md">
      {finished && (
        <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} title={t('tab.onboarded')} role="status">
          {finishedText(partner.name, finished, t)}
        </Alert>
      )}
      {current ? (
        <Current o={current} partnerId={partner.id} canEdit={canEdit} canOverride={canOverride} />
      ) : canEdit && (!finished || starting) ? (
        <StartOnboarding partner={partner} isAdmin={me.user.role === 'admin'} />
      ) : canEdit ? (
        <Group>
          <Button variant="default" onClick={() => setStarting(true)}>
            {t('tab.startAnother')}
          </Button>
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          {t('tab.noneInProgress', { name: partner.name })}
        </Text>
      )}
      {past.length > 0 && <Past items={past} />}
    </Stack>
  );
}
