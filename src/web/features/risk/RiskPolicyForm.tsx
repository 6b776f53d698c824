import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Group, NumberInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { CONTRACT_CLAUSES, RISK_RATINGS, type ContractClause, type RiskRating } from '../../../shared/compliance.js';
import type { RiskPolicy } from '../../../shared/schemas/risk.js';
import { errorMessage } from '../../api.js';
import { useSaveRiskPolicy } from './queries.js';

/** Thresholds, review intervals and required clauses by rating: the admin's side of the policy. */
export function RiskPolicyForm({ policy }: { policy: RiskPolicy }) {
  const { t } = useTranslation(['risk', 'contracts']);
  const [mediumFrom, setMediumFrom] = useState<number | string>(policy.mediumFrom);
  const [highFrom, setHighFrom] = useState<number | string>(policy.highFrom);
  const [months, setMonths] = useState<Record<RiskRating, number | string>>(policy.reviewMonths);
  const [clauses, setClauses] = useState<Record<RiskRating, string[]>>(policy.clauses);
  const save = useSaveRiskPolicy();
  const submit = () =>
    save.mutate(
      {
        version: policy.version,
        mediumFrom: Number(mediumFrom),
        highFrom: Number(highFrom),
        reviewMonths: { low: Number(months.low), medium: Number(months.medium), high: Number(months.high) },
        clauses: clauses as Record<RiskRating, ContractClause[]>,
      },
      { onSuccess: () => notifications.show({ color: 'teal', message: t('policy.saved') }) },
    );
  const errors = (save.error as { problem?: { errors?: { path: string; message: string }[] } } | null)?.problem?.errors ?? [];
  const errorOf = (path: string) => errors.find((e) => e.path === `body.${path}`)?.message;

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="risk-policy">
      <Stack gap="md">
        <Title order={2} size="h4" id="risk-policy">
          {t('policy.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('policy.intro')}
        </Text>
        <Group gap="md" wrap="wrap">
          <NumberInput label={t('policy.highFrom')} min={1} max={100} allowDecimal={false} value={highFrom} onChange={setHighFrom} error={errorOf('highFrom')} w={180} />
          <NumberInput label={t('policy.mediumFrom')} min={1} max={99} allowDecimal={false} value={mediumFrom} onChange={setMediumFrom} error={errorOf('mediumFrom')} w={180} />
        </Group>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
          {RISK_RATINGS.map((r) => (
            <Stack key={r} gap="xs">
              <Text fw={600} size="sm">
                {t(`rating.${r}`)}
              </Text>
              <NumberInput
                label={t(`policy.reviewEvery.${r}`)}
                min={1}
                max={60}
                allowDecimal={false}
                value={months[r]}
                onChange={(v) => setMonths((m) => ({ ...m, [r]: v }))}
                error={errorOf(`reviewMonths.${r}`)}
              />
              <Checkbox.Group label={t(`policy.clausesAt.${r}`)} value={clauses[r]} onChange={(v) => setClauses((c) => ({ ...c, [r]: v }))}>
                <Stack gap={4} mt={4}>
                  {CONTRACT_CLAUSES.map((c) => (
                    <Checkbox key={c} value={c} label={t(`contracts:clause.${c}`)} size="xs" />
                  ))}
                </Stack>
              </Checkbox.Group>
            </Stack>
          ))}
        </SimpleGrid>
        {save.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(save.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button onClick={submit} loading={save.isPending}>
            {t('policy.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
