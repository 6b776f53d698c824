import { useState } from 'react';
import { useMediaQuery } from '@mantine/hooks';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Collapse, Group, Pagination, SegmentedControl, Stack, Switch, Text } from '@mantine/core';
import { IconAdjustmentsHorizontal, IconBuildingStore, IconFilterOff, IconPlus, IconSearch } from '@tabler/icons-react';
import { PageHeader } from '../../components/PageHeader.js';
import { useMe } from '../../components/session.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.js';
import { plural } from '../../lib/format.js';
import { LoadDemoDataButton } from './DemoData.js';
import { IMPORTANCE_OPTIONS, STATUS_OPTIONS, TYPE_OPTIONS } from './labels.js';
import { PAGE_SIZE, usePartnerListParams } from './listParams.js';
import { ColumnChooser, SavedViewsMenu } from './ListTools.js';
import { PartnerCards, PartnerTable } from './PartnerTable.js';
import { ColleagueSelect, CountrySelect, DebouncedTextInput, MultiFilter } from './pickers.js';
import { partnersListQuery } from './queries.js';
import classes from './PartnersPage.module.css';

const ARCHIVED_OPTIONS = [
  { value: 'false', label: 'Current' },
  { value: 'true', label: 'Archived' },
  { value: 'all', label: 'All' },
];

