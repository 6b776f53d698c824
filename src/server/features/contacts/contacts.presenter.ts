import type { contact } from '../../db/schema/index.js';
import { contactToday, type Contact, type ContactSummary, type Stakeholder } from '../../../shared/schemas/contact.js';
import type { ContactRole } from '../../../shared/partners.js';

export type ContactRow = typeof contact.$inferSelect;
export interface PartnerRef {
  id: string;
  name: string;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;
type Influence = NonNullable<Contact['influence']>;
type Strength = NonNullable<Contact['strength']>;

export const fullName = (c: Pick<ContactRow, 'firstName' | 'lastName'>) => `${c.firstName} ${c.lastName}`.trim();

export const presentContactSummary = (c: ContactRow, partner: PartnerRef): ContactSummary => ({
  id: c.id,
  partner: { id: partner.id, name: partner.name },
  firstName: c.firstName,
  lastName: c.lastName,
  fullName: fullName(c),
  title: c.title,
  role: c.role as ContactRole | null,
  influence: c.influence as Influence | null,
  strength: c.strength as Strength | null,
  email: c.email,
  phone: c.phone,
  location: c.location,
  isPrimary: c.isPrimary,
  lastContactAt: iso(c.lastContactAt),
  leftAt: c.leftAt,
  hasLeft: c.leftAt !== null && c.leftAt <= contactToday(),
  archivedAt: iso(c.archivedAt),
  mergedIntoId: c.mergedIntoId,
  createdAt: c.createdAt.toISOString(),
  version: c.version,
});

export const presentContact = (c: ContactRow, partner: PartnerRef): Contact => ({
  ...presentContactSummary(c, partner),
  notes: c.notes,
  updatedAt: c.updatedAt.toISOString(),
});

export const presentStakeholder = (c: ContactRow): Stakeholder => ({
  id: c.id,
  fullName: fullName(c),
  title: c.title,
  influence: c.influence as Influence | null,
  strength: c.strength as Strength | null,
  isPrimary: c.isPrimary,
  lastContactAt: iso(c.lastContactAt),
  email: c.email,
  phone: c.phone,
  version: c.version,
});

/** What the audit trail keeps of a contact: every business field, no bookkeeping timestamps. */
export function auditableContact(c: ContactRow) {
  const { id: _i, version: _v, createdAt: _c, updatedAt: _u, ...rest } = c;
  return { ...rest, lastContactAt: iso(c.lastContactAt), archivedAt: iso(c.archivedAt) };
}
