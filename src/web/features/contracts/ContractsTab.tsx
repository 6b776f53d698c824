import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Group, Pagination, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconFileText, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.js';
import type { PartnerTabProps } from '../partners/tabs.js';
import { ContractFormModal, type ContractFormTarget } from './ContractFormModal.js';
import { ContractTable } from './ContractTable.js';
import { contractsListQuery } from './queries.js';

const PAGE_SIZE = 50;

/** The partner's contracts, upcoming notice deadlines first; add one. */
export function ContractsTab({ partner }: PartnerTabProps) {
  const { t } = useTranslation('contracts');
  const canEdit = partner.can.edit;
  const [archived, setArchived] = useState<'false' | 'true'>('false');
  const [page, setPage] = useState(1);
  const contracts = useQuery(contractsListQuery({ partnerId: partner.id, archived, page, pageSize: PAGE_SIZE }));
  const [form, setForm] = useState<ContractFormTarget | null>(null);
  const add = () => setForm({ partner: { id: partner.id, name: partner.name } });
  const items = contracts.data?.items ?? [];
  const total = contracts.data?.total ?? 0;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Text size="sm" c="dimmed" style={{ flex: '1 1 20rem' }}>
          {t('tab.intro', { name: partner.name })}
        </Text>
        <Group gap="sm">
          <SegmentedControl
            aria-label={t('tab.which')}
            data={[
              { value: 'false', label: t('tab.current') },
              { value: 'true', label: t('tab.archived') },
            ]}
            value={archived}
            onChange={(v) => {
              setArchived(v as 'false' | 'true');
              setPage(1);
            }}
          />
          {canEdit && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={add}>
              {t('tab.add')}
            </Button>
          )}
        </Group>
      </Group>
      {contracts.isPending ? (
        <LoadingState label={t('tab.loading')} />
      ) : contracts.isError && !contracts.data ? (
        <ErrorState error={contracts.error} onRetry={() => void contracts.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          icon={<IconFileText size={24} aria-hidden />}
          title={archived === 'true' ? t('tab.emptyArchived') : t('tab.empty')}
          description={canEdit && archived === 'false' ? t('tab.emptyText', { name: partner.name }) : undefined}
          action={canEdit && archived === 'false' ? <Button onClick={add}>{t('tab.add')}</Button> : undefined}
        />
      ) : (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {archived === 'true' ? t('tab.countArchived', { count: total }) : t('tab.count', { count: total })}
          </Text>
          <ContractTable items={items} caption={t('tab.caption', { name: partner.name })} />
          {total > PAGE_SIZE && (
            <Group justify="center">
              <Pagination total={Math.ceil(total / PAGE_SIZE)} value={page} onChange={setPage} getControlProps={(c) => ({ 'aria-label': t('tab.page', { page: c }) })} />
            </Group>
          )}
        </>
      )}
      <ContractFormModal target={form} onClose={() => setForm(null)} />
    </Stack>
  );
}
