import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ActionIcon, Alert, Badge, Button, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArchiveOff, IconPencil, IconPlus } from '@tabler/icons-react';
import type { RiskCriterion } from '../../../shared/schemas/risk.js';
import { errorMessage } from '../../api.js';
import { PageHeader } from '../../components/PageHeader.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.js';
import { CriterionModal } from './CriterionModal.js';
import { riskCriteriaQuery, riskPolicyQuery, useAddStarterCriteria, useArchiveCriterion } from './queries.js';
import { RiskPolicyForm } from './RiskPolicyForm.js';

function Criteria() {
  const [show, setShow] = useState<'false' | 'true'>('false');
  const criteria = useQuery(riskCriteriaQuery(show));
  const [editing, setEditing] = useState<RiskCriterion | 'new' | null>(null);
  const archive = useArchiveCriterion();
  const starter = useAddStarterCriteria();
  const addStarter = () =>
    starter.mutate(undefined, {
      onSuccess: (r) =>
        notifications.show({ color: 'teal', message: r.created.length ? `Added ${r.created.length} starter criteria.` : 'Every starter criterion is in the catalogue already.' }),
      onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
    });
  const items = criteria.data ?? [];
  const total = items.reduce((s, c) => s + c.weight, 0);

  return (
    <Stack gap="sm" component="section" aria-labelledby="risk-criteria">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h4" id="risk-criteria">
          Criteria
        </Title>
        <Group gap="xs">
          <SegmentedControl
            aria-label="Which criteria"
            data={[
              { value: 'false', label: 'In use' },
              { value: 'true', label: 'Archived' },
            ]}
            value={show}
            onChange={(v) => setShow(v as 'false' | 'true')}
          />
          <Button variant="default" onClick={addStarter} loading={starter.isPending}>
            Add starter criteria
          </Button>
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
            New criterion
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        Each assessment scores every criterion in use from 0 (no risk) to 3 (high risk); the weight says how much it counts. New assessments use the catalogue as it is when they
        start.
      </Text>
      {archive.isError && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(archive.error)}
        </Alert>
      )}
      {criteria.isPending ? (
        <LoadingState label="Loading criteria…" />
      ) : criteria.isError ? (
        <ErrorState error={criteria.error} onRetry={() => void criteria.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          title={show === 'false' ? 'No criteria yet' : 'No archived criteria'}
          description={show === 'false' ? 'Add the starter criteria of the supplier security policy, or your own.' : undefined}
        />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Criterion</Table.Th>
                <Table.Th ta="right">Weight</Table.Th>
                <Table.Th>Guidance</Table.Th>
                <Table.Th>
                  <Text span size="sm" fw={700}>
                    Actions
                  </Text>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td fw={500}>{c.name}</Table.Td>
                  <Table.Td ta="right">
                    <Badge variant="light" color="gray">
                      {c.weight}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {c.description ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      {!c.archivedAt && (
                        <ActionIcon variant="subtle" aria-label={`Edit ${c.name}`} onClick={() => setEditing(c)}>
                          <IconPencil size={16} aria-hidden />
                        </ActionIcon>
                      )}
                      <ActionIcon
                        variant="subtle"
                        color={c.archivedAt ? undefined : 'red'}
                        aria-label={`${c.archivedAt ? 'Restore' : 'Archive'} ${c.name}`}
                        onClick={() => archive.mutate({ c, archived: !c.archivedAt })}
                      >
                        {c.archivedAt ? <IconArchiveOff size={16} aria-hidden /> : <IconArchive size={16} aria-hidden />}
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {show === 'false' && items.length > 0 && (
        <Text size="xs" c="dimmed">
          {items.length} criteria, total weight {total}.
        </Text>
      )}
      <CriterionModal criterion={editing === 'new' || editing === null ? undefined : editing} opened={editing !== null} onClose={() => setEditing(null)} />
    </Stack>
  );
}

/** The supplier security policy as the app applies it: criteria, thresholds, review intervals, clauses. */
export function RiskAdminPage() {
  const policy = useQuery(riskPolicyQuery());
  return (
    <>
      <PageHeader
        title="Risk policy"
        description="How supplier and partner risk is assessed: the criteria, the rating thresholds, how often each rating is reviewed and which clauses contracts must contain."
      />
      <Stack gap="xl">
        <Criteria />
        {policy.isPending ? (
          <LoadingState label="Loading the policy…" />
        ) : policy.isError ? (
          <ErrorState error={policy.error} onRetry={() => void policy.refetch()} />
        ) : (
          <RiskPolicyForm key={policy.data.version} policy={policy.data} />
        )}
      </Stack>
    </>
  );
}
