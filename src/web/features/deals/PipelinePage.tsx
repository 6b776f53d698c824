import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Anchor, Card, Group, List, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconAlertTriangle, IconChartBar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DEAL_CURRENCIES } from '../../../shared/deals.js';
import { PIPELINE_GROUPS, pipelineQuery as pipelineParams, type PerCurrency, type Pipeline, type PipelineFigures } from '../../../shared/schemas/opportunity.js';
import { ListTable } from '../../components/ListTable.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryStates } from '../../components/QueryStates.js';
import { useMe } from '../../components/session.js';
import { EmptyState } from '../../components/states.js';
import { formatDay, formatMinor } from '../../lib/format.js';
import { DealsViews } from './DealsViews.js';
import { quarterLabel } from './labels.js';
import { pipelineQuery } from './queries.js';

type By = (typeof PIPELINE_GROUPS)[number];

/** Sums per currency, one line each ("CHF 12’000.00"), never added across currencies. */
function Amounts({ sums }: { sums: PerCurrency }) {
  const lines = DEAL_CURRENCIES.flatMap((c) => (sums[c] ? [formatMinor(sums[c], c)] : []));
  if (lines.length === 0) return <>—</>;
  return (
    <Stack gap={0}>
      {lines.map((l) => (
        <Text key={l} size="sm" style={{ whiteSpace: 'nowrap' }}>
          {l}
        </Text>
      ))}
    </Stack>
  );
}

function Figures({ f }: { f: PipelineFigures }) {
  const { t } = useTranslation('deals');
  return (
    <>
      <Table.Td ta="right">{f.openCount}</Table.Td>
      <Table.Td>
        <Amounts sums={f.byCurrency.open} />
      </Table.Td>
      <Table.Td>
        <Amounts sums={f.byCurrency.weighted} />
      </Table.Td>
      <Table.Td ta="right">{f.wonCount}</Table.Td>
      <Table.Td>
        <Amounts sums={f.byCurrency.won} />
      </Table.Td>
      <Table.Td>
        {f.chf ? (
          <Stack gap={0}>
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {t('pipeline.chfLine', { what: t('pipeline.open'), amount: formatMinor(f.chf.open, 'CHF') })}
            </Text>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {t('pipeline.chfLine', { what: t('pipeline.weighted'), amount: formatMinor(f.chf.weighted, 'CHF') })}
            </Text>
            <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
              {t('pipeline.chfLine', { what: t('pipeline.won'), amount: formatMinor(f.chf.won, 'CHF') })}
            </Text>
          </Stack>
        ) : (
          '—'
        )}
      </Table.Td>
    </>
  );
}

/** Which rates the CHF column used, and which months had none (then the CHF figures are left out). */
function Rates({ pipeline }: { pipeline: Pipeline }) {
  const { t } = useTranslation('deals');
  const me = useMe();
  return (
    <Stack gap="sm">
      {pipeline.missingRates.length > 0 && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} role="status">
          {t('pipeline.missing', { list: pipeline.missingRates.map((m) => t('pipeline.missingItem', { currency: m.currency, month: m.month })).join(', ') })}
          {me.can.manageFxRates && (
            <>
              {' '}
              <Anchor component={Link} to="/admin/fx-rates" size="sm">
                {t('pipeline.setRates')}
              </Anchor>
            </>
          )}
        </Alert>
      )}
      {pipeline.ratesUsed.length > 0 && (
        <Card withBorder radius="md" component="section" aria-labelledby="pipeline-rates">
          <Text fw={600} size="sm" id="pipeline-rates">
            {t('pipeline.ratesUsed')}
          </Text>
          <Text size="xs" c="dimmed" mb="xs">
            {t('pipeline.ratesUsedHint')}
          </Text>
          <List size="sm" spacing={2} data-testid="pipeline-rates-used">
            {pipeline.ratesUsed.map((r) => (
              <List.Item key={`${r.month}-${r.currency}`}>{t('pipeline.rate', { month: r.month, currency: r.currency, rate: r.rateToChf })}</List.Item>
            ))}
          </List>
        </Card>
      )}
    </Stack>
  );
}

