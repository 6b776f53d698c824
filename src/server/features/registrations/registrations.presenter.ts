import type { dealRegistration } from '../../db/schema/index.js';
import type { Actor } from '../../lib/policy.js';
import type { DealCurrency, RegistrationDirection, RegistrationStatus } from '../../../shared/deals.js';
import { STATUS_MOVES, type Registration, type RegistrationCan } from '../../../shared/schemas/registration.js';
import { registrationsPolicy } from './registrations.policy.js';

export type RegistrationRow = typeof dealRegistration.$inferSelect;

/** The names a registration refers to, read with it in one statement. */
export interface RegistrationNames {
  partnerName: string | null;
  partnerArchived: boolean;
  programName: string | null;
  customerName: string | null;
  customerDomain: string | null;
  customerCountry: string | null;
  opportunityTitle: string | null;
  contactName: string | null;
  ownerName: string | null;
  products: { id: string; name: string }[];
}

/**
 * What the actor may do with a registration. `editable`: the partner guard's answer for its partner.
 * Nothing changes an archived registration or one of an archived partner; inbound approve and reject
 * are the Partner Manager's, and only while it is submitted; one extension of an approved one.
 */
export function registrationCan(actor: Actor, r: RegistrationRow, partnerArchived: boolean, editable: boolean): RegistrationCan {
  const open = editable && !partnerArchived && r.archivedAt === null;
  const status = r.status as RegistrationStatus;
  const decide = open && registrationsPolicy.decide.allow(actor) && r.direction === 'inbound' && status === 'submitted';
  return {
    edit: open,
    archive: open,
    moveTo: open ? [...(STATUS_MOVES[r.direction as RegistrationDirection][status] ?? [])] : [],
    approve: decide,
    reject: decide,
    extend: open && status === 'approved' && r.extendedOn === null,
  };
}

export function presentRegistration(r: RegistrationRow, x: RegistrationNames, can: RegistrationCan): Registration {
  return {
    id: r.id,
    direction: r.direction as RegistrationDirection,
    partner: { id: r.partnerId, name: x.partnerName ?? '' },
    program: r.programId ? { id: r.programId, name: x.programName ?? '' } : null,
    customer: { id: r.customerId, name: x.customerName ?? '', domain: x.customerDomain, country: x.customerCountry },
    opportunity: r.opportunityId ? { id: r.opportunityId, title: x.opportunityTitle ?? '' } : null,
    contact: r.contactId ? { id: r.contactId, name: x.contactName ?? '' } : null,
    owner: r.ownerId ? { id: r.ownerId, name: x.ownerName ?? '' } : null,
    products: x.products,
    status: r.status as RegistrationStatus,
    portalReference: r.portalReference,
    portalUrl: r.portalUrl,
    benefit: r.benefit,
    estimatedValueMinor: r.estimatedValueMinor,
    currency: r.currency as DealCurrency | null,
    expectedCloseOn: r.expectedCloseOn,
    submittedOn: r.submittedOn,
    approvedOn: r.approvedOn,
    protectedUntil: r.protectedUntil,
    extendedOn: r.extendedOn,
    rejectionReason: r.rejectionReason,
    decisionReason: r.decisionReason,
    notes: r.notes,
    filedAt: r.createdAt.toISOString(),
    archivedAt: r.archivedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
    can,
  };
}

/** What the audit trail keeps of a registration: its business fields. */
export function auditableRegistration(r: RegistrationRow, productIds?: string[]) {
  const { version: _v, createdAt: _c, updatedAt: _u, id: _i, ...rest } = r;
  return { ...rest, archivedAt: r.archivedAt?.toISOString() ?? null, ...(productIds ? { productIds: [...productIds].sort() } : {}) };
}
