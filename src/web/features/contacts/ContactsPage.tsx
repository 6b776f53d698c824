import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Anchor, Button, Card, CloseButton, Group, MultiSelect, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconAddressBook, IconFileSpreadsheet, IconId, IconSearch } from '@tabler/icons-react';
import { CONTACT_ROLE_LABELS } from '../../../shared/partners.js';
import { listContactsQuery, type CONTACT_SORTS } from '../../../shared/schemas/contact.js';
import { PageHeader } from '../../components/PageHeader.js';
import { EmptyState } from '../../components/states.js';
import { ListFooter } from '../../components/ListFooter.js';
import { QueryStates } from '../../components/QueryStates.js';
import { ListTable } from '../../components/ListTable.js';
import { SortHeader, sortCaption } from '../../components/SortHeader.js';
import { useListParams } from '../../components/useListParams.js';
import { formatDate } from '../../lib/format.js';
import { contactPath, ROLE_FILTER_OPTIONS } from './labels.js';
import { PartnerFilter } from './PartnerFilter.js';
import { contactsListQuery, exportUrl, type ContactListParams } from './queries.js';
import { Breakable } from './Breakable.js';
import { PrimaryStar } from './Ratings.js';
import classes from './ContactsPage.module.css';
import { RelativeTime } from '../../components/RelativeTime.js';

const STATUS_OPTIONS = [
  { value: 'current', label: 'Current' },
  { value: 'left', label: 'Left the partner' },
  { value: 'all', label: 'Current and left' },
];

const SORT_WORDS: Record<(typeof CONTACT_SORTS)[number], string> = { name: 'name', partner: 'partner', role: 'role', lastContactAt: 'last contact', createdAt: 'date added' };

/** Every partner's people in one list: filter, sort, and take them along as CSV or vCard. */
export function ContactsPage() {
  // The directory's state lives in the address, so back/forward, shared links and exports agree.
  const { params: list, update, search } = useListParams(listContactsQuery, { names: { partnerId: 'partner' } });
  const roles = list.role ?? [];
  const params: ContactListParams = { ...list, role: roles.length ? roles.join(',') : undefined };
  const contacts = useQuery(contactsListQuery(params));

  const filtered = Boolean(params.q || params.partnerId || params.role || params.status !== 'current');
  const clearFilters = () => {
    search.setValue('');
    update({ q: null, partnerId: null, role: null, status: null });
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
            value={search.value}
            onChange={(e) => search.setValue(e.currentTarget.value)}
            rightSection={search.value ? <CloseButton size="sm" aria-label="Clear search" onClick={() => search.setValue('')} /> : null}
          />
          <PartnerFilter className={classes.filter} value={params.partnerId ?? null} onChange={(v) => update({ partnerId: v })} />
          <MultiSelect
            className={classes.roleFilter}
            aria-label="Role"
            placeholder={roles.length ? undefined : 'All roles'}
            data={ROLE_FILTER_OPTIONS}
            value={roles}
            onChange={(v) => update({ role: v })}
            clearable
          />
          <Select className={classes.filter} aria-label="Status" data={STATUS_OPTIONS} value={params.status} onChange={(v) => update({ status: v })} allowDeselect={false} />
        </Group>

        <QueryStates
          query={contacts}
          loading="Loading contacts…"
          inset
          isEmpty={(page) => page.items.length === 0}
          empty={
            <EmptyState
              icon={<IconAddressBook size={24} aria-hidden />}
              title={filtered ? 'No contact matches these filters' : 'No contacts yet'}
              description={filtered ? 'Try other words, or clear the filters.' : "Contacts are added on a partner's People tab."}
              onClearFilters={filtered ? clearFilters : undefined}
            />
          }
        >
          {({ items }) => (
            <ListTable query={contacts} caption={sortCaption('Contacts', params.sort, SORT_WORDS)}>
              <Table.Thead>
                <Table.Tr>
                  <SortHeader field="name" label="Name" sort={params.sort} onSort={(sort) => update({ sort })} />
                  <SortHeader field="partner" label="Partner" sort={params.sort} onSort={(sort) => update({ sort })} visibleFrom="sm" />
                  <SortHeader field="role" label="Role" sort={params.sort} onSort={(sort) => update({ sort })} visibleFrom="md" />
                  <Table.Th visibleFrom="lg">Reach</Table.Th>
                  <SortHeader field="lastContactAt" label="Last contact" sort={params.sort} onSort={(sort) => update({ sort })} visibleFrom="sm" />
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
                      <Text size="sm">
                        <RelativeTime iso={c.lastContactAt} empty="Never" />
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ListTable>
          )}
        </QueryStates>

        <ListFooter total={contacts.data?.total ?? 0} page={params.page} pageSize={params.pageSize} noun="contact" onPage={(page) => update({ page })} />
      </Card>
    </>
  );
}
