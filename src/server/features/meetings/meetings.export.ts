import type { tFor } from '../../i18n.js';
import type { ExportColumn } from '../../lib/table-export.js';
import type { Meeting } from '../../../shared/schemas/meeting.js';

const names = (refs: { name: string }[]) => refs.map((r) => r.name).join(', ');

/**
 * The meetings list's columns in the reader's language, with the words the meeting forms use. Its
 * rows are the list's own (listAllMeetings): one read of a bounded window, no pages.
 */
export function meetingColumns(t: ReturnType<typeof tFor>): ExportColumn<Meeting>[] {
  return [
    { key: 'startsAt', header: t('meetings:column.startsAt'), value: (m) => new Date(m.startsAt) },
    { key: 'endsAt', header: t('meetings:column.endsAt'), value: (m) => new Date(m.endsAt) },
    { key: 'title', header: t('meetings:form.title'), value: (m) => m.title },
    { key: 'purpose', header: t('meetings:form.purpose'), value: (m) => t(`meetings:purpose.${m.purpose}`) },
    { key: 'status', header: t('meetings:column.status'), value: (m) => t(`meetings:status.${m.status}`) },
    { key: 'partner', header: t('meetings:quarterly.partner'), value: (m) => m.partner.name },
    { key: 'location', header: t('meetings:form.location'), value: (m) => m.location ?? '' },
    { key: 'users', header: t('meetings:form.ourPeople'), value: (m) => names(m.users) },
    { key: 'contacts', header: t('meetings:form.theirContacts'), value: (m) => names(m.contacts) },
    { key: 'timeZone', header: t('meetings:form.timeZone'), value: (m) => m.timeZone },
  ];
}
