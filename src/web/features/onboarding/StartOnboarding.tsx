import { useMemo, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconPlayerPlay } from '@tabler/icons-react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Partner } from '../../../shared/schemas/partner.js';
import { ApiError, errorMessage } from '../../api.js';
import { ErrorState, LoadingState } from '../../components/states.js';
import { playbooksQuery } from '../playbooks/queries.js';
import { addDays, formatDay, todayInZurich } from './format.js';
import { useStartOnboarding } from './queries.js';

/** Picks a playbook (the one for the partner's type first) and a start date, and starts the onboarding. */
export function StartOnboarding({ partner, isAdmin }: { partner: Partner; isAdmin: boolean }) {
  const { t } = useTranslation(['onboarding', 'partners']);
  const playbooks = useQuery(playbooksQuery());
  const start = useStartOnboarding(partner.id);
  const [picked, setPicked] = useState<string | null>(null);
  const [startedOn, setStartedOn] = useState(todayInZurich());
  const [errors, setErrors] = useState<Record<string, string>>({});

  // The partner's own type first, so the usual choice is already made.
  const options = useMemo(() => {
    const list = [...(playbooks.data ?? [])].sort((a, b) => Number(partner.types.includes(b.partnerType)) - Number(partner.types.includes(a.partnerType)));
    return list.map((p) => ({ value: p.id, label: `${p.name} (${t(`partners:type.${p.partnerType}`)})` }));
  }, [playbooks.data, partner.types, t]);
  const playbookId = picked ?? options[0]?.value ?? null;

  if (playbooks.isPending) return <LoadingState label={t('start.loading')} />;
  if (playbooks.isError) return <ErrorState error={playbooks.error} onRetry={() => void playbooks.refetch()} />;
  if (!playbooks.data.length) {
    return (
      <Alert color="gray" variant="light" title={t('start.noPlaybooks')}>
        {isAdmin ? <Trans t={t} i18nKey="start.noPlaybooksAdmin" components={{ link: <Link to="/playbooks" /> }} /> : t('start.noPlaybooksOther')}
      </Alert>
    );
  }

  const chosen = playbooks.data.find((p) => p.id === playbookId);
  const lastDue = chosen && /^\d{4}-\d{2}-\d{2}$/.test(startedOn) ? addDays(startedOn, Math.max(...chosen.steps.map((s) => s.dueAfterDays))) : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!playbookId) found.playbookId = t('start.pickPlaybook');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(startedOn)) found.startedOn = t('start.dateInvalid');
    setErrors(found);
    if (Object.keys(found).length) return;
    start.mutate(
      { playbookId: playbookId!, startedOn },
      {
        onSuccess: (o) => notifications.show({ color: 'teal', message: t('start.started', { name: partner.name, count: o.steps.length }) }),
        onError: (err) => {
          if (err instanceof ApiError)
            setErrors(
              Object.fromEntries(
                Object.entries(err.fieldErrors).map(([k, v]) => [
                  k,
                  k === 'startedOn' ? t('start.fieldError.startedOn', { message: v }) : t('start.fieldError.playbookId', { message: v }),
                ]),
              ),
            );
        },
      },
    );
  };

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="start-onboarding">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="start-onboarding">
            {t('start.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('start.intro', { name: partner.name })}
            {partner.status === 'prospect' ? ` ${t('start.prospect')}` : ''}
          </Text>
          {start.isError && !(start.error instanceof ApiError && Object.keys(start.error.fieldErrors).length) && (
            <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
              {errorMessage(start.error)}
            </Alert>
          )}
          <Group align="flex-start" grow wrap="wrap">
            <Select label={t('start.playbook')} required data={options} value={playbookId} onChange={setPicked} allowDeselect={false} error={errors.playbookId} miw={240} />
            <TextInput
              label={t('start.startDate')}
              type="date"
              required
              value={startedOn}
              onChange={(e) => setStartedOn(e.currentTarget.value)}
              error={errors.startedOn}
              miw={160}
            />
          </Group>
          {chosen && (
            <Text size="sm">{lastDue ? t('start.stepsLastDue', { count: chosen.steps.length, date: formatDay(lastDue) }) : t('start.steps', { count: chosen.steps.length })}</Text>
          )}
          <Group>
            <Button type="submit" leftSection={<IconPlayerPlay size={16} aria-hidden />} loading={start.isPending}>
              {t('start.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
