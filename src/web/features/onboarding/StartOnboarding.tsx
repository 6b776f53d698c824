import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconPlayerPlay } from '@tabler/icons-react';
import { Link } from 'react-router';
import { PARTNER_TYPE_LABELS } from '../../../shared/partners.js';
import type { Partner } from '../../../shared/schemas/partner.js';
import { ApiError, errorMessage } from '../../api.js';
import { ErrorState, LoadingState } from '../../components/states.js';
import { plural } from '../../lib/format.js';
import { playbooksQuery } from '../playbooks/queries.js';
import { addDays, formatDay, todayInZurich } from './format.js';
import { useStartOnboarding } from './queries.js';

/** Picks a playbook (the one for the partner's type first) and a start date, and starts the onboarding. */
export function StartOnboarding({ partner, isAdmin }: { partner: Partner; isAdmin: boolean }) {
  const playbooks = useQuery(playbooksQuery());
  const start = useStartOnboarding(partner.id);
  const [playbookId, setPlaybookId] = useState<string | null>(null);
  const [startedOn, setStartedOn] = useState(todayInZurich());
  const [errors, setErrors] = useState<Record<string, string>>({});

  // The partner's own type first, so the usual choice is already made.
  const options = useMemo(() => {
    const list = [...(playbooks.data ?? [])].sort((a, b) => Number(partner.types.includes(b.partnerType)) - Number(partner.types.includes(a.partnerType)));
    return list.map((p) => ({ value: p.id, label: `${p.name} (${PARTNER_TYPE_LABELS[p.partnerType]})` }));
  }, [playbooks.data, partner.types]);
  useEffect(() => {
    if (playbookId === null && options[0]) setPlaybookId(options[0].value);
  }, [options, playbookId]);

  if (playbooks.isPending) return <LoadingState label="Loading playbooks…" />;
  if (playbooks.isError) return <ErrorState error={playbooks.error} onRetry={() => void playbooks.refetch()} />;
  if (!playbooks.data.length) {
    return (
      <Alert color="gray" variant="light" title="No playbooks yet">
        {isAdmin ? (
          <>
            Add the starter playbooks on the <Link to="/playbooks">playbooks page</Link> first; then an onboarding can start here.
          </>
        ) : (
          'An administrator sets up onboarding playbooks; then an onboarding can start here.'
        )}
      </Alert>
    );
  }

  const chosen = playbooks.data.find((p) => p.id === playbookId);
  const lastDue = chosen && /^\d{4}-\d{2}-\d{2}$/.test(startedOn) ? addDays(startedOn, Math.max(...chosen.steps.map((s) => s.dueAfterDays))) : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!playbookId) found.playbookId = 'Pick a playbook';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(startedOn)) found.startedOn = 'Start date must be a date';
    setErrors(found);
    if (Object.keys(found).length) return;
    start.mutate(
      { playbookId: playbookId!, startedOn },
      {
        onSuccess: (o) => notifications.show({ color: 'teal', message: `Onboarding of ${partner.name} started: ${plural(o.steps.length, 'task')} assigned.` }),
        onError: (err) => {
          if (err instanceof ApiError) setErrors(Object.fromEntries(Object.entries(err.fieldErrors).map(([k, v]) => [k, `${k === 'startedOn' ? 'Start date' : 'Playbook'} ${v}`])));
        },
      },
    );
  };

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="start-onboarding">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="start-onboarding">
            Start onboarding
          </Title>
          <Text size="sm" c="dimmed">
            Each step of the playbook becomes a task for the colleague holding its role on {partner.name} (else the partner’s owner, else you), due relative to the start date.
            {partner.status === 'prospect' ? ' The partner moves from prospect to onboarding.' : ''}
          </Text>
          {start.isError && !(start.error instanceof ApiError && Object.keys(start.error.fieldErrors).length) && (
            <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
              {errorMessage(start.error)}
            </Alert>
          )}
          <Group align="flex-start" grow wrap="wrap">
            <Select label="Playbook" required data={options} value={playbookId} onChange={setPlaybookId} allowDeselect={false} error={errors.playbookId} miw={240} />
            <TextInput label="Start date" type="date" required value={startedOn} onChange={(e) => setStartedOn(e.currentTarget.value)} error={errors.startedOn} miw={160} />
          </Group>
          {chosen && (
            <Text size="sm">
              {plural(chosen.steps.length, 'step')}
              {lastDue ? `, the last due ${formatDay(lastDue)}` : ''}.
            </Text>
          )}
          <Group>
            <Button type="submit" leftSection={<IconPlayerPlay size={16} aria-hidden />} loading={start.isPending}>
              Start onboarding
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
