import { useState } from 'react';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Collapse, Group, SegmentedControl, Stack, Switch, Text, TextInput } from '@mantine/core';
import { IconAdjustmentsHorizontal, IconBuildingStore, IconPlus, IconSearch } from '@tabler/icons-react';
import { ListPager } from '../../components/ListFooter.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryStates } from '../../components/QueryStates.js';
import { useMe } from '../../components/session.js';
import { ClearFiltersButton, EmptyState } from '../../components/states.js';
import { LoadDemoDataButton } from './DemoData.js';
import { importanceOptions, statusOptions, typeOptions } from './labels.js';
import { NO_FILTERS, usePartnerListParams } from './listParams.js';
import { ColumnChooser, SavedViewsMenu } from './ListTools.js';
import { ExportMenu } from '../../components/ExportMenu.js';
import { PartnerCards, PartnerTable } from './PartnerTable.js';
import { ColleagueSelect, CountrySelect, DebouncedTextInput, MultiFilter } from './pickers.js';
import { partnersListQuery } from './queries.js';
import classes from './PartnersPage.module.css';

export function PartnersPage() {
  const { t } = useTranslation('partners');
  const me = useMe();
  const { state, update, setColumns, replaceAll, address, search } = usePartnerListParams();
  const { api: params } = state;
  const partners = useQuery(partnersListQuery(params));
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const moreActive = Boolean(
    params.ownerId ||
    params.tag ||
    params.level ||
    params.country ||
    params.archived !== 'false' ||
    (isPhone && (params.type || params.status || params.importance || params.overdue)),
  );
  const [moreOpen, setMoreOpen] = useState(moreActive);
  const canWrite = me.can.createPartners;

  const total = partners.data?.total ?? 0;
  const archivedOptions = [
    { value: 'false', label: t('list.archived.current') },
    { value: 'true', label: t('list.archived.archived') },
    { value: 'all', label: t('list.archived.all') },
  ];
  // "26–50 of 112 partners" on a later page, "112 partners" when all fit.
  const countText = () => {
    const count = t('list.count', { count: total });
    if (total <= params.pageSize) return count;
    return t('list.range', { from: (params.page - 1) * params.pageSize + 1, to: Math.min(total, params.page * params.pageSize), total: count });
  };
  const shownCount = partners.isSuccess ? countText() : '\u00a0';

  // What a saved view compares against: the address plus the columns shown (remembered ones too).
  const current = new URLSearchParams(address);
  current.delete('page');
  current.set('cols', state.columns.join(','));

  // Clicks add a history entry, so back steps through them; the text filters replace theirs while typing.
  const push = (changes: Parameters<typeof update>[0]) => update(changes, { push: true });
  const clearFilters = () => {
    search.setValue('');
    push(NO_FILTERS);
  };

  const mainFilters = (
    <>
      <MultiFilter
        className={classes.filter}
        label={t('list.type')}
        allLabel={t('list.allTypes')}
        options={typeOptions()}
        value={state.types}
        onChange={(v) => push({ type: v })}
      />
      <MultiFilter
        className={classes.filter}
        label={t('list.status')}
        allLabel={t('list.allStatuses')}
        options={statusOptions()}
        value={state.statuses}
        onChange={(v) => push({ status: v })}
      />
      <MultiFilter
        className={classes.filter}
        label={t('list.importance')}
        allLabel={t('list.anyImportance')}
        options={importanceOptions()}
        value={state.importance}
        onChange={(v) => push({ importance: v })}
      />
      <Switch
        label={t('list.overdue')}
        checked={params.overdue === 'true'}
        onChange={(e) => push({ overdue: e.currentTarget.checked ? 'true' : null })}
        style={{ alignSelf: 'center' }}
      />
    </>
  );

  const onSort = (sort: string) => push({ sort });
  const addButton = canWrite ? (
    <Button component={Link} to="/partners/new" leftSection={<IconPlus size={16} aria-hidden />}>
      {t('list.add')}
    </Button>
  ) : null;
  const noneAtAll = !state.filtered && total === 0 && partners.isSuccess;

  return (
    <>
      <PageHeader title={t('list.title')} description={t('list.description')} actions={addButton} />

      <Card withBorder radius="md" padding={0}>
        {!noneAtAll && (
          <Stack gap={0} className={classes.filters}>
            <Group p="sm" gap="sm" role="search" aria-label={t('list.filters')} align="flex-start">
              <TextInput
                className={classes.search}
                placeholder={t('list.searchPlaceholder')}
                aria-label={t('list.searchLabel')}
                leftSection={<IconSearch size={16} aria-hidden />}
                value={search.value}
                onChange={(e) => search.setValue(e.currentTarget.value)}
              />
              {!isPhone && mainFilters}
              <Button
                variant={moreOpen ? 'light' : 'default'}
                leftSection={<IconAdjustmentsHorizontal size={16} aria-hidden />}
                onClick={() => setMoreOpen((o) => !o)}
                aria-expanded={moreOpen}
                aria-controls="more-partner-filters"
                rightSection={
                  moreActive && !moreOpen ? (
                    <Badge size="xs" circle>
                      {isPhone ? state.activeFilters : [params.ownerId, params.tag, params.level, params.country, params.archived !== 'false' ? 1 : null].filter(Boolean).length}
                    </Badge>
                  ) : null
                }
              >
                {isPhone ? t('list.filtersButton') : t('list.moreFilters')}
              </Button>
            </Group>
            <Collapse expanded={moreOpen} id="more-partner-filters">
              <Group px="sm" pb="sm" gap="sm" align="flex-end">
                {isPhone && mainFilters}
                <ColleagueSelect
                  className={classes.filter}
                  label={t('list.owner')}
                  placeholder={t('list.anyone')}
                  includeInactive
                  value={params.ownerId ?? null}
                  onChange={(v) => push({ ownerId: v })}
                  clearable
                />
                <DebouncedTextInput
                  className={classes.filter}
                  label={t('list.tag')}
                  placeholder={t('list.tagPlaceholder')}
                  value={params.tag ?? ''}
                  onCommit={(v) => update({ tag: v || null })}
                />
                <DebouncedTextInput
                  className={classes.filter}
                  label={t('list.level')}
                  placeholder={t('list.levelPlaceholder')}
                  value={params.level ?? ''}
                  onCommit={(v) => update({ level: v || null })}
                />
                <CountrySelect
                  className={classes.filter}
                  label={t('list.country')}
                  placeholder={t('list.anyCountry')}
                  value={params.country ?? null}
                  onChange={(v) => push({ country: v })}
                  clearable
                />
                <Stack gap={4}>
                  <Text size="sm" fw={500} id="archived-filter">
                    {t('list.archive')}
                  </Text>
                  <SegmentedControl aria-labelledby="archived-filter" data={archivedOptions} value={params.archived ?? 'false'} onChange={(v) => push({ archived: v })} />
                </Stack>
              </Group>
            </Collapse>
            <Group px="sm" pb="sm" gap="sm" justify="space-between">
              <Text size="sm" c="dimmed" aria-live="polite">
                {params.archived === 'true' ? t('list.inArchive', { what: shownCount }) : shownCount}
              </Text>
              <Group gap="xs">
                {state.filtered && <ClearFiltersButton size="sm" onClick={clearFilters} />}
                <SavedViewsMenu current={current} onApply={replaceAll} canSave />
                <ColumnChooser columns={state.columns} onChange={setColumns} />
                <ExportMenu path="/api/partners/export" params={current} columns={['name', ...state.columns]} />
              </Group>
            </Group>
          </Stack>
        )}

        <QueryStates
          query={partners}
          loading={t('list.loading')}
          inset
          isEmpty={(page) => page.items.length === 0}
          empty={
            noneAtAll ? (
              <EmptyState
                icon={<IconBuildingStore size={24} aria-hidden />}
                title={t('list.noneYet')}
                description={me.can.loadDemoData ? t('list.noneYetDemo') : canWrite ? t('list.noneYetWriter') : t('list.noneYetReader')}
                action={
                  <Group gap="sm" justify="center">
                    {addButton}
                    {me.can.loadDemoData && <LoadDemoDataButton variant="default" />}
                  </Group>
                }
              />
            ) : (
              <EmptyState icon={<IconBuildingStore size={24} aria-hidden />} title={t('list.noMatch')} description={t('list.noMatchHint')} onClearFilters={clearFilters} />
            )
          }
        >
          {({ items }) => (
            <>
              <PartnerTable items={items} columns={state.columns} sort={params.sort} onSort={onSort} query={partners} />
              <PartnerCards items={items} />
            </>
          )}
        </QueryStates>

        {total > params.pageSize && (
          <Group justify="center" p="sm" className={classes.footer}>
            <ListPager total={total} page={params.page} pageSize={params.pageSize} onPage={(page) => push({ page })} />
          </Group>
        )}
      </Card>
    </>
  );
}
