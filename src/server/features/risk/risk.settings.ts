import { eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { instanceSetting } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, msg } from '../../lib/errors.js';
import { staleVersion } from '../../lib/versioned.js';
import type { Actor } from '../../lib/policy.js';
import { DEFAULT_RISK_POLICY, riskPolicySchema, type RiskPolicy, type UpdateRiskPolicyBody } from '../../../shared/schemas/risk.js';

const KEY = 'risk_policy';

/**
 * The admin's risk policy, or the defaults while none was saved. A stored value that no longer
 * parses (an older shape) falls back to the defaults rather than breaking every risk page.
 */
export async function readRiskPolicy(db: DbOrTx, lock = false): Promise<RiskPolicy> {
  const q = db.select({ value: instanceSetting.value }).from(instanceSetting).where(eq(instanceSetting.key, KEY));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) return DEFAULT_RISK_POLICY;
  try {
    const parsed = riskPolicySchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : DEFAULT_RISK_POLICY;
  } catch {
    return DEFAULT_RISK_POLICY;
  }
}

/**
 * instance_setting has no version column, so the version travels inside the JSON; the row lock
 * (or, for the first save, the primary key) keeps two admins from both saving over version n.
 */
export async function saveRiskPolicy(db: Db, input: UpdateRiskPolicyBody, actor: Actor): Promise<RiskPolicy> {
  return db.transaction(async (tx) => {
    const before = await readRiskPolicy(tx, true);
    if (input.version !== before.version) throw staleVersion({ what: msg('risk.policy.what'), the: msg('risk.policy.the') }, input.version, before.version);
    const after: RiskPolicy = {
      mediumFrom: input.mediumFrom,
      highFrom: input.highFrom,
      reviewMonths: input.reviewMonths,
      clauses: input.clauses as RiskPolicy['clauses'],
      version: before.version + 1,
    };
    const value = JSON.stringify(after);
    const written = await tx
      .insert(instanceSetting)
      .values({ key: KEY, value })
      .onConflictDoUpdate({
        target: instanceSetting.key,
        set: { value, updatedAt: sql`now()` },
        setWhere: sql`${instanceSetting.value}::jsonb ->> 'version' = ${String(before.version)}`,
      })
      .returning({ key: instanceSetting.key });
    if (!written.length) throw new AppError('version_conflict', msg('risk.policyChanged'));
    const { version: _b, ...was } = before;
    const { version: _a, ...now } = after;
    await recordAudit(tx, { actor, entityType: 'risk_policy', entityId: KEY, action: 'update', before: was, after: now });
    return after;
  });
}
