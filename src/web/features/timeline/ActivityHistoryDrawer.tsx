import { useQuery } from '@tanstack/react-query';
import { Drawer } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ActivityKind } from '../../../shared/partners.js';
import type { Activity } from '../../../shared/schemas/activity.js';
import { AuditHistory } from '../audit/AuditHistory.js';
import { formatDateTime } from '../../lib/format.js';
import { contactsListQuery } from '../contacts/queries.js';
import { colleaguesQuery } from '../team/queries.js';
import { ACTIVITY_KIND_LABELS } from './labels.js';

// Listed fields come first, in this order.
const FIELDS = ['occurredAt', 'important', 'userIds', 'contactIds', 'archivedAt', 'kind', 'summary', 'outcome'] as const;

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
  const { t } = useTranslation('timeline');
  const names = useNames(activity);
  const fieldLabels = Object.fromEntries(FIELDS.map((f) => [f, t(`history.field.${f}`)]));
  const formatValue = (field: string, value: unknown) => {
    if (field === 'kind' && typeof value === 'string') return ACTIVITY_KIND_LABELS[value as ActivityKind] ?? value;
    if (field === 'archivedAt') return typeof value === 'string' ? t('history.archivedOn', { date: formatDateTime(value) }) : t('history.onTimeline');
    if ((field === 'userIds' || field === 'contactIds') && Array.isArray(value)) {
      return value.length ? value.map((id) => names.get(String(id)) ?? t('history.unknownPerson')).join(', ') : t('history.nobody');
    }
    return undefined;
  };
  return (
    <Drawer opened={activity !== null} onClose={onClose} position="right" size="md" title={t('history.title')}>
      {activity && <AuditHistory entityType="activity" entityId={activity.id} fieldLabels={fieldLabels} formatValue={formatValue} hiddenFields={['partnerId', 'version']} />}
    </Drawer>
  );
}
