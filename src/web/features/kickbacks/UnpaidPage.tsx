import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Anchor, Card, Table, Text } from '@mantine/core';
import { IconCoins } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryStates } from '../../components/QueryStates.js';
import { EmptyState } from '../../components/states.js';
import { formatMinor } from '../../lib/format.js';
import { unpaidQuery } from './queries.js';

const num = { fontVariantNumeric: 'tabular-nums' } as const;

/** Finance's view: what is owed per partner and currency, on due and approved statements and on lines no statement holds yet. */
export function UnpaidPage() {
  const { t } = useTranslation('kickbacks');
  const unpaid = useQuery(unpaidQuery());
  return (
    <>
      <PageHeader title={t('unpaid.title')} description={t('unpaid.description')} />
      <Card withBorder radius="md" padding={0}>
        <QueryStates
          query={unpaid}
          loading={t('unpaid.loading')}
          inset
          isEmpty={(u) => u.items.length === 0}
          empty={<EmptyState icon={<IconCoins size={24} aria-hidden />} title={t('unpaid.empty')} description={t('unpaid.emptyText')} />}
        >
          {({ items, totals }) => (
            <Table.ScrollContainer minWidth={720}>
              <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
                <Table.Caption className="visually-hidden">{t('unpaid.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('unpaid.partner')}</Table.Th>
                    <Table.Th>{t('unpaid.currency')}</Table.Th>
                    <Table.Th ta="right">{t('unpaid.due')}</Table.Th>
                    <Table.Th ta="right">{t('unpaid.approved')}</Table.Th>
                    <Table.Th ta="right">{t('unpaid.unstated')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((r) => (
                    <Table.Tr key={`${r.partner.id}:${r.currency}`}>
                      <Table.Td>
                        <Anchor component={Link} to={`/commission-statements?partnerId=${r.partner.id}`} size="sm">
                          {r.partner.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{r.currency}</Table.Td>
                      <Table.Td ta="right" style={num}>
                        {formatMinor(r.dueMinor, r.currency)}
                      </Table.Td>
                      <Table.Td ta="right" style={num}>
                        {formatMinor(r.approvedMinor, r.currency)}
                      </Table.Td>
                      <Table.Td ta="right" style={num}>
                        {formatMinor(r.unstatedMinor, r.currency)}
                        {r.unstatedLines > 0 && (
                          <Text size="xs" c="dimmed">
                            {t('unpaid.unstatedLines', { count: r.unstatedLines })}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
                <Table.Tfoot>
                  {totals.map((x) => (
                    <Table.Tr key={x.currency}>
                      <Table.Th colSpan={2}>{t('unpaid.total', { currency: x.currency })}</Table.Th>
                      <Table.Td ta="right" fw={600} style={num}>
                        {formatMinor(x.dueMinor, x.currency)}
                      </Table.Td>
                      <Table.Td ta="right" fw={600} style={num}>
                        {formatMinor(x.approvedMinor, x.currency)}
                      </Table.Td>
                      <Table.Td ta="right" fw={600} style={num}>
                        {formatMinor(x.unstatedMinor, x.currency)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tfoot>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryStates>
      </Card>
    </>
  );
}
