import { useQuery } from '@tanstack/react-query';
import { Drawer } from '@mantine/core';
import type { ActivityKind } from '../../../shared/partners.js';
import type { Activity } from '../../../shared/schemas/activity.js';
import { AuditHistory } from '../audit/AuditHistory.js';
import { formatDateTime } from '../../lib/format.js';
import { contactsListQuery } from '../contacts/queries.js';
import { colleaguesQuery } from '../team/queries.js';
import { ACTIVITY_KIND_LABELS } from './labels.js';

const FIELD_LABELS = { occurredAt: 'When', important: 'Important for the team', userIds: 'Our people', contactIds: 'Their contacts', archivedAt: 'Archived' };

/** The record keeps participants by id: show their names where they are known. */
function useNames(activity: Activity | null) {
  const colleagues = useQuery({ ...colleaguesQuery({ page: 1, pageSize: 100, sort: 'name' }), enabled: activity !== null });
  const contacts = useQuery({
    ...contactsListQuery({ partnerId: activity?.partner.id ?? '', status: 'all', archived: 'all', sort: 'name', page: 1, pageSize: 100 }),
    enabled: activity !== null,
  });
  const names = new Map<string, string>();
  for (const c of colleagues.data?.items ?? []) names.set(c.id, c.name);
  for (const c of contacts.data?.items ?? []) names.set(c.id, c.fullName);
  for (const r of [...(activity?.users ?? []), ...(activity?.contacts ?? [])]) names.set(r.id, r.name);
  return names;
}

export function ActivityHistoryDrawer({ activity, onClose }: { activity: Activity | null; onClose: () => void }) {
  const names = useNames(activity);
  const formatValue = (field: string, value: unknown) => {
    if (field === 'kind' && typeof value === 'string') return ACTIVITY_KIND_LABELS[value as ActivityKind] ?? value;
    if (field === 'archivedAt') return typeof value === 'string' ? `Archived on ${formatDateTime(value)}` : 'On the timeline';
    if ((field === 'userIds' || field === 'contactIds') && Array.isArray(value)) {
      return value.length ? value.map((id) => names.get(String(id)) ?? 'someone no longer listed').join(', ') : 'nobody';
    }
    return undefined;
  };
  return (
    <Drawer opened={activity !== null} onClose={onClose} position="right" size="md" title="History of the entry">
      {activity && <AuditHistory entityType="activity" entityId={activity.id} fieldLabels={FIELD_LABELS} formatValue={formatValue} hiddenFields={['partnerId', 'version']} />}
    </Drawer>
  );
}
