import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Anchor, Button, Card, CloseButton, Group, MultiSelect, Select, Stack, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAddressBook, IconArrowDown, IconArrowUp, IconArrowsSort, IconFileSpreadsheet, IconId, IconSearch } from '@tabler/icons-react';
import { CONTACT_ROLE_LABELS } from '../../../shared/partners.js';
import { CONTACT_SORTS, STAKEHOLDER_GROUPS, type StakeholderGroup } from '../../../shared/schemas/contact.js';
import { PageHeader } from '../../components/PageHeader.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.js';
import { formatDate, formatRelative } from '../../lib/format.js';
import { contactPath, ROLE_FILTER_OPTIONS } from './labels.js';
import { PartnerFilter } from './PartnerFilter.js';
import { contactsListQuery, exportUrl, type ContactListParams, type ContactStatus } from './queries.js';
import { Breakable } from './Breakable.js';
import { PrimaryStar } from './Ratings.js';
import classes from './ContactsPage.module.css';
import { ListFooter } from '../../components/ListFooter.js';

const PAGE_SIZE = 25;
const STATUS_OPTIONS = [
  { value: 'current', label: 'Current' },
  { value: 'left', label: 'Left the partner' },
  { value: 'all', label: 'Current and left' },
];
type Sortable = (typeof CONTACT_SORTS)[number];
type Param = 'page' | 'sort' | 'q' | 'partner' | 'role' | 'status';

/** The directory's state lives in the address, so back/forward, shared links and exports agree. */
function useListParams() {
  const [search, setSearch] = useSearchParams();
  const sort = search.get('sort') ?? 'name';
  const status = search.get('status');
  const roles = (search.get('role') ?? '').split(',').filter((r): r is StakeholderGroup => STAKEHOLDER_GROUPS.includes(r as StakeholderGroup));
  const params: ContactListParams = {
    page: Math.max(1, Number(search.get('page')) || 1),
    pageSize: PAGE_SIZE,
    sort: CONTACT_SORTS.some((s) => sort === s || sort === `-${s}`) ? sort : 'name',
    q: search.get('q') ?? undefined,
    partnerId: search.get('partner') ?? undefined,
    role: roles.length ? roles.join(',') : undefined,
    status: status === 'left' || status === 'all' ? (status as ContactStatus) : 'current',
  };
  const pending = useRef<URLSearchParams | null>(null);
  useEffect(() => {
    pending.current = null;
  }, [search]);
  const update = (changes: Partial<Record<Param, string | number | null>>) => {
    const next = new URLSearchParams(pending.current ?? search);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '' || v === undefined) next.delete(k);
      else next.set(k, String(v));
    }
    // A new filter or order starts again at page one.
    if (!('page' in changes)) next.delete('page');
    pending.current = next;
    setSearch(next, { replace: true });
  };
  return [params, roles, update] as const;
}

