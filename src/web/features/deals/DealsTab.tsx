import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconCoin, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ListFooter } from '../../components/ListFooter.js';
import { QueryStates } from '../../components/QueryStates.js';
import { useMe } from '../../components/session.js';
import { EmptyState } from '../../components/states.js';
import type { PartnerTabProps } from '../partners/tabs.js';
import { DealTable } from './DealTable.js';
import { kindLabel } from './labels.js';
import { OpportunityFormModal, type OpportunityFormTarget } from './OpportunityFormModal.js';
import { opportunitiesListQuery } from './queries.js';

const PAGE_SIZE = 25;
type Which = 'open' | 'won' | 'lost' | 'all';

/** The partner's deals (open first by expected close, or won, lost, all), and a new one with this partner already in it. */
export function DealsTab({ partner }: PartnerTabProps) {
  const { t } = useTranslation('deals');
  const me = useMe();
  const [which, setWhich] = useState<Which>('open');
  const [page, setPage] = useState(1);
  const [form, setForm] = useState<OpportunityFormTarget | null>(null);
  const deals = useQuery(
    opportunitiesListQuery({
      partnerId: partner.id,
      state: which === 'all' ? undefined : which,
      page,
      pageSize: PAGE_SIZE,
      sort: which === 'open' ? 'expectedCloseOn' : '-expectedCloseOn',
    }),
  );
  const canAdd = me.can.writeOpportunities && !partner.archivedAt;
  const add = () => setForm({ partner });

  return (
    <Stack gap="md" data-testid="partner-deals-tab">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Text size="sm" c="dimmed" style={{ flex: '1 1 20rem' }}>
          {t('tab.intro', { name: partner.name })}
        </Text>
        <Group gap="sm">
          <SegmentedControl
            aria-label={t('list.state')}
            data={[
              { value: 'open', label: kindLabel('open') },
              { value: 'won', label: kindLabel('won') },
              { value: 'lost', label: kindLabel('lost') },
              { value: 'all', label: t('list.archivedAll') },
            ]}
            value={which}
            onChange={(v) => {
              setWhich(v as Which);
              setPage(1);
            }}
          />
          {canAdd && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={add}>
              {t('tab.add')}
            </Button>
          )}
        </Group>
      </Group>
      <Card withBorder radius="md" padding={0}>
        <QueryStates
          query={deals}
          loading={t('tab.loading')}
          inset
          isEmpty={(p) => p.items.length === 0}
          empty={
            <EmptyState
              icon={<IconCoin size={24} aria-hidden />}
              title={t('tab.empty', { name: partner.name })}
              description={canAdd ? t('tab.emptyText') : undefined}
              action={canAdd ? <Button onClick={add}>{t('tab.add')}</Button> : undefined}
            />
          }
        >
          {({ items }) => <DealTable items={items} query={deals} caption={t('tab.caption', { name: partner.name })} />}
        </QueryStates>
        <ListFooter total={deals.data?.total ?? 0} page={page} pageSize={PAGE_SIZE} counted={t('list.count', { count: deals.data?.total ?? 0 })} onPage={setPage} />
      </Card>
      <OpportunityFormModal target={form} onClose={() => setForm(null)} />
    </Stack>
  );
}
