import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { ActionIcon, Avatar, Badge, Button, Card, CloseButton, Group, Menu, Select, Stack, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconArrowsSort, IconDots, IconHistory, IconLock, IconPencil, IconPlayerPlay, IconSearch, IconUserOff, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { ROLES, type Role } from '../../../shared/roles.js';
import type { User } from '../../../shared/schemas/user.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useMe } from '../../components/session.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.js';
import { formatDate, formatDateTime, initials } from '../../lib/format.js';
import { CreateUserModal } from './CreateUserModal.js';
import { EditUserModal } from './EditUserModal.js';
import { useSetUserActive, usersListQuery, type UserListParams, type UserSort } from './queries.js';
import { RoleBadge, ROLE_OPTIONS } from './RoleSelect.js';
import { UserHistoryDrawer } from './UserHistoryDrawer.js';
import { SetPasswordModal } from './SetPasswordModal.js';
import classes from './UsersPage.module.css';
import { ListFooter } from '../../components/ListFooter.js';

const PAGE_SIZE = 25;
const STATUS_OPTIONS = [
  { value: 'all', label: 'All statuses' },
  { value: 'active', label: 'Active' },
  { value: 'deactivated', label: 'Deactivated' },
];
const SORTS = ['name', 'email', 'role', 'createdAt'] as const;

/** The list's state lives in the address, so back/forward and shared links work. */
function useListParams() {
  const [search, setSearch] = useSearchParams();
  const sort = search.get('sort') ?? 'name';
  const role = search.get('role');
  const status = search.get('status');
  const params: UserListParams = {
    page: Math.max(1, Number(search.get('page')) || 1),
    pageSize: PAGE_SIZE,
    sort: (SORTS.some((s) => sort === s || sort === `-${s}`) ? sort : 'name') as UserSort,
    q: search.get('q') ?? undefined,
    role: ROLES.includes(role as Role) ? (role as Role) : undefined,
    status: status === 'active' || status === 'deactivated' ? status : 'all',
  };
  // Two changes before the next render (a debounced search and a click) must both survive:
  // setSearch's "prev" is the last rendered value, so remember what was already asked for.
  const pending = useRef<URLSearchParams | null>(null);
  useEffect(() => {
    pending.current = null;
  }, [search]);
  const update = (changes: Partial<Record<'page' | 'sort' | 'q' | 'role' | 'status', string | number | null>>) => {
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
  return [params, update] as const;
}

function SortHeader({ field, label, sort, onSort, ...rest }: { field: (typeof SORTS)[number]; label: string; sort: string; onSort: (s: string) => void; visibleFrom?: 'sm' | 'md' | 'lg' }) {
  const active = sort === field || sort === `-${field}`;
  const desc = sort === `-${field}`;
  const Icon = !active ? IconArrowsSort : desc ? IconArrowDown : IconArrowUp;
  return (
    <Table.Th aria-sort={active ? (desc ? 'descending' : 'ascending') : 'none'} {...rest}>
      <UnstyledButton onClick={() => onSort(active && !desc ? `-${field}` : field)} className={classes.sortButton}>
        <Group gap={4} wrap="nowrap">
          <span>{label}</span>
          <Icon size={14} aria-hidden className={active ? undefined : classes.sortIdle} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

export function UsersPage() {
  const me = useMe();
  const [params, update] = useListParams();
  const [searchText, setSearchText] = useState(params.q ?? '');
  const [debounced] = useDebouncedValue(searchText.trim(), 300);
  const users = useQuery(usersListQuery(params));
  const setActive = useSetUserActive();

  const [creating, setCreating] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [historyOf, setHistoryOf] = useState<User | null>(null);
  const [passwordFor, setPasswordFor] = useState<User | null>(null);
  const [toggling, setToggling] = useState<User | null>(null);

  // The typed text reaches the address (and the query) once typing pauses…
  useEffect(() => {
    if (debounced !== (params.q ?? '')) update({ q: debounced || null });
  }, [debounced]);
  // …and back/forward puts the address's text back into the field.
  useEffect(() => {
    if ((params.q ?? '') !== debounced) setSearchText(params.q ?? '');
  }, [params.q]);

  const items = users.data?.items ?? [];
  const editing = editingId ? (items.find((u) => u.id === editingId) ?? null) : null;
  const filtered = Boolean(params.q || params.role || params.status !== 'all');
  const total = users.data?.total ?? 0;

  const confirmToggle = () => {
    if (!toggling) return;
    const active = !toggling.active;
    setActive.mutate(
      { user: toggling, active },
      {
        onSuccess: (u) => {
          setToggling(null);
          notifications.show({ color: 'teal', message: active ? `${u.name} can sign in again.` : `${u.name} is deactivated and signed out everywhere.` });
        },
      },
    );
  };

  const clearFilters = () => {
    setSearchText('');
    update({ q: null, role: null, status: null });
  };

  return (
    <>
      <PageHeader
        title="Users"
        description="Who can sign in to Partnerhub, and with which role."
        actions={
          <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            Add user
          </Button>
        }
      />

      <Card withBorder radius="md" padding={0}>
        <Group p="sm" gap="sm" className={classes.filters} role="search" aria-label="Filter users">
          <TextInput
            className={classes.search}
            placeholder="Name or e-mail"
            aria-label="Search users by name or e-mail"
            leftSection={<IconSearch size={16} aria-hidden />}
            value={searchText}
            onChange={(e) => setSearchText(e.currentTarget.value)}
            rightSection={searchText ? <CloseButton size="sm" aria-label="Clear search" onClick={() => setSearchText('')} /> : null}
          />
          <Select
            className={classes.filter}
            aria-label="Role"
            placeholder="All roles"
            data={ROLE_OPTIONS}
            value={params.role ?? null}
            onChange={(v) => update({ role: v })}
            clearable
          />
          <Select
            className={classes.filter}
            aria-label="Status"
            data={STATUS_OPTIONS}
            value={params.status}
            onChange={(v) => update({ status: v === 'all' ? null : v })}
            allowDeselect={false}
          />
        </Group>

        {users.isPending ? (
          <LoadingState label="Loading users…" />
        ) : users.isError && !users.data ? (
          <Stack p="md">
            <ErrorState error={users.error} onRetry={() => void users.refetch()} />
          </Stack>
        ) : items.length === 0 ? (
          <EmptyState
            icon={<IconUsers size={24} aria-hidden />}
            title={filtered ? 'No user matches these filters' : 'No users yet'}
            description={filtered ? 'Try another name, or clear the filters.' : undefined}
            action={filtered ? <Button variant="default" onClick={clearFilters}>Clear filters</Button> : undefined}
          />
        ) : (
          <Table.ScrollContainer minWidth={0}>
            <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover className={users.isPlaceholderData ? classes.stale : undefined} aria-busy={users.isFetching}>
              <Table.Caption className="visually-hidden">Users, sorted by {params.sort.replace('-', '')}{params.sort.startsWith('-') ? ', descending' : ''}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <SortHeader field="name" label="Name" sort={params.sort} onSort={(s) => update({ sort: s === 'name' ? null : s })} />
                  <SortHeader field="email" label="E-mail" sort={params.sort} onSort={(s) => update({ sort: s })} visibleFrom="md" />
                  <SortHeader field="role" label="Role" sort={params.sort} onSort={(s) => update({ sort: s })} visibleFrom="sm" />
                  <Table.Th visibleFrom="sm">Status</Table.Th>
                  <SortHeader field="createdAt" label="Added" sort={params.sort} onSort={(s) => update({ sort: s })} visibleFrom="lg" />
                  <Table.Th>
                    <span className="visually-hidden">Actions</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((u) => {
                  const self = u.id === me.user.id;
                  return (
                    <Table.Tr key={u.id} className={u.active ? undefined : classes.inactive}>
                      <Table.Td>
                        <Group gap="sm" wrap="nowrap">
                          <Avatar name={u.name} color="initials" radius="xl" size={32} visibleFrom="xs">
                            {initials(u.name)}
                          </Avatar>
                          <div style={{ minWidth: 0 }}>
                            <Group gap={6} wrap="nowrap">
                              <Text size="sm" fw={500} className={classes.wrap}>
                                {u.name}
                              </Text>
                              {self && (
                                <Badge size="xs" variant="outline" color="gray">
                                  You
                                </Badge>
                              )}
                            </Group>
                            <Text size="xs" c="dimmed" hiddenFrom="md" className={classes.wrap}>
                              {u.email}
                            </Text>
                            <Group gap={6} mt={4} hiddenFrom="sm">
                              <RoleBadge role={u.role} />
                              {!u.active && (
                                <Badge variant="dot" color="red">
                                  Deactivated
                                </Badge>
                              )}
                            </Group>
                          </div>
                        </Group>
                      </Table.Td>
                      <Table.Td visibleFrom="md">
                        <Text size="sm" className={classes.wrap}>
                          {u.email}
                        </Text>
                      </Table.Td>
                      <Table.Td visibleFrom="sm">
                        <RoleBadge role={u.role} />
                      </Table.Td>
                      <Table.Td visibleFrom="sm">
                        {u.active ? (
                          <Badge variant="dot" color="teal">
                            Active
                          </Badge>
                        ) : (
                          <Badge variant="dot" color="red" title={`Since ${formatDateTime(u.deactivatedAt)}`}>
                            Deactivated
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td visibleFrom="lg">
                        <Text size="sm">
                          <time dateTime={u.createdAt}>{formatDate(u.createdAt)}</time>
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Menu position="bottom-end" withinPortal shadow="md">
                          <Menu.Target>
                            <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${u.name}`}>
                              <IconDots size={18} aria-hidden />
                            </ActionIcon>
                          </Menu.Target>
                          <Menu.Dropdown>
                            <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditingId(u.id)}>
                              Edit name or role
                            </Menu.Item>
                            {u.active && (
                              <Menu.Item leftSection={<IconLock size={16} aria-hidden />} onClick={() => setPasswordFor(u)}>
                                Set a new password…
                              </Menu.Item>
                            )}
                            <Menu.Item leftSection={<IconHistory size={16} aria-hidden />} onClick={() => setHistoryOf(u)}>
                              History
                            </Menu.Item>
                            <Menu.Divider />
                            {u.active ? (
                              <Menu.Item
                                className="menu-danger"
                                leftSection={<IconUserOff size={16} aria-hidden />}
                                disabled={self}
                                title={self ? 'You cannot deactivate your own account' : undefined}
                                onClick={() => {
                                  setActive.reset();
                                  setToggling(u);
                                }}
                              >
                                {self ? 'Deactivate (not your own account)' : 'Deactivate…'}
                              </Menu.Item>
                            ) : (
                              <Menu.Item
                                leftSection={<IconPlayerPlay size={16} aria-hidden />}
                                onClick={() => {
                                  setActive.reset();
                                  setToggling(u);
                                }}
                              >
                                Reactivate…
                              </Menu.Item>
                            )}
                          </Menu.Dropdown>
                        </Menu>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}

        <ListFooter total={total} page={params.page} pageSize={PAGE_SIZE} noun="user" onPage={(p) => update({ page: p === 1 ? null : p })} />
      </Card>

      <CreateUserModal opened={creating} onClose={() => setCreating(false)} />
      <EditUserModal user={editing} isSelf={editing?.id === me.user.id} onClose={() => setEditingId(null)} />
      <UserHistoryDrawer user={historyOf} onClose={() => setHistoryOf(null)} />
      <SetPasswordModal user={passwordFor} onClose={() => setPasswordFor(null)} />
      <ConfirmDialog
        opened={toggling !== null}
        onClose={() => setToggling(null)}
        onConfirm={confirmToggle}
        title={toggling?.active ? `Deactivate ${toggling.name}?` : `Reactivate ${toggling?.name ?? ''}?`}
        confirmLabel={toggling?.active ? 'Deactivate' : 'Reactivate'}
        danger={toggling?.active}
        loading={setActive.isPending}
        error={setActive.error}
      >
        {toggling?.active ? (
          <>
            They are signed out everywhere at once, their API tokens are revoked and they can no longer sign in. Everything they did stays, with its history. You can reactivate the account later.
          </>
        ) : (
          <>They can sign in again with their old password. API tokens revoked at deactivation stay revoked.</>
        )}
      </ConfirmDialog>
    </>
  );
}
