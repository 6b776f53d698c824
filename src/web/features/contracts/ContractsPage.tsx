import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Group, Pagination, Paper, Select, Stack, Switch, Text } from '@mantine/core';
import { IconFileText, IconSearch } from '@tabler/icons-react';
import { addDays } from '../../../shared/days.js';
import type { PartnerSummary } from '../../../shared/schemas/partner.js';
import { PageHeader } from '../../components/PageHeader.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.js';
import { plural } from '../../lib/format.js';
import { DebouncedTextInput, PartnerSelect } from '../partners/pickers.js';
import { ContractTable } from './ContractTable.js';
import { CONTRACT_STATUS_OPTIONS, CONTRACT_TYPE_OPTIONS, todayInZurich } from './format.js';
import { contractsListQuery } from './queries.js';

const PAGE_SIZE = 50;
const NOTICE_WINDOW_DAYS = 90;

/** Every contract, upcoming notice deadlines first, with filters. */
export function ContractsPage() {
  const [type, setType] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [partner, setPartner] = useState<PartnerSummary | null>(null);
  const [soon, setSoon] = useState(false);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const params = {
    page,
    pageSize: PAGE_SIZE,
    type: type ?? undefined,
    status: status ?? undefined,
    partnerId: partner?.id,
    noticeBefore: soon ? addDays(todayInZurich(), NOTICE_WINDOW_DAYS) : undefined,
    q: q || undefined,
  };
  const contracts = useQuery(contractsListQuery(params));
  const filter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  const filtered = Boolean(type || status || partner || soon || q);
  const items = contracts.data?.items ?? [];
  const total = contracts.data?.total ?? 0;

  return (
    <>
      <PageHeader title="Contracts" description="Agreements with every partner, soonest notice deadline first. Open a partner's Contracts tab to add one." />
      <Stack gap="md">
        <Paper withBorder p="sm" radius="md" component="section" aria-label="Filters">
          <Group gap="sm" align="flex-end">
            <DebouncedTextInput
              label="Search"
              placeholder="Title, partner or party"
              leftSection={<IconSearch size={16} aria-hidden />}
              value={q}
              onCommit={filter(setQ)}
              style={{ flex: '1 1 12rem' }}
            />
            <Select label="Type" placeholder="Any type" clearable data={CONTRACT_TYPE_OPTIONS} value={type} onChange={filter(setType)} style={{ flex: '1 1 12rem' }} />
            <Select label="Status" placeholder="Any status" clearable data={CONTRACT_STATUS_OPTIONS} value={status} onChange={filter(setStatus)} style={{ flex: '1 1 12rem' }} />
            <PartnerSelect label="Partner" placeholder="Any partner" clearable value={partner} onPick={filter(setPartner)} style={{ flex: '1 1 12rem' }} />
            <Switch label={`Notice within ${NOTICE_WINDOW_DAYS} days`} checked={soon} onChange={(e) => filter(setSoon)(e.currentTarget.checked)} mb={8} />
          </Group>
        </Paper>
        {contracts.isPending ? (
          <LoadingState label="Loading contracts…" />
        ) : contracts.isError && !contracts.data ? (
          <ErrorState error={contracts.error} onRetry={() => void contracts.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState
            icon={<IconFileText size={24} aria-hidden />}
            title={filtered ? 'No contracts match' : 'No contracts yet'}
            description={filtered ? 'Change or clear the filters.' : "Contracts are added on a partner's Contracts tab."}
          />
        ) : (
          <>
            <Text size="sm" c="dimmed" aria-live="polite">
              {plural(total, 'contract')}
              {soon ? ` with a notice deadline in the next ${NOTICE_WINDOW_DAYS} days` : ''}
            </Text>
            <ContractTable items={items} caption="Contracts" showPartner />
            {total > PAGE_SIZE && (
              <Group justify="center">
                <Pagination total={Math.ceil(total / PAGE_SIZE)} value={page} onChange={setPage} getControlProps={(c) => ({ 'aria-label': `${c} page` })} />
              </Group>
            )}
          </>
        )}
      </Stack>
    </>
  );
}
