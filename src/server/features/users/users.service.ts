import { and, count, eq, ilike, isNotNull, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Auth } from '../../auth/better-auth.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { account, apiToken, session, user } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, fieldError, msg, notFound } from '../../lib/errors.js';
import { staleVersion } from '../../lib/versioned.js';
import { offsetOf, orderBy } from '../../lib/pagination.js';
import type { Actor } from '../../lib/policy.js';
import type { Role } from '../../../shared/roles.js';
import type { Page } from '../../../shared/list.js';
import type { User } from '../../../shared/schemas/user.js';
import { auditableUser, presentUser } from './users.presenter.js';

export type AuditActor = Pick<Actor, 'id' | 'name'> | null;

export async function countUsers(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(user);
  return row!.n;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listUsers(
  db: Db,
  q: { page: number; pageSize: number; sort: string; q?: string; role?: Role; status: 'active' | 'deactivated' | 'all' },
): Promise<Page<User>> {
  const where: SQL[] = [];
  if (q.q) where.push(or(ilike(user.name, `%${escapeLike(q.q)}%`), ilike(user.email, `%${escapeLike(q.q)}%`))!);
  if (q.role) where.push(eq(user.role, q.role));
  if (q.status === 'active') where.push(isNull(user.deactivatedAt));
  if (q.status === 'deactivated') where.push(isNotNull(user.deactivatedAt));
  const rows = await db
    .select({
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      deactivatedAt: user.deactivatedAt,
      createdAt: user.createdAt,
      version: user.version,
      total: sql<number>`count(*) over()`.mapWith(Number),
    })
    .from(user)
    .where(and(...where))
    .orderBy(...orderBy(q.sort, { name: user.name, email: user.email, role: user.role, createdAt: user.createdAt }, user.id))
    .limit(q.pageSize)
    .offset(offsetOf(q));
  const total =
    rows[0]?.total ??
    (q.page > 1
      ? (
          await db
            .select({ n: count() })
            .from(user)
            .where(and(...where))
        )[0]!.n
      : 0);
  return { items: rows.map(presentUser), page: q.page, pageSize: q.pageSize, total };
}

export async function getUser(db: DbOrTx, id: string): Promise<typeof user.$inferSelect> {
  const [row] = await db.select().from(user).where(eq(user.id, id));
  if (!row) throw notFound(msg('users.what'));
  return row;
}

export async function findUserByEmail(db: DbOrTx, email: string) {
  const [row] = await db.select().from(user).where(eq(user.email, email.toLowerCase()));
  return row ?? null;
}

/** Creates an e-mail/password account, hashed by better-auth's own password hasher. */
export async function createUser(db: Db, auth: Auth, input: { name: string; email: string; password: string; role: Role }, actor: AuditActor, tx?: DbOrTx): Promise<User> {
  const ctx = await auth.$context;
  const hash = await ctx.password.hash(input.password);
  const run = async (t: DbOrTx) => {
    if (await findUserByEmail(t, input.email)) throw fieldError('body.email', msg('users.emailUsed'), 'conflict');
    const id = crypto.randomUUID();
    const [row] = await t.insert(user).values({ id, name: input.name, email: input.email.toLowerCase(), role: input.role, emailVerified: true }).returning();
    await t.insert(account).values({ id: crypto.randomUUID(), accountId: id, providerId: 'credential', userId: id, password: hash });
    await recordAudit(t, { actor, entityType: 'user', entityId: id, action: 'create', before: null, after: auditableUser(row!) });
    return presentUser(row!);
  };
  return tx ? run(tx) : db.transaction(run);
}

/**
 * Locks every active administrator's row, in id order, before a change that could leave none:
 * two administrators demoting (or deactivating) each other at once each locked only their target,
 * each counted the other as still an administrator, and both succeeded. Now the second waits for
 * the first to commit, and then counts what the first left. The fixed order rules out deadlocks
 * between two such changes; the target's own row is locked after these.
 */
async function lockActiveAdmins(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select ${user.id} from ${user} where ${user.role} = 'admin' and ${user.deactivatedAt} is null order by ${user.id} for update`);
}

async function activeAdminCount(tx: DbOrTx, exceptId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(user)
    .where(and(eq(user.role, 'admin'), isNull(user.deactivatedAt), ne(user.id, exceptId)));
  return row!.n;
}

/** Applies a versioned change; a stale version gets 409 and changes nothing. */
async function versionedUpdate(tx: DbOrTx, id: string, expected: number, values: Partial<typeof user.$inferInsert>): Promise<typeof user.$inferSelect> {
  const [row] = await tx
    .update(user)
    .set({ ...values, version: sql`${user.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(user.id, id), eq(user.version, expected)))
    .returning();
  if (row) return row;
  const current = await getUser(tx, id);
  throw staleVersion({ what: msg('users.what'), the: msg('users.the') }, expected, current.version);
}

