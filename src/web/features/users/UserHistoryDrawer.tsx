import { Drawer } from '@mantine/core';
import { ROLE_LABELS, type Role } from '../../../shared/roles.js';
import type { User } from '../../../shared/schemas/user.js';
import { AuditHistory } from '../audit/AuditHistory.js';
import { formatDateTime } from '../../lib/format.js';

const FIELD_LABELS = { name: 'Name', email: 'E-mail', role: 'Role', deactivatedAt: 'Status' };

function formatValue(field: string, value: unknown) {
  if (field === 'role' && typeof value === 'string') return ROLE_LABELS[value as Role] ?? value;
  // The record keeps when the account was deactivated; people think of it as a status.
  if (field === 'deactivatedAt') return typeof value === 'string' ? `Deactivated on ${formatDateTime(value)}` : 'Active';
  return undefined;
}

export function UserHistoryDrawer({ user, onClose }: { user: User | null; onClose: () => void }) {
  return (
    <Drawer opened={user !== null} onClose={onClose} position="right" size="md" title={user ? `History of ${user.name}` : 'History'}>
      {user && <AuditHistory entityType="user" entityId={user.id} fieldLabels={FIELD_LABELS} formatValue={formatValue} />}
    </Drawer>
  );
}
