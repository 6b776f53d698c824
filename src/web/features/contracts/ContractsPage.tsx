import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Group, Pagination, Paper, Select, Stack, Switch, Text } from '@mantine/core';
import { IconFileText, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../shared/days.js';
import type { PartnerSummary } from '../../../shared/schemas/partner.js';
import { ExportMenu } from '../../components/ExportMenu.js';
import { PageHeader } from '../../components/PageHeader.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.js';
import { DebouncedTextInput, PartnerSelect } from '../partners/pickers.js';
import { ContractTable } from './ContractTable.js';
import { CONTRACT_STATUS_OPTIONS, CONTRACT_TYPE_OPTIONS, todayInZurich } from './format.js';
import { contractsListQuery } from './queries.js';

const PAGE_SIZE = 50;
const NOTICE_WINDOW_DAYS = 90;

/** Every contract, upcoming notice deadlines first, with filters. */
export function ContractsPage() {
  const { t } = useTranslation('contracts');
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
  // The export takes the list's filters (not its page): every contract they match.
  const { page: _page, pageSize: _pageSize, ...exportParams } = params;
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
      <PageHeader title={t('list.title')} description={t('list.description')} />
      <Stack gap="md">
        <Paper withBorder p="sm" radius="md" component="section" aria-label={t('list.filters')}>
          <Group gap="sm" align="flex-end">
            <DebouncedTextInput
              label={t('list.search')}
              placeholder={t('list.searchPlaceholder')}
              leftSection={<IconSearch size={16} aria-hidden />}
              value={q}
              onCommit={filter(setQ)}
              style={{ flex: '1 1 12rem' }}
            />
            <Select
              label={t('list.type')}
              placeholder={t('list.anyType')}
              clearable
              data={CONTRACT_TYPE_OPTIONS}
              value={type}
              onChange={filter(setType)}
              style={{ flex: '1 1 12rem' }}
            />
            <Select
              label={t('list.status')}
              placeholder={t('list.anyStatus')}
              clearable
              data={CONTRACT_STATUS_OPTIONS}
              value={status}
              onChange={filter(setStatus)}
              style={{ flex: '1 1 12rem' }}
            />
            <PartnerSelect label={t('list.partner')} placeholder={t('list.anyPartner')} clearable value={partner} onPick={filter(setPartner)} style={{ flex: '1 1 12rem' }} />
            <Switch label={t('list.soon', { days: NOTICE_WINDOW_DAYS })} checked={soon} onChange={(e) => filter(setSoon)(e.currentTarget.checked)} mb={8} />
            <ExportMenu path="/api/contracts/export" params={exportParams} />
          </Group>
        </Paper>
        {contracts.isPending ? (
          <LoadingState label={t('list.loading')} />
        ) : contracts.isError && !contracts.data ? (
          <ErrorState error={contracts.error} onRetry={() => void contracts.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState
            icon={<IconFileText size={24} aria-hidden />}
            title={filtered ? t('list.noMatch') : t('list.empty')}
            description={filtered ? t('list.noMatchText') : t('list.emptyText')}
          />
        ) : (
          <>
            <Text size="sm" c="dimmed" aria-live="polite">
              {soon ? t('list.countSoon', { count: total, days: NOTICE_WINDOW_DAYS }) : t('list.count', { count: total })}
            </Text>
            <ContractTable items={items} caption={t('list.caption')} showPartner />
            {total > PAGE_SIZE && (
              <Group justify="center">
                <Pagination total={Math.ceil(total / PAGE_SIZE)} value={page} onChange={setPage} getControlProps={(c) => ({ 'aria-label': t('list.page', { page: c }) })} />
              </Group>
            )}
          </>
        )}
      </Stack>
    </>
  );
}
