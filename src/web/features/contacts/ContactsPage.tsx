import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Anchor, Button, Card, CloseButton, Group, MultiSelect, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconAddressBook, IconId, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { listContactsQuery, type CONTACT_SORTS } from '../../../shared/schemas/contact.js';
import { PageHeader } from '../../components/PageHeader.js';
import { EmptyState } from '../../components/states.js';
import { ExportMenu } from '../../components/ExportMenu.js';
import { ListFooter } from '../../components/ListFooter.js';
import { QueryStates } from '../../components/QueryStates.js';
import { ListTable } from '../../components/ListTable.js';
import { SortHeader, sortCaption } from '../../components/SortHeader.js';
import { useListParams } from '../../components/useListParams.js';
import { formatDate } from '../../lib/format.js';
import { contactPath, contactRoleLabel, roleFilterOptions } from './labels.js';
import { PartnerFilter } from './PartnerFilter.js';
import { contactsListQuery, vcardUrl, type ContactListParams } from './queries.js';
import { Breakable } from './Breakable.js';
import { PrimaryStar } from './Ratings.js';
import classes from './ContactsPage.module.css';
import { RelativeTime } from '../../components/RelativeTime.js';

const SORTS: readonly (typeof CONTACT_SORTS)[number][] = ['name', 'partner', 'role', 'lastContactAt', 'createdAt'];

/** Every partner's people in one list: filter, sort, and take them along as CSV, XLSX or vCard. */
export function ContactsPage() {
  const { t } = useTranslation('contacts');
  const statusOptions = [
    { value: 'current', label: t('directory.statusCurrent') },
    { value: 'left', label: t('directory.statusLeft') },
    { value: 'all', label: t('directory.statusAll') },
  ];
  const sortWords = Object.fromEntries(SORTS.map((s) => [s, t(`sort.${s}`)]));
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

  // The API's names (partnerId, not the address's `partner`), so the exports take exactly the list's filters.
  const exports = { sort: params.sort, q: params.q, partnerId: params.partnerId, role: params.role, status: params.status, archived: params.archived };

  return (
    <>
      <PageHeader
        title={t('directory.title')}
        description={t('directory.description')}
        actions={
          <>
            <ExportMenu path="/api/contacts/export" params={exports} />
            <Button component="a" href={vcardUrl(exports)} download variant="default" leftSection={<IconId size={16} aria-hidden />}>
              {t('directory.exportVcard')}
            </Button>
          </>
        }
      />

      <Card withBorder radius="md" padding={0}>
        <Group p="sm" gap="sm" className={classes.filters} role="search" aria-label={t('directory.filters')}>
          <TextInput
            className={classes.search}
            placeholder={t('directory.searchPlaceholder')}
            aria-label={t('directory.searchLabel')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search.value}
            onChange={(e) => search.setValue(e.currentTarget.value)}
            rightSection={search.value ? <CloseButton size="sm" aria-label={t('directory.clearSearch')} onClick={() => search.setValue('')} /> : null}
          />
          <PartnerFilter className={classes.filter} value={params.partnerId ?? null} onChange={(v) => update({ partnerId: v })} />
          <MultiSelect
            className={classes.roleFilter}
            aria-label={t('directory.role')}
            placeholder={roles.length ? undefined : t('directory.allRoles')}
            data={roleFilterOptions()}
            value={roles}
            onChange={(v) => update({ role: v })}
            clearable
          />
          <Select
            className={classes.filter}
            aria-label={t('directory.status')}
            data={statusOptions}
            value={params.status}
            onChange={(v) => update({ status: v })}
            allowDeselect={false}
          />
        </Group>

        <QueryStates
          query={contacts}
          loading={t('directory.loading')}
          inset
          isEmpty={(page) => page.items.length === 0}
          empty={
            <EmptyState
              icon={<IconAddressBook size={24} aria-hidden />}
              title={filtered ? t('directory.noMatch') : t('directory.none')}
              description={filtered ? t('directory.noMatchHint') : t('directory.noneHint')}
              onClearFilters={filtered ? clearFilters : undefined}
            />
          }
        >
          {({ items }) => (
            <ListTable query={contacts} caption={sortCaption(t('directory.caption'), params.sort, sortWords)}>
              <Table.Thead>
                <Table.Tr>
                  <SortHeader field="name" label={t('column.name')} sort={params.sort} onSort={(sort) => update({ sort })} />
                  <SortHeader field="partner" label={t('column.partner')} sort={params.sort} onSort={(sort) => update({ sort })} visibleFrom="sm" />
                  <SortHeader field="role" label={t('column.role')} sort={params.sort} onSort={(sort) => update({ sort })} visibleFrom="md" />
                  <Table.Th visibleFrom="lg">{t('column.reach')}</Table.Th>
                  <SortHeader field="lastContactAt" label={t('column.lastContact')} sort={params.sort} onSort={(sort) => update({ sort })} visibleFrom="sm" />
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
                          {t('directory.leftOn', { date: formatDate(c.leftAt) })}
                        </Text>
                      )}
                      <Text size="xs" hiddenFrom="sm" className={classes.wrap}>
                        {c.partner.name}
                        {c.role ? ` · ${contactRoleLabel(c.role)}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td visibleFrom="sm">
                      <Anchor component={Link} to={`/partners/${encodeURIComponent(c.partner.id)}`} size="sm" className={classes.wrap}>
                        {c.partner.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td visibleFrom="md">
                      <Text size="sm">{c.role ? contactRoleLabel(c.role) : '—'}</Text>
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
                        <RelativeTime iso={c.lastContactAt} empty={t('never')} />
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ListTable>
          )}
        </QueryStates>

        <ListFooter
          total={contacts.data?.total ?? 0}
          page={params.page}
          pageSize={params.pageSize}
          counted={t('directory.count', { count: contacts.data?.total ?? 0 })}
          onPage={(page) => update({ page })}
        />
      </Card>
    </>
  );
}