export async function updateUser(db: Db, id: string, input: { name?: string; role?: Role; version: number }, actor: Actor): Promise<User> {
  return db.transaction(async (tx) => {
    if (input.role && input.role !== 'admin') await lockActiveAdmins(tx);
    await tx.execute(sql`select 1 from ${user} where ${user.id} = ${id} for update`);
    const before = await getUser(tx, id);
    if (input.role && input.role !== 'admin' && before.role === 'admin' && !before.deactivatedAt && (await activeAdminCount(tx, id)) === 0) {
      throw fieldError('body.role', msg('users.lastAdminRole'), 'conflict');
    }
    const after = await versionedUpdate(tx, id, input.version, { name: input.name, role: input.role });
    await recordAudit(tx, { actor, entityType: 'user', entityId: id, action: 'update', before: auditableUser(before), after: auditableUser(after) });
    return presentUser(after);
  });
}

/** Deactivation ends every session and API token of the user at once. */
export async function setActive(db: Db, id: string, active: boolean, expected: number | undefined, actor: AuditActor): Promise<User> {
  return db.transaction(async (tx) => {
    if (!active) await lockActiveAdmins(tx);
    await tx.execute(sql`select 1 from ${user} where ${user.id} = ${id} for update`);
    const before = await getUser(tx, id);
    if (!active) {
      if (actor && actor.id === id) throw new AppError('conflict', msg('users.deactivateSelf'));
      if (before.role === 'admin' && !before.deactivatedAt && (await activeAdminCount(tx, id)) === 0) {
        throw new AppError('conflict', msg('users.lastAdminDeactivate'));
      }
    }
    const after = await versionedUpdate(tx, id, expected ?? before.version, { deactivatedAt: active ? null : (sql`now()` as never) });
    if (!active) {
      await tx.delete(session).where(eq(session.userId, id));
      await tx
        .update(apiToken)
        .set({ revokedAt: sql`now()` })
        .where(and(eq(apiToken.userId, id), isNull(apiToken.revokedAt)));
    }
    await recordAudit(tx, { actor, entityType: 'user', entityId: id, action: active ? 'reactivate' : 'deactivate', before: auditableUser(before), after: auditableUser(after) });
    return presentUser(after);
  });
}

/**
 * A user changed their own password through better-auth's change-password endpoint (which checks
 * the current one and writes the hash): recorded on the user's history like an admin's reset.
 */
export async function recordOwnPasswordChange(db: Db, actor: Pick<Actor, 'id' | 'name'>): Promise<void> {
  await recordAudit(db, { actor, entityType: 'user', entityId: actor.id, action: 'change-password', before: null, after: null });
}

/** Sets a new password (CLI and admin reset); other sessions end. */
export async function setPassword(db: Db, auth: Auth, id: string, password: string, actor: AuditActor): Promise<void> {
  const ctx = await auth.$context;
  const hash = await ctx.password.hash(password);
  await db.transaction(async (tx) => {
    await getUser(tx, id);
    const updated = await tx
      .update(account)
      .set({ password: hash, updatedAt: sql`now()` })
      .where(and(eq(account.userId, id), eq(account.providerId, 'credential')))
      .returning({ id: account.id });
    if (updated.length === 0) await tx.insert(account).values({ id: crypto.randomUUID(), accountId: id, providerId: 'credential', userId: id, password: hash });
    await tx.delete(session).where(eq(session.userId, id));
    await recordAudit(tx, { actor, entityType: 'user', entityId: id, action: 'set-password', before: null, after: null });
  });
}
