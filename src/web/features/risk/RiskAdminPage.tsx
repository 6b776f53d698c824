import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ActionIcon, Alert, Badge, Button, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { IconArchive, IconArchiveOff, IconPencil, IconPlus } from '@tabler/icons-react';
import type { RiskCriterion } from '../../../shared/schemas/risk.js';
import { errorMessage } from '../../api.js';
import { PageHeader } from '../../components/PageHeader.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.js';
import { CriterionModal } from './CriterionModal.js';
import { riskCriteriaQuery, riskPolicyQuery, useAddStarterCriteria, useArchiveCriterion } from './queries.js';
import { RiskPolicyForm } from './RiskPolicyForm.js';

function Criteria() {
  const { t } = useTranslation('risk');
  const [show, setShow] = useState<'false' | 'true'>('false');
  const criteria = useQuery(riskCriteriaQuery(show));
  const [editing, setEditing] = useState<RiskCriterion | 'new' | null>(null);
  const archive = useArchiveCriterion();
  const starter = useAddStarterCriteria();
  const addStarter = () =>
    starter.mutate(undefined, {
      onSuccess: (r) => notifications.show({ color: 'teal', message: r.created.length ? t('admin.starterAdded', { count: r.created.length }) : t('admin.starterNone') }),
      onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
    });
  const items = criteria.data ?? [];
  const total = items.reduce((s, c) => s + c.weight, 0);

  return (
    <Stack gap="sm" component="section" aria-labelledby="risk-criteria">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h4" id="risk-criteria">
          {t('admin.criteria')}
        </Title>
        <Group gap="xs">
          <SegmentedControl
            aria-label={t('admin.which')}
            data={[
              { value: 'false', label: t('admin.inUse') },
              { value: 'true', label: t('admin.archived') },
            ]}
            value={show}
            onChange={(v) => setShow(v as 'false' | 'true')}
          />
          <Button variant="default" onClick={addStarter} loading={starter.isPending}>
            {t('admin.addStarter')}
          </Button>
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
            {t('admin.newCriterion')}
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {t('admin.intro')}
      </Text>
      {archive.isError && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(archive.error)}
        </Alert>
      )}
      {criteria.isPending ? (
        <LoadingState label={t('admin.loading')} />
      ) : criteria.isError ? (
        <ErrorState error={criteria.error} onRetry={() => void criteria.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={show === 'false' ? t('admin.emptyInUse') : t('admin.emptyArchived')} description={show === 'false' ? t('admin.emptyInUseText') : undefined} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.column.criterion')}</Table.Th>
                <Table.Th ta="right">{t('admin.column.weight')}</Table.Th>
                <Table.Th>{t('admin.column.guidance')}</Table.Th>
                <Table.Th>
                  <Text span size="sm" fw={700}>
                    {t('admin.column.actions')}
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
                        <ActionIcon variant="subtle" aria-label={t('admin.edit', { name: c.name })} onClick={() => setEditing(c)}>
                          <IconPencil size={16} aria-hidden />
                        </ActionIcon>
                      )}
                      <ActionIcon
                        variant="subtle"
                        color={c.archivedAt ? undefined : 'red'}
                        aria-label={c.archivedAt ? t('admin.restore', { name: c.name }) : t('admin.archive', { name: c.name })}
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
          {t('admin.total', { count: items.length, total })}
        </Text>
      )}
      <CriterionModal criterion={editing === 'new' || editing === null ? undefined : editing} opened={editing !== null} onClose={() => setEditing(null)} />
    </Stack>
  );
}

/** The supplier security policy as the app applies it: criteria, thresholds, review intervals, clauses. */
export function RiskAdminPage() {
  const { t } = useTranslation('risk');
  const policy = useQuery(riskPolicyQuery());
  return (
    <>
      <PageHeader title={t('admin.title')} description={t('admin.description')} />
      <Stack gap="xl">
        <Criteria />
        {policy.isPending ? (
          <LoadingState label={t('admin.loadingPolicy')} />
        ) : policy.isError ? (
          <ErrorState error={policy.error} onRetry={() => void policy.refetch()} />
        ) : (
          <RiskPolicyForm key={policy.data.version} policy={policy.data} />
        )}
      </Stack>
    </>
  );
}
