import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, CloseButton, Group, Select, Table, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconSearch, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { listUsersQuery, type User } from '../../../shared/schemas/user.js';
import { ListFooter } from '../../components/ListFooter.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryStates } from '../../components/QueryStates.js';
import { useMe } from '../../components/session.js';
import { ListTable } from '../../components/ListTable.js';
import { SortHeader, sortCaption } from '../../components/SortHeader.js';
import { EmptyState } from '../../components/states.js';
import { ExportMenu } from '../../components/ExportMenu.js';
import { useListParams } from '../../components/useListParams.js';
import { CreateUserModal } from './CreateUserModal.js';
import { EditUserModal } from './EditUserModal.js';
import { usersListQuery } from './queries.js';
import { roleOptions } from './RoleSelect.js';
import { SetPasswordModal } from './SetPasswordModal.js';
import { ToggleUserDialog } from './ToggleUserDialog.js';
import { UserHistoryDrawer } from './UserHistoryDrawer.js';
import { UserRow, type UserAction } from './UserRow.js';
import classes from './UsersPage.module.css';

export function UsersPage() {
  const { t } = useTranslation('users');
  const sortWords = { name: t('sort.name'), email: t('sort.email'), role: t('sort.role'), createdAt: t('sort.createdAt') };
  const statusOptions = [
    { value: 'all', label: t('list.allStatuses') },
    { value: 'active', label: t('row.active') },
    { value: 'deactivated', label: t('row.deactivated') },
  ];
  const me = useMe();
  // The list's state lives in the address, so back/forward and shared links work.
  const { params, update, search } = useListParams(listUsersQuery);
  const users = useQuery(usersListQuery(params));

  const [creating, setCreating] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [historyOf, setHistoryOf] = useState<User | null>(null);
  const [passwordFor, setPasswordFor] = useState<User | null>(null);
  const [toggling, setToggling] = useState<User | null>(null);

  const editing = editingId ? (users.data?.items.find((u) => u.id === editingId) ?? null) : null;
  const filtered = Boolean(params.q || params.role || params.status !== 'all');
  const onAction = (action: UserAction, u: User) => {
    if (action === 'edit') setEditingId(u.id);
    else if (action === 'password') setPasswordFor(u);
    else if (action === 'history') setHistoryOf(u);
    else setToggling(u);
  };

  const clearFilters = () => {
    search.setValue('');
    update({ q: null, role: null, status: null });
  };

  return (
    <>
      <PageHeader
        title={t('list.title')}
        description={t('list.description')}
        actions={
          <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            {t('list.add')}
          </Button>
        }
      />

      <Card withBorder radius="md" padding={0}>
        <Group p="sm" gap="sm" className={classes.filters} role="search" aria-label={t('list.filters')}>
          <TextInput
            className={classes.search}
            placeholder={t('list.searchPlaceholder')}
            aria-label={t('list.searchLabel')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search.value}
            onChange={(e) => search.setValue(e.currentTarget.value)}
            rightSection={search.value ? <CloseButton size="sm" aria-label={t('list.clearSearch')} onClick={() => search.setValue('')} /> : null}
          />
          <Select
            className={classes.filter}
            aria-label={t('field.role')}
            placeholder={t('list.allRoles')}
            data={roleOptions()}
            value={params.role ?? null}
            onChange={(v) => update({ role: v })}
            clearable
          />
          <Select
            className={classes.filter}
            aria-label={t('field.status')}
            data={statusOptions}
            value={params.status}
            onChange={(v) => update({ status: v })}
            allowDeselect={false}
          />
          <ExportMenu path="/api/users/export" params={{ q: params.q, role: params.role, status: params.status, sort: params.sort }} />
        </Group>

        <QueryStates
          query={users}
          loading={t('list.loading')}
          inset
          isEmpty={(page) => page.items.length === 0}
          empty={
            <EmptyState
              icon={<IconUsers size={24} aria-hidden />}
              title={filtered ? t('list.noMatch') : t('list.none')}
              description={filtered ? t('list.noMatchHint') : undefined}
              onClearFilters={filtered ? clearFilters : undefined}
            />
          }
        >
          {({ items }) => (
            <ListTable query={users} caption={sortCaption(t('list.caption'), params.sort, sortWords)}>
              <Table.Thead>
                <Table.Tr>
                  <SortHeader field="name" label={t('field.name')} sort={params.sort} onSort={(sort) => update({ sort })} />
                  <SortHeader field="email" label={t('field.email')} sort={params.sort} onSort={(sort) => update({ sort })} visibleFrom="md" />
                  <SortHeader field="role" label={t('field.role')} sort={params.sort} onSort={(sort) => update({ sort })} visibleFrom="sm" />
                  <Table.Th visibleFrom="sm">{t('field.status')}</Table.Th>
                  <SortHeader field="createdAt" label={t('list.added')} sort={params.sort} onSort={(sort) => update({ sort })} visibleFrom="lg" />
                  <Table.Th>
                    <span className="visually-hidden">{t('list.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((u) => (
                  <UserRow key={u.id} user={u} self={u.id === me.user.id} onAction={onAction} />
                ))}
              </Table.Tbody>
            </ListTable>
          )}
        </QueryStates>

        <ListFooter
          total={users.data?.total ?? 0}
          page={params.page}
          pageSize={params.pageSize}
          counted={t('list.count', { count: users.data?.total ?? 0 })}
          onPage={(page) => update({ page })}
        />
      </Card>

      <CreateUserModal opened={creating} onClose={() => setCreating(false)} />
      <EditUserModal user={editing} isSelf={editing?.id === me.user.id} onClose={() => setEditingId(null)} />
      <UserHistoryDrawer user={historyOf} onClose={() => setHistoryOf(null)} />
      <SetPasswordModal user={passwordFor} onClose={() => setPasswordFor(null)} />
      <ToggleUserDialog user={toggling} onClose={() => setToggling(null)} />
    </>
  );
}
