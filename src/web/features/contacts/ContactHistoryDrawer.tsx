import { Drawer } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CONTACT_ROLES, LEVELS_3, STRENGTHS, type ContactRole } from '../../../shared/partners.js';
import type { ContactSummary } from '../../../shared/schemas/contact.js';
import { AuditHistory } from '../audit/AuditHistory.js';
import { formatDate } from '../../lib/format.js';
import { contactRoleLabel, influenceLabel, strengthLabel, type Influence, type Strength } from './labels.js';

const FIELDS = ['firstName', 'lastName', 'email', 'isPrimary', 'leftAt', 'archivedAt', 'mergedIntoId'] as const;

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

function formatValue(field: string, value: unknown, names: Map<string, string>, anotherContact: string) {
  if (typeof value !== 'string') return undefined;
  if (field === 'role') return isOneOf<ContactRole>(CONTACT_ROLES, value) ? contactRoleLabel(value) : value;
  if (field === 'influence') return isOneOf<Influence>(LEVELS_3, value) ? influenceLabel(value) : value;
  if (field === 'strength') return isOneOf<Strength>(STRENGTHS, value) ? strengthLabel(value) : value;
  if (field === 'leftAt') return formatDate(value);
  if (field === 'mergedIntoId') return names.get(value) ?? anotherContact;
  return undefined;
}

/** `contacts`: the partner's people, to name the one a duplicate was merged into. */
export function ContactHistoryDrawer({ contact, contacts, onClose }: { contact: ContactSummary | null; contacts: ContactSummary[]; onClose: () => void }) {
  const { t } = useTranslation('contacts');
  const names = new Map(contacts.map((c) => [c.id, c.fullName]));
  const fieldLabels = Object.fromEntries(FIELDS.map((f) => [f, t(`history.field.${f}`)]));
  return (
    <Drawer opened={contact !== null} onClose={onClose} position="right" size="md" title={contact ? t('history.titleNamed', { name: contact.fullName }) : t('history.title')}>
      {contact && (
        <AuditHistory
          entityType="contact"
          entityId={contact.id}
          fieldLabels={fieldLabels}
          formatValue={(field, value) => formatValue(field, value, names, t('history.anotherContact'))}

          hiddenFields={['activityIds', 'partnerId', 'version', 'lastContactAt']}
        />
      )}
    </Drawer>
  );
}
