import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Anchor, Badge, Button, Card, Group, Modal, Select, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCoins, IconPlus, IconReceipt } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DEAL_CURRENCIES, STATEMENT_STATUSES } from '../../../shared/deals.js';
import { createStatementBody, listStatementsQuery, type Statement } from '../../../shared/schemas/kickback.js';
import type { PartnerSummary } from '../../../shared/schemas/partner.js';
import { ExportMenu } from '../../components/ExportMenu.js';
import { ListFooter } from '../../components/ListFooter.js';
import { ListTable } from '../../components/ListTable.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryStates } from '../../components/QueryStates.js';
import { SortHeader, sortCaption } from '../../components/SortHeader.js';
import { EmptyState } from '../../components/states.js';
import { FormError, useSchemaForm } from '../../components/useSchemaForm.js';
import { useListParams } from '../../components/useListParams.js';
import { formatDay, formatMinor, todayInZurich } from '../../lib/format.js';
import { i18n } from '../../i18n.js';
import { PartnerSelect } from '../partners/pickers.js';
import { recentQuarters, STATUS_COLORS } from './format.js';
import { statementsQuery, useCreateStatement } from './queries.js';

/** "2026-Q1" for a quarter's statement, else its days. */
export const periodOf = (s: Pick<Statement, 'quarter' | 'periodStart' | 'periodEnd'>) =>
  s.quarter ?? i18n.t('kickbacks:detail.period', { start: formatDay(s.periodStart), end: formatDay(s.periodEnd) });

function CreateStatementModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('kickbacks');
  const navigate = useNavigate();
  const create = useCreateStatement();
  const [partner, setPartner] = useState<PartnerSummary | null>(null);
  const quarters = recentQuarters(todayInZurich());
  const form = useSchemaForm(createStatementBody, { partnerId: '', period: quarters[0]!, currency: 'CHF' } as { partnerId: string; period: string; currency: string }, {
    labels: { partnerId: t('create.partner'), period: t('create.quarter'), currency: t('create.currency') },
  });
  // Read outside the markup: the literal-string lint takes field names for words.
  const periodInput = form.getInputProps('period');
  const currencyInput = form.getInputProps('currency');
  const submit = form.submit(async (body) => {
    const s = await create.mutateAsync(body);
    notifications.show({ color: 'teal', message: t('create.created') });
    onClose();
    void navigate(`/commission-statements/${s.id}`);
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('create.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError form={form} />
          <PartnerSelect
            label={t('create.partner')}
            placeholder={t('create.partnerPlaceholder')}
            required
            allow={(p) => p.types.includes('consultant_reseller')}
            value={partner}
            onPick={(p) => {
              setPartner(p);
              form.setFieldValue('partnerId', p?.id ?? '');
            }}
            error={form.errors.partnerId}
          />
          <Group grow>
            <Select label={t('create.quarter')} data={quarters} allowDeselect={false} {...periodInput} />
            <Select label={t('create.currency')} data={[...DEAL_CURRENCIES]} allowDeselect={false} {...currencyInput} />
          </Group>
          <Text size="sm" c="dimmed">
            {t('create.hint')}
          </Text>
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              {t('create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Every commission statement, newest period first: status, total, the export; draw up a new one. */
export function StatementsPage() {
  const { t } = useTranslation('kickbacks');
  const { params, update } = useListParams(listStatementsQuery);
  const statements = useQuery(statementsQuery(params));
  const [creating, setCreating] = useState(false);
  const sortWords = { periodStart: t('statement.period'), total: t('statement.total'), createdAt: t('statement.periodStart') };
  const statusOptions = STATEMENT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }));
  const quarters = recentQuarters(todayInZurich(), 12);
  const filtered = Boolean(params.status?.length || params.period || params.partnerId || params.currency);

  return (
    <>
      <PageHeader
        title={t('list.title')}
        description={t('list.description')}
        actions={
          <Group gap="sm">
            <Button component={Link} to="/commission-statements/unpaid" variant="default" leftSection={<IconCoins size={16} aria-hidden />}>
              {t('list.unpaid')}
            </Button>
            {statements.data?.can.create && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
                {t('list.create')}
              </Button>
            )}
          </Group>
        }
      />
      <Card withBorder radius="md" padding={0}>
        <Group p="sm" gap="sm" role="search" aria-label={t('list.filters')}>
          <Select
            aria-label={t('list.status')}
            placeholder={t('list.allStatuses')}
            data={statusOptions}
            value={params.status?.[0] ?? null}
            onChange={(v) => update({ status: v ? [v] : null })}
            clearable
          />
          <Select
            aria-label={t('list.period')}
            placeholder={t('list.periodPlaceholder')}
            data={quarters}
            value={params.period ?? null}
            onChange={(v) => update({ period: v })}
            clearable
          />
          <Select
            aria-label={t('statement.currency')}
            placeholder={t('statement.currency')}
            data={[...DEAL_CURRENCIES]}
            value={params.currency ?? null}
            onChange={(v) => update({ currency: v })}
            clearable
          />
          <ExportMenu
            path="/api/commission-statements/export"
            params={{ partnerId: params.partnerId, status: params.status?.join(','), period: params.period, currency: params.currency, sort: params.sort }}
          />
        </Group>
        <QueryStates
          query={statements}
          loading={t('list.loading')}
          inset
          isEmpty={(page) => page.items.length === 0}
          empty={
            <EmptyState
              icon={<IconReceipt size={24} aria-hidden />}
              title={t('list.empty')}
              description={filtered ? undefined : t('list.emptyText')}
              onClearFilters={filtered ? () => update({ status: null, period: null, partnerId: null, currency: null }) : undefined}
            />
          }
        >
          {({ items }) => (
            <ListTable query={statements} caption={sortCaption(t('list.caption'), params.sort, sortWords)} minWidth={720}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('statement.partner')}</Table.Th>
                  <SortHeader field="periodStart" label={t('statement.period')} sort={params.sort} onSort={(sort) => update({ sort })} />
                  <Table.Th>{t('statement.status')}</Table.Th>
                  <Table.Th ta="right">{t('statement.lineCount')}</Table.Th>
                  <SortHeader field="total" label={t('statement.total')} sort={params.sort} onSort={(sort) => update({ sort })} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/commission-statements/${s.id}`}
                        fw={500}
                        size="sm"
                        aria-label={t('list.open', { partner: s.partner.name, period: periodOf(s) })}
                      >
                        {s.partner.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{periodOf(s)}</Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLORS[s.status]} variant="light" tt="none">
                        {t(`status.${s.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">{s.lineCount}</Table.Td>
                    <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {formatMinor(s.totalMinor, s.currency)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ListTable>
          )}
        </QueryStates>
        <ListFooter
          total={statements.data?.total ?? 0}
          page={params.page}
          pageSize={params.pageSize}
          counted={t('list.count', { count: statements.data?.total ?? 0 })}
          onPage={(page) => update({ page })}
        />
      </Card>
      <CreateStatementModal opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
