import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { instanceSetting } from '../db/schema/index.js';

/**
 * The signing secret for sessions and CSRF tokens: AUTH_SECRET when set; otherwise one generated
 * on first start and kept in the database, so every instance on the same database shares it.
 */
export async function resolveAuthSecret(db: Db, fromEnv?: string): Promise<string> {
  if (fromEnv) return fromEnv;
  await db
    .insert(instanceSetting)
    .values({ key: 'auth_secret', value: randomBytes(32).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await db.select().from(instanceSetting).where(eq(instanceSetting.key, 'auth_secret'));
  return row!.value;
}
