import { and, count, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { readTogether, type Db, type DbOrTx } from '../../db/client.js';
import { customer, opportunity } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { fieldError, msg, notFound } from '../../lib/errors.js';
import { offsetOf, orderBy } from '../../lib/pagination.js';
import type { Actor } from '../../lib/policy.js';
import { lockRow, updateVersioned } from '../../lib/versioned.js';
import { customerNameKey, registrableDomain } from '../../../shared/customers.js';
import type { Page } from '../../../shared/list.js';
import type { Customer, ListCustomersQuery, createCustomerBody, updateCustomerBody } from '../../../shared/schemas/customer.js';
import type { z } from 'zod';
import { customersPolicy } from './customers.policy.js';

type Row = typeof customer.$inferSelect;
export const CUSTOMER = { what: msg('deals.customerWhat'), the: msg('deals.customerThe') };

export interface CustomerRef {
  id: string;
  name: string;
  domain: string | null;
  country: string | null;
}
export interface ResolveCustomerInput {
  id?: string;
  name?: string;
  domain?: string | null;
  country?: string | null;
}

const ref = (r: Row): CustomerRef => ({ id: r.id, name: r.name, domain: r.domain, country: r.country });
const auditable = (r: Row) => ({ name: r.name, domain: r.domain, country: r.country });

/** The registrable domain of what a person typed, or a 400 on `path` when it has none ("localhost", "muster.local"). */
function domainOf(text: string | null | undefined, path: string): string | null {
  if (text === undefined || text === null || text.trim() === '') return null;
  const d = registrableDomain(text);
  if (!d) throw fieldError(path, msg('deals.notADomain'));
  return d;
}

const byDomain = async (tx: DbOrTx, domain: string) => (await tx.select().from(customer).where(eq(customer.domain, domain)))[0];

/**
 * The customer a record names: by `id`; else the one with the same registrable domain; else a new one
 * (the name is then required: a 400 on `${field}.name`). A create that races another with the same
 * domain takes the other's row (ON CONFLICT DO NOTHING, then read), so one domain stays one customer.
 * `actor` signs the audit record of a customer created here.
 */
export async function resolveCustomer(tx: DbOrTx, input: ResolveCustomerInput, field: string, actor: Actor | null = null): Promise<CustomerRef> {
  if (input.id) {
    const [row] = await tx.select().from(customer).where(eq(customer.id, input.id));
    if (!row) throw fieldError(`${field}.id`, msg('deals.customerUnknown'));
    return ref(row);
  }
  const domain = domainOf(input.domain, `${field}.domain`);
  if (domain) {
    const found = await byDomain(tx, domain);
    if (found) return ref(found);
  }
  const name = input.name?.trim();
  if (!name) throw fieldError(`${field}.name`, msg('deals.customerNameRequired'));
  const [row] = await tx
    .insert(customer)
    .values({ name, nameKey: customerNameKey(name), domain, country: input.country ?? null })
    .onConflictDoNothing()
    .returning();
  if (!row) return ref((await byDomain(tx, domain!))!);
  await recordAudit(tx, { actor, entityType: 'customer', entityId: row.id, action: 'create', after: auditable(row) });
  return ref(row);
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);
const opportunityCount = sql<number>`(select count(*) from ${opportunity} where ${opportunity.customerId} = ${customer.id})`.mapWith(Number);

function present(r: Row, opportunities: number, actor: Actor): Customer {
  return {
    id: r.id,
    name: r.name,
    domain: r.domain,
    country: r.country,
    opportunityCount: opportunities,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
    can: { edit: customersPolicy.write.allow(actor) },
  };
}

export async function listCustomers(db: DbOrTx, q: ListCustomersQuery, actor: Actor): Promise<Page<Customer>> {
  const where: SQL[] = [];
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    where.push(or(ilike(customer.name, like), ilike(customer.domain, like), ilike(customer.nameKey, `%${escapeLike(customerNameKey(q.q))}%`))!);
  }
  const filter = and(...where);
  const [rows, [total]] = await readTogether(
    db,
    () =>
      db
        .select({ c: customer, n: opportunityCount })
        .from(customer)
        .where(filter)
        .orderBy(...orderBy(q.sort, { name: sql`lower(${customer.name})`, domain: customer.domain, createdAt: customer.createdAt }, customer.id))
        .limit(q.pageSize)
        .offset(offsetOf(q)),
    () => db.select({ n: count() }).from(customer).where(filter),
  );
  return { items: rows.map((r) => present(r.c, r.n, actor)), page: q.page, pageSize: q.pageSize, total: total?.n ?? 0 };
}

export async function getCustomer(db: DbOrTx, id: string, actor: Actor): Promise<Customer> {
  const [r] = await db.select({ c: customer, n: opportunityCount }).from(customer).where(eq(customer.id, id));
  if (!r) throw notFound(CUSTOMER.what);
  return present(r.c, r.n, actor);
}

/** 409 on `body.domain` when another customer has this registrable domain: one domain is one customer. */
async function domainFree(tx: DbOrTx, domain: string | null, exceptId?: string) {
  if (!domain) return;
  const other = await byDomain(tx, domain);
  if (other && other.id !== exceptId) throw fieldError('body.domain', msg('deals.customerDomainTaken', { name: other.name, domain }), 'conflict');
}

const isUniqueViolation = (e: unknown) => (e as { code?: string; cause?: { code?: string } })?.code === '23505' || (e as { cause?: { code?: string } })?.cause?.code === '23505';

export async function createCustomer(db: Db, body: z.output<typeof createCustomerBody>, actor: Actor): Promise<Customer> {
  const id = await db
    .transaction(async (tx) => {
      const domain = domainOf(body.domain, 'body.domain');
      await domainFree(tx, domain);
      const [row] = await tx
        .insert(customer)
        .values({ name: body.name, nameKey: customerNameKey(body.name), domain, country: body.country ?? null })
        .returning();
      await recordAudit(tx, { actor, entityType: 'customer', entityId: row!.id, action: 'create', after: auditable(row!) });
      return row!.id;
    })
    .catch((e: unknown) => {
      // Another request took the domain between the check and the insert.
      if (isUniqueViolation(e)) throw fieldError('body.domain', msg('deals.customerDomainTakenNow'), 'conflict');
      throw e;
    });
  return getCustomer(db, id, actor);
}

export async function updateCustomer(db: Db, id: string, body: z.output<typeof updateCustomerBody>, actor: Actor): Promise<Customer> {
  await db
    .transaction(async (tx) => {
      const before = await lockRow(tx, customer, id, CUSTOMER);
      const changes: Partial<Row> = {};
      if (body.name !== undefined) Object.assign(changes, { name: body.name, nameKey: customerNameKey(body.name) });
      if (body.domain !== undefined) {
        changes.domain = domainOf(body.domain, 'body.domain');
        await domainFree(tx, changes.domain, id);
      }
      if (body.country !== undefined) changes.country = body.country;
      const after = await updateVersioned(tx, customer, id, body.version, changes, CUSTOMER);
      await recordAudit(tx, { actor, entityType: 'customer', entityId: id, action: 'update', before: auditable(before), after: auditable(after) });
    })
    .catch((e: unknown) => {
      if (isUniqueViolation(e)) throw fieldError('body.domain', msg('deals.customerDomainTakenNow'), 'conflict');
      throw e;
    });
  return getCustomer(db, id, actor);
}