export function PartnersPage() {
  const me = useMe();
  const { state, update, replaceAll, search } = usePartnerListParams();
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

  const items = partners.data?.items ?? [];
  const total = partners.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const first = total ? (params.page - 1) * PAGE_SIZE + 1 : 0;
  const last = Math.min(total, params.page * PAGE_SIZE);

  // What a saved view compares against: the address plus the columns shown (remembered ones too).
  const current = new URLSearchParams(search);
  current.delete('page');
  current.set('cols', state.columns.join(','));

  const clearFilters = () => {
    const next = new URLSearchParams();
    if (search.get('sort')) next.set('sort', search.get('sort')!);
    if (search.get('cols')) next.set('cols', search.get('cols')!);
    replaceAll(next);
  };

  const mainFilters = (
    <>
      <MultiFilter className={classes.filter} label="Type" allLabel="All types" options={TYPE_OPTIONS} value={state.types} onChange={(v) => update({ type: v.join(',') })} />
      <MultiFilter
        className={classes.filter}
        label="Status"
        allLabel="All statuses"
        options={STATUS_OPTIONS}
        value={state.statuses}
        onChange={(v) => update({ status: v.join(',') })}
      />
      <MultiFilter
        className={classes.filter}
        label="Importance"
        allLabel="Any importance"
        options={IMPORTANCE_OPTIONS}
        value={state.importance}
        onChange={(v) => update({ importance: v.join(',') })}
      />
      <Switch
        label="Overdue for contact"
        checked={params.overdue === 'true'}
        onChange={(e) => update({ overdue: e.currentTarget.checked ? 'true' : null })}
        style={{ alignSelf: 'center' }}
      />
    </>
  );

  const onSort = (s: string) => update({ sort: s === 'name' ? null : s });
  const addButton = canWrite ? (
    <Button component={Link} to="/partners/new" leftSection={<IconPlus size={16} aria-hidden />}>
      Add partner
    </Button>
  ) : null;
  const noneAtAll = !state.filtered && total === 0 && partners.isSuccess;

  return (
    <>
      <PageHeader title="Partners" description="Vendors, cloud providers, distributors, consultants and resellers we work with." actions={addButton} />

      <Card withBorder radius="md" padding={0}>
        {!noneAtAll && (
          <Stack gap={0} className={classes.filters}>
            <Group p="sm" gap="sm" role="search" aria-label="Filter partners" align="flex-start">
              <DebouncedTextInput
                className={classes.search}
                placeholder="Search by name"
                aria-label="Search partners by name"
                leftSection={<IconSearch size={16} aria-hidden />}
                value={params.q ?? ''}
                onCommit={(v) => update({ q: v || null }, { replace: true })}
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
                {isPhone ? 'Filters' : 'More filters'}
              </Button>
            </Group>
            <Collapse expanded={moreOpen} id="more-partner-filters">
              <Group px="sm" pb="sm" gap="sm" align="flex-end">
                {isPhone && mainFilters}
                <ColleagueSelect
                  className={classes.filter}
                  label="Owner"
                  placeholder="Anyone"
                  includeInactive
                  value={params.ownerId ?? null}
                  onChange={(v) => update({ owner: v })}
                  clearable
                />
                <DebouncedTextInput
                  className={classes.filter}
                  label="Tag"
                  placeholder="e.g. kubernetes"
                  value={params.tag ?? ''}
                  onCommit={(v) => update({ tag: v || null }, { replace: true })}
                />
                <DebouncedTextInput
                  className={classes.filter}
                  label="Level"
                  placeholder="e.g. Gold"
                  value={params.level ?? ''}
                  onCommit={(v) => update({ level: v || null }, { replace: true })}
                />
                <CountrySelect
                  className={classes.filter}
                  label="Country"
                  placeholder="Any country"
                  value={params.country ?? null}
                  onChange={(v) => update({ country: v })}
                  clearable
                />
                <Stack gap={4}>
                  <Text size="sm" fw={500} id="archived-filter">
                    Archive
                  </Text>
                  <SegmentedControl
                    aria-labelledby="archived-filter"
                    data={ARCHIVED_OPTIONS}
                    value={params.archived ?? 'false'}
                    onChange={(v) => update({ archived: v === 'false' ? null : v })}
                  />
                </Stack>
              </Group>
            </Collapse>
            <Group px="sm" pb="sm" gap="sm" justify="space-between">
              <Text size="sm" c="dimmed" aria-live="polite">
                {partners.isSuccess ? (total > PAGE_SIZE ? `${first}–${last} of ${plural(total, 'partner')}` : plural(total, 'partner')) : '\u00a0'}
                {params.archived === 'true' ? ' in the archive' : ''}
              </Text>
              <Group gap="xs">
                {state.filtered && (
                  <Button variant="default" size="sm" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={clearFilters}>
                    Clear filters
                  </Button>
                )}
                <SavedViewsMenu current={current} onApply={replaceAll} canSave />
                <ColumnChooser columns={state.columns} onChange={(cols) => update({ cols: cols.join(',') }, { replace: true })} />
              </Group>
            </Group>
          </Stack>
        )}

        {partners.isPending ? (
          <LoadingState label="Loading partners…" />
        ) : partners.isError && !partners.data ? (
          <Stack p="md">
            <ErrorState error={partners.error} onRetry={() => void partners.refetch()} />
          </Stack>
        ) : items.length === 0 ? (
          noneAtAll ? (
            <EmptyState
              icon={<IconBuildingStore size={24} aria-hidden />}
              title="No partners yet"
              description={
                me.can.loadDemoData
                  ? 'Add your first partner company, or load a realistic demo portfolio to look around first.'
                  : canWrite
                    ? 'Add the first partner company: a vendor, cloud provider, distributor, consultant or reseller.'
                    : 'Partners appear here once a colleague adds them.'
              }
              action={
                <Group gap="sm" justify="center">
                  {addButton}
                  {me.can.loadDemoData && <LoadDemoDataButton variant="default" />}
                </Group>
              }
            />
          ) : (
            <EmptyState
              icon={<IconBuildingStore size={24} aria-hidden />}
              title="No partner matches these filters"
              description="Try another name, or clear the filters."
              onClearFilters={clearFilters}
            />
          )
        ) : (
          <>
            <PartnerTable items={items} columns={state.columns} sort={params.sort} onSort={onSort} stale={partners.isPlaceholderData} busy={partners.isFetching} />
            <PartnerCards items={items} />
          </>
        )}

        {pages > 1 && (
          <Group justify="center" p="sm" className={classes.footer}>
            <Pagination
              total={pages}
              value={params.page}
              onChange={(p) => update({ page: p === 1 ? null : p })}
              size="sm"
              siblings={1}
              boundaries={1}
              getControlProps={(c) => ({ 'aria-label': `${c} page` })}
            />
          </Group>
        )}
      </Card>
    </>
  );
}
