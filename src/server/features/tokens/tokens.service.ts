import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { apiToken } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { msg, notFound } from '../../lib/errors.js';
import { newApiToken } from '../../lib/tokens.js';
import type { AuditActor } from '../users/index.js';
import type { ApiToken } from '../../../shared/schemas/token.js';

type Row = typeof apiToken.$inferSelect;

export const presentToken = (t: Row): ApiToken => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  expiresAt: t.expiresAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});

export async function listTokens(db: Db, userId: string): Promise<ApiToken[]> {
  const rows = await db.select().from(apiToken).where(eq(apiToken.userId, userId)).orderBy(desc(apiToken.createdAt));
  return rows.map(presentToken);
}

/** Creates a token; the secret is returned here once and never again. */
export async function createToken(db: Db, userId: string, input: { name: string; expiresInDays: number | null }, actor: AuditActor): Promise<ApiToken & { token: string }> {
  const { token, hash, prefix } = newApiToken();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiToken)
      .values({
        userId,
        name: input.name,
        tokenHash: hash,
        prefix,
        expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
      })
      .returning();
    await recordAudit(tx, { actor, entityType: 'api_token', entityId: row!.id, action: 'create', after: { name: row!.name, userId, prefix } });
    return { ...presentToken(row!), token };
  });
}

export async function revokeToken(db: Db, userId: string, id: string, actor: AuditActor): Promise<ApiToken> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiToken)
      .set({ revokedAt: sql`coalesce(${apiToken.revokedAt}, now())` })
      .where(and(eq(apiToken.id, id), eq(apiToken.userId, userId)))
      .returning();
    if (!row) throw notFound(msg('tokens.what'));
    await recordAudit(tx, { actor, entityType: 'api_token', entityId: id, action: 'revoke', before: { revokedAt: null }, after: { revokedAt: row.revokedAt?.toISOString() } });
    return presentToken(row);
  });
}

export async function activeTokenCount(db: Db, userId: string): Promise<number> {
  const rows = await db
    .select({ id: apiToken.id })
    .from(apiToken)
    .where(and(eq(apiToken.userId, userId), isNull(apiToken.revokedAt)));
  return rows.length;
}
