import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Group, Pagination, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconFileText, IconPlus } from '@tabler/icons-react';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.js';
import { plural } from '../../lib/format.js';
import type { PartnerTabProps } from '../partners/tabs.js';
import { ContractFormModal, type ContractFormTarget } from './ContractFormModal.js';
import { ContractTable } from './ContractTable.js';
import { contractsListQuery } from './queries.js';

const PAGE_SIZE = 50;
const SHOW = [
  { value: 'false', label: 'Current' },
  { value: 'true', label: 'Archived' },
];

/** The partner's contracts, upcoming notice deadlines first; add one. */
export function ContractsTab({ partner }: PartnerTabProps) {
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
          Agreements with {partner.name}: their term, when they renew and the last day notice can be given. Alerts go to the owner 90, 30 and 7 days before.
        </Text>
        <Group gap="sm">
          <SegmentedControl
            aria-label="Which contracts"
            data={SHOW}
            value={archived}
            onChange={(v) => {
              setArchived(v as 'false' | 'true');
              setPage(1);
            }}
          />
          {canEdit && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={add}>
              Add contract
            </Button>
          )}
        </Group>
      </Group>
      {contracts.isPending ? (
        <LoadingState label="Loading contracts…" />
      ) : contracts.isError && !contracts.data ? (
        <ErrorState error={contracts.error} onRetry={() => void contracts.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          icon={<IconFileText size={24} aria-hidden />}
          title={archived === 'true' ? 'No archived contracts' : 'No contracts yet'}
          description={canEdit && archived === 'false' ? `Record the agreements with ${partner.name} to be alerted before their notice deadlines.` : undefined}
          action={canEdit && archived === 'false' ? <Button onClick={add}>Add contract</Button> : undefined}
        />
      ) : (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {plural(total, archived === 'true' ? 'archived contract' : 'contract')}
          </Text>
          <ContractTable items={items} caption={`Contracts with ${partner.name}`} />
          {total > PAGE_SIZE && (
            <Group justify="center">
              <Pagination total={Math.ceil(total / PAGE_SIZE)} value={page} onChange={setPage} getControlProps={(c) => ({ 'aria-label': `${c} page` })} />
            </Group>
          )}
        </>
      )}
      <ContractFormModal target={form} onClose={() => setForm(null)} />
    </Stack>
  );
}
