import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { contact, partner } from '../../db/schema/index.js';
import { CONTACT_ROLES } from '../../../shared/partners.js';
import { contactToday, UNASSIGNED, type ExportContactsQuery } from '../../../shared/schemas/contact.js';

/** The directory's filters and sort orders, shared by the paged list and the exports. */

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The same expression as the trigram index `contact_name_trgm_idx`, so a name search can use it. */
const nameExpr = sql`lower(${contact.firstName} || ' ' || ${contact.lastName})`;
const sortName = [sql`lower(${contact.lastName})`, sql`lower(${contact.firstName})`];
const roleRank = sql`case ${contact.role} ${sql.join(
  CONTACT_ROLES.map((r, i) => sql`when ${r} then ${sql.raw(String(i))}`),
  sql` `,
)} else ${sql.raw(String(CONTACT_ROLES.length))} end`;

/** Contacts still with their partner today: no departure, or one dated after today (company time zone). */
export const stillThere = (): SQL => or(isNull(contact.leftAt), gt(contact.leftAt, contactToday()))!;

export function contactWhere(q: Omit<ExportContactsQuery, 'sort'>): SQL | undefined {
  const where: (SQL | undefined)[] = [];
  if (q.partnerId) where.push(eq(contact.partnerId, q.partnerId));
  if (q.role?.length) {
    const named = q.role.filter((r) => r !== UNASSIGNED);
    where.push(or(named.length ? inArray(contact.role, named) : undefined, q.role.includes(UNASSIGNED) ? isNull(contact.role) : undefined));
  }
  // A departure ahead (left_at after today) leaves them current until that day.
  if (q.status === 'current') where.push(stillThere());
  if (q.status === 'left') where.push(lte(contact.leftAt, contactToday()));
  // People at an archived partner are out of the current directory just like archived contacts.
  if (q.archived === 'false') where.push(isNull(contact.archivedAt), isNull(partner.archivedAt));
  if (q.archived === 'true') where.push(or(isNotNull(contact.archivedAt), isNotNull(partner.archivedAt)));
  if (q.q) {
    const pattern = `%${escapeLike(q.q.toLowerCase())}%`;
    where.push(or(sql`${nameExpr} like ${pattern}`, sql`lower(${contact.email}) like ${pattern}`, sql`lower(${contact.title}) like ${pattern}`));
  }
  return and(...where);
}

export function contactOrder(sort: string): SQL[] {
  const descending = sort.startsWith('-');
  const dir = (e: SQL) => (descending ? desc(e) : asc(e));
  const byName = [...sortName.map((e) => asc(e)), asc(contact.id)];
  switch (sort.replace(/^-/, '')) {
    case 'partner':
      return [dir(sql`lower(${partner.name})`), ...byName];
    case 'role':
      return [dir(roleRank), ...byName];
    case 'lastContactAt':
      // Never-contacted people sort as the oldest contact, as partners do.
      return [descending ? sql`${contact.lastContactAt} desc nulls last` : sql`${contact.lastContactAt} asc nulls first`, ...byName];
    case 'createdAt':
      return [dir(sql`${contact.createdAt}`), asc(contact.id)];
    default:
      return [...sortName.map(dir), dir(sql`${contact.id}`)];
  }
}

export const partnerJoin = eq(partner.id, contact.partnerId);
