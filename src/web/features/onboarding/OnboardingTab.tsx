import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, Checkbox, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconX } from '@tabler/icons-react';
import type { Onboarding, OnboardingStep } from '../../../shared/schemas/onboarding.js';
import { errorMessage } from '../../api.js';
import { useMe } from '../../components/session.js';
import { ErrorState, LoadingState } from '../../components/states.js';
import { formatDateTime, plural } from '../../lib/format.js';
import type { PartnerTabProps } from '../partners/tabs.js';
import { TEAM_ROLE_LABELS } from '../team/labels.js';
import { formatDay, tookLabel } from './format.js';
import { OnboardingActionModal } from './OnboardingActions.js';
import { partnerOnboardingQuery, useSetStepDone } from './queries.js';
import { StartOnboarding } from './StartOnboarding.js';

const STATUS_WORDS = { in_progress: 'In progress', completed: 'Completed', cancelled: 'Cancelled' } as const;
const STATUS_COLORS = { in_progress: 'indigo', completed: 'teal', cancelled: 'gray' } as const;

export function ProgressBar({ o, label }: { o: Pick<Onboarding, 'progress'>; label: string }) {
  const { done, total } = o.progress;
  const value = total ? Math.round((done / total) * 100) : 0;
  return (
    <Stack gap={4}>
      <Progress.Root size="lg" radius="xl">
        <Progress.Section value={value} color={value === 100 ? 'teal' : 'indigo'} aria-label={label} aria-valuetext={`${done} of ${total} steps done`} />
      </Progress.Root>
      <Text size="sm" c="dimmed">
        {done} of {plural(total, 'step')} done
      </Text>
    </Stack>
  );
}

function StepRow({ step, partnerId, canChange }: { step: OnboardingStep; partnerId: string; canChange: boolean }) {
  const setDone = useSetStepDone(partnerId);
  const done = step.status === 'done';
  const cancelled = step.status === 'cancelled';
  const toggle = (checked: boolean) =>
    setDone.mutate(
      { taskId: step.taskId, done: checked, version: step.version },
      { onError: (e) => notifications.show({ color: 'red', title: `“${step.title}” was not changed`, message: errorMessage(e) }) },
    );
  return (
    <Group component="li" gap="sm" wrap="nowrap" align="flex-start" py={8} style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
      <Checkbox
        mt={2}
        checked={done}
        disabled={!canChange || cancelled || setDone.isPending}
        onChange={(e) => toggle(e.currentTarget.checked)}
        aria-label={`${step.title}: ${done ? 'done, uncheck to reopen' : 'mark as done'}`}
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
            {step.ownerRole ? TEAM_ROLE_LABELS[step.ownerRole] : 'Step'} · {step.assignee?.name ?? 'Unassigned'} · due {formatDay(step.dueDate)}
          </Text>
          {step.overdue && (
            <Badge size="xs" color="red" variant="light">
              Overdue
            </Badge>
          )}
          {cancelled && (
            <Badge size="xs" color="gray" variant="outline">
              Cancelled
            </Badge>
          )}
          {done && step.completedAt && (
            <Text size="xs" c="dimmed">
              · done {formatDateTime(step.completedAt)}
            </Text>
          )}
        </Group>
      </Stack>
    </Group>
  );
}

function Current({ o, partnerId, canEdit, canOverride }: { o: Onboarding; partnerId: string; canEdit: boolean; canOverride: boolean }) {
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
              Started {formatDay(o.startedOn)}
              {o.startedBy ? ` by ${o.startedBy.name}` : ''}. The partner becomes active when every step is done.
            </Text>
          </Stack>
          <Group gap="xs">
            {canOverride && (
              <Button size="xs" variant="light" leftSection={<IconCircleCheck size={14} aria-hidden />} onClick={() => setAction('complete')}>
                Complete now
              </Button>
            )}
            {canEdit && (
              <Button size="xs" variant="subtle" color="red" leftSection={<IconX size={14} aria-hidden />} onClick={() => setAction('cancel')}>
                Cancel onboarding
              </Button>
            )}
          </Group>
        </Group>
        <ProgressBar o={o} label={`Onboarding progress of ${o.partner.name}`} />
        {o.overdueSteps > 0 && (
          <Alert color="red" variant="light" p="xs">
            {plural(o.overdueSteps, 'step is', 'steps are')} overdue.
          </Alert>
        )}
        <Title order={3} size="h5">
          Steps
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
  return (
    <Stack gap="xs" component="section" aria-labelledby="onboarding-past">
      <Title order={2} size="h4" id="onboarding-past">
        Earlier onboardings
      </Title>
      {items.map((o) => (
        <Card key={o.id} withBorder radius="md" padding="sm">
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Text size="sm" fw={500}>
              {o.playbook.name}
            </Text>
            <Badge color={STATUS_COLORS[o.status]} variant="light">
              {STATUS_WORDS[o.status]}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            Started {formatDay(o.startedOn)}
            {o.completedAt ? `, completed ${formatDateTime(o.completedAt)}` : ''}
            {o.durationDays !== null ? ` — took ${tookLabel(o.durationDays)}` : ''}. {o.progress.done} of {plural(o.progress.total, 'step')} done.
          </Text>
          {o.override && (
            <Text size="sm">
              Completed early by {o.override.by?.name ?? 'a former user'}: {o.override.reason}
            </Text>
          )}
        </Card>
      ))}
    </Stack>
  );
}

/** A partner's onboarding: start it from a playbook, tick off its steps, see how earlier ones went. */
export function OnboardingTab({ partner }: PartnerTabProps) {
  const me = useMe();
  const onboardings = useQuery(partnerOnboardingQuery(partner.id));
  const canEdit = partner.can.edit;
  const canOverride = me.can.overrideOnboarding && !partner.archivedAt;
  const [starting, setStarting] = useState(false);

  if (onboardings.isPending) return <LoadingState label="Loading the onboarding…" />;
  if (onboardings.isError) return <ErrorState error={onboardings.error} onRetry={() => void onboardings.refetch()} />;
  const { current, past } = onboardings.data;
  const finished = !current && past[0]?.status === 'completed' ? past[0] : null;

  return (
    <Stack gap="md">
      {finished && (
        <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} title="Onboarded" role="status">
          {partner.name} completed “{finished.playbook.name}”
          {finished.durationDays !== null ? (finished.durationDays === 0 ? ' the same day it started' : ` in ${tookLabel(finished.durationDays)}`) : ''}
          {finished.completedAt ? ` on ${formatDateTime(finished.completedAt)}` : ''}.
        </Alert>
      )}
      {current ? (
        <Current o={current} partnerId={partner.id} canEdit={canEdit} canOverride={canOverride} />
      ) : canEdit && (!finished || starting) ? (
        <StartOnboarding partner={partner} isAdmin={me.user.role === 'admin'} />
      ) : canEdit ? (
        <Group>
          <Button variant="default" onClick={() => setStarting(true)}>
            Start another onboarding
          </Button>
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          {partner.name} has no onboarding in progress.
        </Text>
      )}
      {past.length > 0 && <Past items={past} />}
    </Stack>
  );
}