/** /deals/pipeline: open (weighted and unweighted) and won per partner, owner or quarter, per currency and converted to CHF. */
export function PipelinePage() {
  const { t } = useTranslation('deals');
  const [search, setSearch] = useSearchParams();
  const parsed = pipelineParams.safeParse(Object.fromEntries(search));
  const params = parsed.success ? parsed.data : pipelineParams.parse({});
  const pipeline = useQuery(pipelineQuery(params));
  const set = (key: string, value: string | null) =>
    setSearch((s) => {
      const next = new URLSearchParams(s);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });
  const byWords: Record<By, string> = { partner: t('pipeline.byPartner'), owner: t('pipeline.byOwner'), quarter: t('pipeline.byQuarter') };
  const rowLabel = (by: By, key: string | null, label: string | null) => {
    if (by === 'quarter' && key) return quarterLabel(key);
    if (by === 'partner' && key)
      return (
        <Anchor component={Link} to={`/partners/${encodeURIComponent(key)}`} size="sm">
          {label ?? key}
        </Anchor>
      );
    if (by === 'owner' && !key) return t('pipeline.noOwner');
    return label ?? t('pipeline.unnamed');
  };

  return (
    <>
      <PageHeader title={t('pipeline.title')} description={t('pipeline.description')} />
      <DealsViews />
      <Group gap="sm" align="flex-end" mb="md" wrap="wrap">
        <SegmentedControl aria-label={t('pipeline.by')} data={PIPELINE_GROUPS.map((b) => ({ value: b, label: byWords[b] }))} value={params.by} onChange={(v) => set('by', v)} />
        <DatePickerInput
          label={t('pipeline.from')}
          valueFormat="D MMM YYYY"
          clearable
          value={params.from ?? null}
          onChange={(d) => set('from', d ? String(d).slice(0, 10) : null)}
          w={170}
        />
        <DatePickerInput
          label={t('pipeline.to')}
          valueFormat="D MMM YYYY"
          clearable
          value={params.to ?? null}
          onChange={(d) => set('to', d ? String(d).slice(0, 10) : null)}
          w={170}
        />
      </Group>
      <QueryStates
        query={pipeline}
        loading={t('pipeline.loading')}
        isEmpty={(p) => p.rows.length === 0}
        empty={<EmptyState icon={<IconChartBar size={24} aria-hidden />} title={t('pipeline.empty')} />}
      >
        {(p) => (
          <Stack gap="md">
            <Card withBorder radius="md" padding={0}>
              <ListTable query={pipeline} caption={t('pipeline.caption', { by: byWords[p.by], from: formatDay(p.from), to: formatDay(p.to) })} data-testid="pipeline-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{byWords[p.by]}</Table.Th>
                    <Table.Th ta="right">{t('pipeline.openCount')}</Table.Th>
                    <Table.Th>{t('pipeline.open')}</Table.Th>
                    <Table.Th>{t('pipeline.weighted')}</Table.Th>
                    <Table.Th ta="right">{t('pipeline.wonCount')}</Table.Th>
                    <Table.Th>{t('pipeline.won')}</Table.Th>
                    <Table.Th>{t('pipeline.inChf')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {p.rows.map((r) => (
                    <Table.Tr key={r.key ?? 'none'}>
                      <Table.Td>{rowLabel(p.by, r.key, r.label)}</Table.Td>
                      <Figures f={r} />
                    </Table.Tr>
                  ))}
                </Table.Tbody>
                <Table.Tfoot>
                  <Table.Tr>
                    <Table.Th scope="row">{t('pipeline.total')}</Table.Th>
                    <Figures f={p.total} />
                  </Table.Tr>
                </Table.Tfoot>
              </ListTable>
            </Card>
            {p.by === 'partner' && (
              <Text size="xs" c="dimmed">
                {t('pipeline.totalNote')}
              </Text>
            )}
            <Rates pipeline={p} />
          </Stack>
        )}
      </QueryStates>
    </>
  );
}
