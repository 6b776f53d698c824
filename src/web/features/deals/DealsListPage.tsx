import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, CloseButton, Group, Select, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconCoin, IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { listOpportunitiesQuery, OPPORTUNITY_SORTS, OPPORTUNITY_STATES } from '../../../shared/schemas/opportunity.js';
import { ExportMenu } from '../../components/ExportMenu.js';
import { ListFooter } from '../../components/ListFooter.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryStates } from '../../components/QueryStates.js';
import { useMe } from '../../components/session.js';
import { sortCaption } from '../../components/SortHeader.js';
import { EmptyState } from '../../components/states.js';
import { useListParams } from '../../components/useListParams.js';
import { PartnerFilter } from '../contacts/PartnerFilter.js';
import { SavedViewsMenu } from '../partners/ListTools.js';
import { ColleagueSelect, MultiFilter } from '../partners/pickers.js';
import { DealsViews } from './DealsViews.js';
import { DealTable } from './DealTable.js';
import { kindLabel, quarterOptions, stageName } from './labels.js';
import { OpportunityFormModal, type OpportunityFormTarget } from './OpportunityFormModal.js';
import { opportunitiesListQuery, stagesQuery, type OpportunityListParams } from './queries.js';

const NO_FILTERS = { q: null, stage: null, state: null, partnerId: null, ownerId: null, quarter: null, closeFrom: null, closeTo: null, archived: null } as const;

/** /deals/list: every deal, filtered and ordered in the address, with saved views and the export. */
export function DealsListPage() {
  const { t } = useTranslation('deals');
  const me = useMe();
  const { params: list, update, search, address, setAddress } = useListParams(listOpportunitiesQuery, { names: { partnerId: 'partner', ownerId: 'owner' } });
  const stages = useQuery(stagesQuery('all'));
  const [form, setForm] = useState<OpportunityFormTarget | null>(null);
  const stageKeys = list.stage ?? [];
  const states = list.state ?? [];
  const params: OpportunityListParams = {
    ...list,
    stage: stageKeys.length ? stageKeys.join(',') : undefined,
    state: states.length ? states.join(',') : undefined,
  };
  const deals = useQuery(opportunitiesListQuery(params));
  const filtered = Boolean(
    params.q || params.stage || params.state || params.partnerId || params.ownerId || params.quarter || params.closeFrom || params.closeTo || params.archived !== 'false',
  );
  const clear = () => {
    search.setValue('');
    update(NO_FILTERS);
  };
  const sortWords = Object.fromEntries(OPPORTUNITY_SORTS.map((s) => [s, t(`sort.${s}`)]));
  const { page: _page, pageSize: _pageSize, ...exports } = params;
  const add = me.can.writeOpportunities ? (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setForm({})}>
      {t('actions.new')}
    </Button>
  ) : null;

  return (
    <>
      <PageHeader
        title={t('list.title')}
        description={t('list.description')}
        actions={
          <>
            <SavedViewsMenu resource="opportunities" current={address} onApply={(s) => setAddress(s, { push: true })} canSave />
            <ExportMenu path="/api/opportunities/export" params={exports as Record<string, string | undefined>} />
            {add}
          </>
        }
      />
      <DealsViews />
      <Card withBorder radius="md" padding={0}>
        <Group p="sm" gap="sm" role="search" aria-label={t('list.filters')} wrap="wrap">
          <TextInput
            style={{ flex: '2 1 14rem' }}
            placeholder={t('list.searchPlaceholder')}
            aria-label={t('list.search')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search.value}
            onChange={(e) => search.setValue(e.currentTarget.value)}
            rightSection={search.value ? <CloseButton size="sm" aria-label={t('list.clearSearch')} onClick={() => search.setValue('')} /> : null}
          />
          <MultiFilter
            label={t('list.stage')}
            allLabel={t('list.allStages')}
            options={(stages.data ?? []).map((s) => ({ value: s.key, label: stageName(s) }))}
            value={stageKeys}
            onChange={(v) => update({ stage: v })}
          />
          <MultiFilter
            label={t('list.state')}
            allLabel={t('list.allStates')}
            options={OPPORTUNITY_STATES.map((s) => ({ value: s, label: kindLabel(s) }))}
            value={states}
            onChange={(v) => update({ state: v })}
          />
          <PartnerFilter value={params.partnerId ?? null} onChange={(v) => update({ partnerId: v })} />
          <ColleagueSelect
            aria-label={t('list.owner')}
            placeholder={t('list.anyOwner')}
            clearable
            includeInactive
            value={params.ownerId ?? null}
            onChange={(v) => update({ ownerId: v })}
          />
          <Select
            aria-label={t('quarter.pick')}
            placeholder={t('quarter.any')}
            clearable
            data={quarterOptions(params.quarter)}
            value={params.quarter ?? null}
            onChange={(v) => update({ quarter: v })}
            w={150}
          />
          <DatePickerInput
            aria-label={t('list.closeFrom')}
            placeholder={t('list.closeFrom')}
            clearable
            valueFormat="D MMM YYYY"
            value={params.closeFrom ?? null}
            onChange={(d) => update({ closeFrom: d ? String(d).slice(0, 10) : null })}
            w={160}
          />
          <DatePickerInput
            aria-label={t('list.closeTo')}
            placeholder={t('list.closeTo')}
            clearable
            valueFormat="D MMM YYYY"
            value={params.closeTo ?? null}
            onChange={(d) => update({ closeTo: d ? String(d).slice(0, 10) : null })}
            w={160}
          />
          <Select
            aria-label={t('list.archived')}
            data={[
              { value: 'false', label: t('list.archivedNo') },
              { value: 'true', label: t('list.archivedYes') },
              { value: 'all', label: t('list.archivedAll') },
            ]}
            value={params.archived ?? 'false'}
            onChange={(v) => update({ archived: v })}
            allowDeselect={false}
            w={130}
          />
        </Group>
        <QueryStates
          query={deals}
          loading={t('list.loading')}
          inset
          isEmpty={(page) => page.items.length === 0}
          empty={
            <EmptyState
              icon={<IconCoin size={24} aria-hidden />}
              title={filtered ? t('list.noMatch') : t('list.none')}
              description={filtered ? t('list.noMatchHint') : t('list.noneHint')}
              onClearFilters={filtered ? clear : undefined}
              action={add}
            />
          }
        >
          {({ items }) => (
            <DealTable
              items={items}
              query={deals}
              caption={sortCaption(t('list.caption'), params.sort ?? '', sortWords)}
              sort={{ value: params.sort ?? '', onSort: (sort) => update({ sort }) }}
            />
          )}
        </QueryStates>
        <ListFooter
          total={deals.data?.total ?? 0}
          page={list.page}
          pageSize={list.pageSize}
          counted={t('list.count', { count: deals.data?.total ?? 0 })}
          onPage={(page) => update({ page })}
        />
      </Card>
      <OpportunityFormModal target={form} onClose={() => setForm(null)} />
    </>
  );
}
