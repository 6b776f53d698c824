import { and, asc, desc, eq, ilike, inArray, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { readTogether, type DbOrTx } from '../../db/client.js';
import { contact, customer, dealRegistration, dealRegistrationProduct, opportunity, partner, partnerProgram, product, user } from '../../db/schema/index.js';
import { msg, notFound } from '../../lib/errors.js';
import { offsetOf } from '../../lib/pagination.js';
import type { Actor } from '../../lib/policy.js';
import type { Page } from '../../../shared/list.js';
import type { ListRegistrationsQuery, Registration } from '../../../shared/schemas/registration.js';
import { editablePartnerIds } from '../partners/index.js';
import { presentRegistration, registrationCan, type RegistrationRow } from './registrations.presenter.js';

export const REGISTRATION = { what: msg('registrations.what'), the: msg('registrations.the') };

/** Registrations with the names they refer to, in one statement. */
export const selectRegistrations = (db: DbOrTx) =>
  db
    .select({
      r: dealRegistration,
      partnerName: partner.name,
      partnerArchivedAt: partner.archivedAt,
      programName: partnerProgram.name,
      customerName: customer.name,
      customerDomain: customer.domain,
      customerCountry: customer.country,
      opportunityTitle: opportunity.title,
      contactName: sql<string | null>`case when ${contact.id} is null then null else ${contact.firstName} || ' ' || ${contact.lastName} end`,
      ownerName: user.name,
    })
    .from(dealRegistration)
    .innerJoin(partner, eq(partner.id, dealRegistration.partnerId))
    .innerJoin(customer, eq(customer.id, dealRegistration.customerId))
    .leftJoin(partnerProgram, eq(partnerProgram.id, dealRegistration.programId))
    .leftJoin(opportunity, eq(opportunity.id, dealRegistration.opportunityId))
    .leftJoin(contact, eq(contact.id, dealRegistration.contactId))
    .leftJoin(user, eq(user.id, dealRegistration.ownerId));
type Selected = Awaited<ReturnType<typeof selectRegistrations>>[number];

/** The products of these registrations, by registration, each list by name. */
export async function productsOf(db: DbOrTx, registrationIds: readonly string[]): Promise<Map<string, { id: string; name: string }[]>> {
  const out = new Map<string, { id: string; name: string }[]>();
  if (!registrationIds.length) return out;
  const rows = await db
    .select({ registrationId: dealRegistrationProduct.registrationId, id: product.id, name: product.name })
    .from(dealRegistrationProduct)
    .innerJoin(product, eq(product.id, dealRegistrationProduct.productId))
    .where(inArray(dealRegistrationProduct.registrationId, [...new Set(registrationIds)]))
    .orderBy(asc(product.name));
  for (const r of rows) out.set(r.registrationId, [...(out.get(r.registrationId) ?? []), { id: r.id, name: r.name }]);
  return out;
}

/** Rows as the API shows them, with what the actor may do with each (one query for the page's partners). */
async function present(db: DbOrTx, actor: Actor, rows: Selected[]): Promise<Registration[]> {
  const products = await productsOf(
    db,
    rows.map((x) => x.r.id),
  );
  const editable = await editablePartnerIds(
    db,
    actor,
    rows.map((x) => x.r.partnerId),
  );
  return rows.map((x) =>
    presentRegistration(
      x.r,
      { ...x, partnerArchived: x.partnerArchivedAt !== null, products: products.get(x.r.id) ?? [] },
      registrationCan(actor, x.r, x.partnerArchivedAt !== null, editable.has(x.r.partnerId)),
    ),
  );
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);

function listFilter(q: Omit<ListRegistrationsQuery, 'page' | 'pageSize'>): SQL | undefined {
  const where: (SQL | undefined)[] = [];
  if (q.direction) where.push(eq(dealRegistration.direction, q.direction));
  if (q.status?.length) where.push(inArray(dealRegistration.status, q.status));
  if (q.partnerId) where.push(eq(dealRegistration.partnerId, q.partnerId));
  if (q.archived === 'false') where.push(isNull(dealRegistration.archivedAt));
  if (q.archived === 'true') where.push(isNotNull(dealRegistration.archivedAt));
  if (q.protectedBefore) where.push(eq(dealRegistration.status, 'approved'), lte(dealRegistration.protectedUntil, q.protectedBefore));
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    where.push(or(ilike(customer.name, like), ilike(customer.domain, like), ilike(partner.name, like), ilike(dealRegistration.portalReference, like)));
  }
  return and(...where);
}

function orderOf(sort: string): SQL[] {
  const dir = sort.startsWith('-') ? desc : asc;
  const nullsLast = (column: SQL | typeof dealRegistration.protectedUntil) => sql`${dir(column)} nulls last`;
  const tie = [desc(dealRegistration.createdAt), asc(dealRegistration.id)];
  switch (sort.replace(/^-/, '')) {
    case 'protectedUntil':
      return [nullsLast(dealRegistration.protectedUntil), ...tie];
    case 'customer':
      return [dir(sql`lower(${customer.name})`), ...tie];
    case 'partner':
      return [dir(sql`lower(${partner.name})`), ...tie];
    case 'status':
      return [dir(dealRegistration.status), ...tie];
    case 'estimatedValue':
      return [sql`${dir(dealRegistration.estimatedValueMinor)} nulls last`, ...tie];
    default:
      return [dir(dealRegistration.createdAt), asc(dealRegistration.id)];
  }
}

export async function listRegistrations(db: DbOrTx, q: ListRegistrationsQuery, actor: Actor): Promise<Page<Registration>> {
  const where = listFilter(q);
  const [rows, [count]] = await readTogether(
    db,
    () =>
      selectRegistrations(db)
        .where(where)
        .orderBy(...orderOf(q.sort))
        .limit(q.pageSize)
        .offset(offsetOf(q)),
    () =>
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(dealRegistration)
        .innerJoin(partner, eq(partner.id, dealRegistration.partnerId))
        .innerJoin(customer, eq(customer.id, dealRegistration.customerId))
        .where(where),
  );
  return { items: await present(db, actor, rows), page: q.page, pageSize: q.pageSize, total: count?.n ?? 0 };
}

export async function getRegistration(db: DbOrTx, id: string, actor: Actor): Promise<Registration> {
  const rows = await selectRegistrations(db).where(eq(dealRegistration.id, id));
  if (!rows[0]) throw notFound(REGISTRATION.what);
  return (await present(db, actor, rows))[0]!;
}

export type { RegistrationRow };
