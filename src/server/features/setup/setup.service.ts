import { sql } from 'drizzle-orm';
import type { Auth } from '../../auth/better-auth.js';
import type { Db } from '../../db/client.js';
import { AppError, msg } from '../../lib/errors.js';
import { countUsers, createUser } from '../users/index.js';
import { ensureStarterPlaybooks } from '../playbooks/index.js';
import { ensureStarterCatalogue } from '../certifications/index.js';
import { ensureStarterRiskCriteria } from '../risk/index.js';
import { ensureStarterLevels } from '../programs/index.js';
import type { User } from '../../../shared/schemas/user.js';

const SETUP_LOCK = 7_311_002;

/**
 * Creates the first administrator, and only while no user exists. A transaction-scoped
 * advisory lock serialises concurrent attempts (two browsers, two instances).
 */
export async function createFirstAdmin(db: Db, auth: Auth, input: { name: string; email: string; password: string }): Promise<User> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK})`);
    if ((await countUsers(tx)) > 0) throw new AppError('forbidden', msg('setup.alreadySetUp'));
    const admin = await createUser(db, auth, { ...input, role: 'admin' }, null, tx);
    // A new installation starts with an onboarding playbook per partner type, real partner programmes'
    // certifications and level ladders, and the supplier security policy's risk criteria, for the admin to adapt.
    await ensureStarterPlaybooks(tx, admin);
    await ensureStarterCatalogue(tx, admin);
    await ensureStarterLevels(tx, admin);
    await ensureStarterRiskCriteria(tx, admin);
    return admin;
  });
}

/** On a start with no users, ADMIN_EMAIL/ADMIN_PASSWORD make the first administrator. */
export async function ensureEnvAdmin(db: Db, auth: Auth, admin: { email: string; password: string } | undefined): Promise<User | null> {
  if (!admin) return null;
  try {
    return await createFirstAdmin(db, auth, { name: 'Administrator', email: admin.email, password: admin.password });
  } catch (e) {
    if (e instanceof AppError && e.code === 'forbidden') return null;
    throw e;
  }
}
