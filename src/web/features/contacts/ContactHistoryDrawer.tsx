import { Drawer } from '@mantine/core';
import { CONTACT_ROLE_LABELS, type ContactRole } from '../../../shared/partners.js';
import type { ContactSummary } from '../../../shared/schemas/contact.js';
import { AuditHistory } from '../audit/AuditHistory.js';
import { formatDate } from '../../lib/format.js';
import { INFLUENCE_LABELS, STRENGTH_LABELS, type Influence, type Strength } from './labels.js';

const FIELD_LABELS = {
  firstName: 'First name',
  lastName: 'Last name',
  email: 'E-mail',
  isPrimary: 'Primary contact',
  leftAt: 'Left the partner',
  archivedAt: 'Archived',
  mergedIntoId: 'Merged into',
};

function formatValue(field: string, value: unknown, names: Map<string, string>) {
  if (typeof value !== 'string') return undefined;
  if (field === 'role') return CONTACT_ROLE_LABELS[value as ContactRole] ?? value;
  if (field === 'influence') return INFLUENCE_LABELS[value as Influence] ?? value;
  if (field === 'strength') return STRENGTH_LABELS[value as Strength] ?? value;
  if (field === 'leftAt') return formatDate(value);
  if (field === 'mergedIntoId') return names.get(value) ?? 'another contact';
  return undefined;
}

/** `contacts`: the partner's people, to name the one a duplicate was merged into. */
export function ContactHistoryDrawer({ contact, contacts, onClose }: { contact: ContactSummary | null; contacts: ContactSummary[]; onClose: () => void }) {
  const names = new Map(contacts.map((c) => [c.id, c.fullName]));
  return (
    <Drawer opened={contact !== null} onClose={onClose} position="right" size="md" title={contact ? `History of ${contact.fullName}` : 'History'}>
      {contact && (
        <AuditHistory
          entityType="contact"
          entityId={contact.id}
          fieldLabels={FIELD_LABELS}
          formatValue={(field, value) => formatValue(field, value, names)}
          hiddenFields={['activityIds', 'partnerId', 'version', 'lastContactAt']}
        />
      )}
    </Drawer>
  );
}
