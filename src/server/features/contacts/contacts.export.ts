import ICAL from 'ical.js';
import type { Db } from '../../db/client.js';
import { contact, partner } from '../../db/schema/index.js';
import { AppError, msg } from '../../lib/errors.js';
import { CONTACT_ROLE_LABELS, type ContactRole } from '../../../shared/partners.js';
import { CONTACT_EXPORT_MAX, CONTACT_TIME_ZONE, contactToday, type ContactSummary, type ExportContactsQuery } from '../../../shared/schemas/contact.js';
import { fullName, type ContactRow } from './contacts.presenter.js';
import { contactOrder, contactWhere, partnerJoin } from './contacts.query.js';
import type { tFor } from '../../i18n.js';
import { allPages, dayCell, type ExportColumn } from '../../lib/table-export.js';
import { listContacts } from './contacts.service.js';

export interface ExportRow {
  c: ContactRow;
  partnerName: string;
}

/** The directory's rows for a filter, unpaged; past CONTACT_EXPORT_MAX the caller must narrow it. */
export async function exportRows(db: Db, q: ExportContactsQuery): Promise<ExportRow[]> {
  const rows = await db
    .select({ c: contact, partnerName: partner.name })
    .from(contact)
    .innerJoin(partner, partnerJoin)
    .where(contactWhere(q))
    .orderBy(...contactOrder(q.sort))
    .limit(CONTACT_EXPORT_MAX + 1);
  if (rows.length > CONTACT_EXPORT_MAX) {
    const max = { max: CONTACT_EXPORT_MAX };
    throw new AppError('bad_request', msg('contacts.exportTooManyDetail', max), [{ path: 'querystring', message: msg('contacts.exportTooMany', max) }]);
  }
  return rows;
}

const roleLabel = (role: string | null) => (role ? (CONTACT_ROLE_LABELS[role as ContactRole] ?? role) : '');
/** sv-SE formats as ISO-like "2026-03-01 14:30", in the company's time zone. */
const localDateTime = (d: Date) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: CONTACT_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(d);
export const exportFileName = (ext: string) => `contacts-${localDateTime(new Date()).slice(0, 10)}.${ext}`;

function addText(card: ICAL.Component, name: string, value: string | string[] | null, params: Record<string, string> = {}) {
  if (value === null || value === '') return;
  const prop = new ICAL.Property(name);
  for (const [k, v] of Object.entries(params)) prop.setParameter(k, v);
  prop.setValue(value);
  card.addProperty(prop);
}

/** One vCard 4.0 (RFC 6350) per contact, built as jCard so ical.js does the escaping and folding. */
export function toVcf(rows: ExportRow[]): string {
  return rows
    .map(({ c, partnerName }) => {
      const card = new ICAL.Component(['vcard', [], []]);
      addText(card, 'version', '4.0');
      addText(card, 'uid', `urn:uuid:${c.id}`);
      addText(card, 'kind', 'individual');
      addText(card, 'fn', fullName(c));
      addText(card, 'n', [c.lastName, c.firstName, '', '', '']);
      // ORG is structured (organisation;unit): an array makes ical.js escape a ";" in the name.
      addText(card, 'org', [partnerName]);
      addText(card, 'title', c.title);
      addText(card, 'role', c.role ? roleLabel(c.role) : null);
      addText(card, 'email', c.email, { type: 'work' });
      addText(card, 'tel', c.phone, { type: 'work', value: 'text' });
      // Location is free text ("Zürich", "Remote, Berlin"): the label carries it whole, the locality for filters.
      if (c.location) addText(card, 'adr', ['', '', '', c.location, '', '', ''], { type: 'work', label: c.location });
      addText(card, 'note', c.notes);
      // A departure recorded ahead of time is announced, not reported as done.
      if (c.leftAt) addText(card, 'note', c.leftAt <= contactToday() ? `Left ${partnerName} on ${c.leftAt}` : `Leaves ${partnerName} on ${c.leftAt}`);
      return card.toString();
    })
    .map((s) => `${s}\r\n`)
    .join('');
}

/**
 * A calendar day (a departure) as a day: a Date at UTC midnight is that day in a spreadsheet, but the
 * kit writes a Date in CSV as a Zurich date-time ("… 01:00"), so CSV gets the ISO day as it is.
 */

/** The directory's export columns (GET /api/contacts/export), in the reader's language; keys name them in `columns=`. */
export function contactColumns(t: ReturnType<typeof tFor>): ExportColumn<ContactSummary>[] {
  return [
    { key: 'firstName', header: t('contacts:form.firstName'), value: (c) => c.firstName },
    { key: 'lastName', header: t('contacts:form.lastName'), value: (c) => c.lastName },
    { key: 'title', header: t('contacts:form.title'), value: (c) => c.title },
    { key: 'partner', header: t('contacts:column.partner'), value: (c) => c.partner.name },
    { key: 'role', header: t('contacts:column.role'), value: (c) => (c.role ? t(`contacts:role.${c.role}`) : null) },
    { key: 'email', header: t('contacts:form.email'), value: (c) => c.email },
    { key: 'phone', header: t('contacts:form.phone'), value: (c) => c.phone },
    { key: 'location', header: t('contacts:form.location'), value: (c) => c.location },
    { key: 'primary', header: t('contacts:form.isPrimary'), value: (c) => (c.isPrimary ? t('common:state.yes') : t('common:state.no')) },
    { key: 'leftAt', header: t('contacts:column.leftAt'), value: (c) => dayCell(c.leftAt) },
    { key: 'lastContact', header: t('contacts:column.lastContact'), value: (c) => (c.lastContactAt ? new Date(c.lastContactAt) : null) },
  ];
}

/** Every contact the directory's filters match, in its order, read through the directory's own list a page at a time (no cap: it streams). */
export async function* exportContacts(db: Db, q: ExportContactsQuery): AsyncGenerator<ContactSummary> {
  for await (const page of allPages((p, pageSize) => listContacts(db, { ...q, page: p, pageSize }))) yield* page;
}