function SortHeader({ field, label, sort, onSort, visibleFrom }: { field: Sortable; label: string; sort: string; onSort: (s: string) => void; visibleFrom?: 'sm' | 'md' | 'lg' }) {
  const active = sort === field || sort === `-${field}`;
  const desc = sort === `-${field}`;
  const Icon = !active ? IconArrowsSort : desc ? IconArrowDown : IconArrowUp;
  return (
    <Table.Th aria-sort={active ? (desc ? 'descending' : 'ascending') : 'none'} visibleFrom={visibleFrom}>
      <UnstyledButton onClick={() => onSort(active && !desc ? `-${field}` : field)} className={classes.sortButton}>
        <Group gap={4} wrap="nowrap">
          <span>{label}</span>
          <Icon size={14} aria-hidden className={active ? undefined : classes.sortIdle} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

const SORT_WORDS: Record<Sortable, string> = { name: 'name', partner: 'partner', role: 'role', lastContactAt: 'last contact', createdAt: 'date added' };

/** Every partner's people in one list: filter, sort, and take them along as CSV or vCard. */
export function ContactsPage() {
  const [params, roles, update] = useListParams();
  const [searchText, setSearchText] = useState(params.q ?? '');
  const [debounced] = useDebouncedValue(searchText.trim(), 300);
  const contacts = useQuery(contactsListQuery(params));

  useEffect(() => {
    if (debounced !== (params.q ?? '')) update({ q: debounced || null });
  }, [debounced]);
  useEffect(() => {
    if ((params.q ?? '') !== debounced) setSearchText(params.q ?? '');
  }, [params.q]);

  const items = contacts.data?.items ?? [];
  const total = contacts.data?.total ?? 0;
  const filtered = Boolean(params.q || params.partnerId || params.role || params.status !== 'current');
  const sortField = params.sort.replace(/^-/, '') as Sortable;
  const onSort = (s: string) => update({ sort: s === 'name' ? null : s });

  const clearFilters = () => {
    setSearchText('');
    update({ q: null, partner: null, role: null, status: null });
  };

  const exports = { sort: params.sort, q: params.q, partnerId: params.partnerId, role: params.role, status: params.status };

  return (
    <>
      <PageHeader
        title="Contacts"
        description="The people we know at every partner. Exports take the filters below."
        actions={
          <>
            <Button component="a" href={exportUrl('csv', exports)} download variant="default" leftSection={<IconFileSpreadsheet size={16} aria-hidden />}>
              Export CSV
            </Button>
            <Button component="a" href={exportUrl('vcf', exports)} download variant="default" leftSection={<IconId size={16} aria-hidden />}>
              Export vCard
            </Button>
          </>
        }
      />

      <Card withBorder radius="md" padding={0}>
        <Group p="sm" gap="sm" className={classes.filters} role="search" aria-label="Filter contacts">
          <TextInput
            className={classes.search}
            placeholder="Name, e-mail or title"
            aria-label="Search contacts by name, e-mail or title"
            leftSection={<IconSearch size={16} aria-hidden />}
            value={searchText}
            onChange={(e) => setSearchText(e.currentTarget.value)}
            rightSection={searchText ? <CloseButton size="sm" aria-label="Clear search" onClick={() => setSearchText('')} /> : null}
          />
          <PartnerFilter className={classes.filter} value={params.partnerId ?? null} onChange={(v) => update({ partner: v })} />
          <MultiSelect
            className={classes.roleFilter}
            aria-label="Role"
            placeholder={roles.length ? undefined : 'All roles'}
            data={ROLE_FILTER_OPTIONS}
            value={roles}
            onChange={(v) => update({ role: v.join(',') || null })}
            clearable
          />
          <Select className={classes.filter} aria-label="Status" data={STATUS_OPTIONS} value={params.status} onChange={(v) => update({ status: v === 'current' ? null : v })} allowDeselect={false} />
        </Group>

        {contacts.isPending ? (
          <LoadingState label="Loading contacts…" />
        ) : contacts.isError && !contacts.data ? (
          <Stack p="md">
            <ErrorState error={contacts.error} onRetry={() => void contacts.refetch()} />
          </Stack>
        ) : items.length === 0 ? (
          <EmptyState
            icon={<IconAddressBook size={24} aria-hidden />}
            title={filtered ? 'No contact matches these filters' : 'No contacts yet'}
            description={filtered ? 'Try other words, or clear the filters.' : "Contacts are added on a partner's People tab."}
            action={filtered ? <Button variant="default" onClick={clearFilters}>Clear filters</Button> : undefined}
          />
        ) : (
          <Table.ScrollContainer minWidth={0}>
            <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover className={contacts.isPlaceholderData ? classes.stale : undefined} aria-busy={contacts.isFetching}>
              <Table.Caption className="visually-hidden">
                Contacts, sorted by {SORT_WORDS[sortField]}
                {params.sort.startsWith('-') ? ', descending' : ''}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <SortHeader field="name" label="Name" sort={params.sort} onSort={onSort} />
                  <SortHeader field="partner" label="Partner" sort={params.sort} onSort={onSort} visibleFrom="sm" />
                  <SortHeader field="role" label="Role" sort={params.sort} onSort={onSort} visibleFrom="md" />
                  <Table.Th visibleFrom="lg">Reach</Table.Th>
                  <SortHeader field="lastContactAt" label="Last contact" sort={params.sort} onSort={onSort} visibleFrom="sm" />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => (
                  <Table.Tr key={c.id} className={c.leftAt ? classes.inactive : undefined}>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        {c.isPrimary && <PrimaryStar />}
                        <Anchor component={Link} to={contactPath(c.partner.id, c.id)} size="sm" fw={500} className={classes.wrap}>
                          {c.fullName}
                        </Anchor>
                      </Group>
                      {c.title && (
                        <Text size="xs" c="dimmed" className={classes.wrap}>
                          {c.title}
                        </Text>
                      )}
                      {c.leftAt && (
                        <Text size="xs" c="orange.9">
                          Left on {formatDate(c.leftAt)}
                        </Text>
                      )}
                      <Text size="xs" hiddenFrom="sm" className={classes.wrap}>
                        {c.partner.name}
                        {c.role ? ` · ${CONTACT_ROLE_LABELS[c.role]}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td visibleFrom="sm">
                      <Anchor component={Link} to={`/partners/${encodeURIComponent(c.partner.id)}`} size="sm" className={classes.wrap}>
                        {c.partner.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td visibleFrom="md">
                      <Text size="sm">{c.role ? CONTACT_ROLE_LABELS[c.role] : '—'}</Text>
                    </Table.Td>
                    <Table.Td visibleFrom="lg">
                      <Stack gap={0}>
                        {c.email && (
                          <Anchor href={`mailto:${c.email}`} size="sm" className={classes.email}>
                            <Breakable text={c.email} />
                          </Anchor>
                        )}
                        {c.phone && (
                          <Text size="sm" c="dimmed">
                            {c.phone}
                          </Text>
                        )}
                      </Stack>
                    </Table.Td>
                    <Table.Td visibleFrom="sm">
                      <Text size="sm">{c.lastContactAt ? <time dateTime={c.lastContactAt} title={formatDate(c.lastContactAt)}>{formatRelative(c.lastContactAt)}</time> : 'Never'}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}

        <ListFooter total={total} page={params.page} pageSize={PAGE_SIZE} noun="contact" onPage={(p) => update({ page: p === 1 ? null : p })} />
      </Card>
    </>
  );
}
