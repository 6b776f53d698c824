import { Link } from 'react-router';
import { Anchor, Badge, Table, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Opportunity, OPPORTUNITY_SORTS } from '../../../shared/schemas/opportunity.js';
import { ListTable } from '../../components/ListTable.js';
import { SortHeader } from '../../components/SortHeader.js';
import { formatDay, formatMinor } from '../../lib/format.js';
import { dealPath, roleLabel, stageName } from './labels.js';

/** The API's sort fields of the columns. */
const SORT = { title: 'title', stage: 'stage', value: 'value', close: 'expectedCloseOn' } as const satisfies Record<string, (typeof OPPORTUNITY_SORTS)[number]>;

export const STAGE_COLORS = { open: 'blue', won: 'teal', lost: 'gray' } as const;

export function StageBadge({ stage }: { stage: Opportunity['stage'] }) {
  return (
    <Badge variant="light" color={STAGE_COLORS[stage.kind]}>
      {stageName(stage)}
    </Badge>
  );
}

interface Props {
  items: Opportunity[];
  query: Pick<UseQueryResult, 'isPlaceholderData' | 'isFetching'>;
  caption: string;
  /** The list's order and how to change it; without, the headers do not sort. */
  sort?: { value: string; onSort: (sort: string) => void };
}

/** Deals as rows: title and customer, partners with their roles, stage, value (weighted below), expected close and owner. */
export function DealTable({ items, query, caption, sort }: Props) {
  const { t } = useTranslation('deals');
  const header = (field: string, label: string, visibleFrom?: 'sm' | 'md' | 'lg') =>
    sort ? <SortHeader field={field} label={label} sort={sort.value} onSort={sort.onSort} visibleFrom={visibleFrom} /> : <Table.Th visibleFrom={visibleFrom}>{label}</Table.Th>;
  return (
    <ListTable query={query} caption={caption} minWidth={0}>
      <Table.Thead>
        <Table.Tr>
          {header(SORT.title, t('column.title'))}
          <Table.Th visibleFrom="md">{t('column.partners')}</Table.Th>
          {header(SORT.stage, t('column.stage'), 'sm')}
          {header(SORT.value, t('column.value'))}
          {header(SORT.close, t('column.close'), 'sm')}
          <Table.Th visibleFrom="lg">{t('column.owner')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((o) => (
          <Table.Tr key={o.id} data-testid={`deal-row-${o.id}`}>
            <Table.Td>
              <Anchor component={Link} to={dealPath(o.id)} size="sm" fw={500}>
                {o.title}
              </Anchor>
              <Text size="xs" c="dimmed">
                {o.customer.name}
                {o.archivedAt ? ` · ${t('list.archivedMark')}` : ''}
              </Text>
            </Table.Td>
            <Table.Td visibleFrom="md">
              {o.partners.map((p) => (
                <Text key={p.id} size="sm">
                  <Anchor component={Link} to={`/partners/${encodeURIComponent(p.id)}`} size="sm">
                    {p.name}
                  </Anchor>
                  <Text span size="xs" c="dimmed">
                    {` · ${roleLabel(p.role)}`}
                  </Text>
                </Text>
              ))}
            </Table.Td>
            <Table.Td visibleFrom="sm">
              <StageBadge stage={o.stage} />
            </Table.Td>
            <Table.Td>
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                {formatMinor(o.valueMinor, o.currency)}
              </Text>
              {o.stage.kind === 'open' && (
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {t('board.weightedValue', { amount: formatMinor(o.weightedMinor, o.currency) })}
                </Text>
              )}
            </Table.Td>
            <Table.Td visibleFrom="sm">
              <Text size="sm">{formatDay(o.closedOn ?? o.expectedCloseOn)}</Text>
            </Table.Td>
            <Table.Td visibleFrom="lg">
              <Text size="sm">{o.owner?.name ?? '—'}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ListTable>
  );
}
