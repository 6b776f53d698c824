import { Drawer } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../shared/roles.js';
import { i18n } from '../../i18n.js';
import type { User } from '../../../shared/schemas/user.js';
import { AuditHistory } from '../audit/AuditHistory.js';
import { formatDateTime } from '../../lib/format.js';

function formatValue(field: string, value: unknown) {
  if (field === 'role' && typeof value === 'string') return (ROLES as readonly string[]).includes(value) ? i18n.t(`users:role.${value as Role}`) : value;
  // The record keeps when the account was deactivated; people think of it as a status.
  if (field === 'deactivatedAt') return typeof value === 'string' ? i18n.t('users:history.deactivatedOn', { date: formatDateTime(value) }) : i18n.t('users:history.active');
  return undefined;
}

export function UserHistoryDrawer({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation('users');
  const fieldLabels = { name: t('field.name'), email: t('field.email'), role: t('field.role'), deactivatedAt: t('field.status') };
  return (
    <Drawer opened={user !== null} onClose={onClose} position="right" size="md" title={user ? t('history.titleNamed', { name: user.name }) : t('history.title')}>
      {user && <AuditHistory entityType="user" entityId={user.id} fieldLabels={fieldLabels} formatValue={formatValue} />}
    </Drawer>
  );
}
