import { Avatar, Badge, Group, Menu, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconHistory, IconLock, IconPencil, IconPlayerPlay, IconUserOff } from '@tabler/icons-react';
import type { User } from '../../../shared/schemas/user.js';
import { RowActions } from '../../components/RowActions.js';
import { formatDate, formatDateTime, initials } from '../../lib/format.js';
import { RoleBadge } from './RoleSelect.js';
import classes from './UsersPage.module.css';

export type UserAction = 'edit' | 'password' | 'history' | 'toggle';

/** One user in the list, with what an administrator can do with the account. */
export function UserRow({ user: u, self, onAction }: { user: User; self: boolean; onAction: (action: UserAction, user: User) => void }) {
  const { t } = useTranslation('users');
  return (
    <Table.Tr className={u.active ? undefined : classes.inactive}>
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
                  {t('row.you')}
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
                  {t('row.deactivated')}
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
            {t('row.active')}
          </Badge>
        ) : (
          <Badge variant="dot" color="red" title={t('row.since', { date: formatDateTime(u.deactivatedAt) })}>
            {t('row.deactivated')}
          </Badge>
        )}
      </Table.Td>
      <Table.Td visibleFrom="lg">
        <Text size="sm">
          <time dateTime={u.createdAt}>{formatDate(u.createdAt)}</time>
        </Text>
      </Table.Td>
      <Table.Td>
        <RowActions label={t('row.actions', { name: u.name })}>
          <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={() => onAction('edit', u)}>
            {t('row.edit')}
          </Menu.Item>
          {u.active && (
            <Menu.Item leftSection={<IconLock size={16} aria-hidden />} onClick={() => onAction('password', u)}>
              {t('row.setPassword')}
            </Menu.Item>
          )}
          <Menu.Item leftSection={<IconHistory size={16} aria-hidden />} onClick={() => onAction('history', u)}>
            {t('row.history')}
          </Menu.Item>
          <Menu.Divider />
          {u.active ? (
            <Menu.Item
              className="menu-danger"
              leftSection={<IconUserOff size={16} aria-hidden />}
              disabled={self}
              title={self ? t('row.notOwn') : undefined}
              onClick={() => onAction('toggle', u)}
            >
              {self ? t('row.deactivateOwn') : t('row.deactivate')}
            </Menu.Item>
          ) : (
            <Menu.Item leftSection={<IconPlayerPlay size={16} aria-hidden />} onClick={() => onAction('toggle', u)}>
              {t('row.reactivate')}
            </Menu.Item>
          )}
        </RowActions>
      </Table.Td>
    </Table.Tr>
  );
}
