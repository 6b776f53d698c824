import type { tFor } from '../../i18n.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../lib/policy.js';
import { allPages, dayCell, type ExportColumn } from '../../lib/table-export.js';
import type { ListRegistrationsQuery, Registration } from '../../../shared/schemas/registration.js';
import { listRegistrations } from './registrations.read.js';

/** The registration list's columns in the reader's language. CHF, EUR and USD all have two minor digits. */
export function registrationColumns(t: ReturnType<typeof tFor>): ExportColumn<Registration>[] {
  return [
    { key: 'customer', header: t('registrations:field.customer'), value: (r) => r.customer.name },
    { key: 'domain', header: t('registrations:field.domain'), value: (r) => r.customer.domain },
    { key: 'direction', header: t('registrations:field.direction'), value: (r) => t(`registrations:direction.${r.direction}`) },
    { key: 'partner', header: t('registrations:field.partner'), value: (r) => r.partner.name },
    { key: 'program', header: t('registrations:field.program'), value: (r) => r.program?.name ?? '' },
    { key: 'status', header: t('registrations:field.status'), value: (r) => t(`registrations:status.${r.status}`) },
    { key: 'products', header: t('registrations:field.products'), value: (r) => r.products.map((p) => p.name).join(', ') },
    // In major units as a number, so a spreadsheet can add them up.
    { key: 'value', header: t('registrations:field.estimatedValue'), value: (r) => (r.estimatedValueMinor !== null ? r.estimatedValueMinor / 100 : null) },
    { key: 'currency', header: t('registrations:field.currency'), value: (r) => r.currency },
    { key: 'filedAt', header: t('registrations:field.filedAt'), value: (r) => new Date(r.filedAt) },
    { key: 'submittedOn', header: t('registrations:field.submittedOn'), value: (r) => dayCell(r.submittedOn) },
    { key: 'approvedOn', header: t('registrations:field.approvedOn'), value: (r) => dayCell(r.approvedOn) },
    { key: 'protectedUntil', header: t('registrations:field.protectedUntil'), value: (r) => dayCell(r.protectedUntil) },
    { key: 'portalReference', header: t('registrations:field.portalReference'), value: (r) => r.portalReference },
    { key: 'benefit', header: t('registrations:field.benefit'), value: (r) => r.benefit },
    { key: 'owner', header: t('registrations:field.owner'), value: (r) => r.owner?.name ?? '' },
    { key: 'reason', header: t('registrations:field.rejectionReason'), value: (r) => r.rejectionReason },
  ];
}

/** Every registration the list's filters match, in its order, read through the list's own query a page at a time. */
export async function* exportRegistrations(db: Db, q: Omit<ListRegistrationsQuery, 'page' | 'pageSize'>, actor: Actor): AsyncGenerator<Registration> {
  for await (const page of allPages((page, pageSize) => listRegistrations(db, { ...q, page, pageSize }, actor))) yield* page;
}
