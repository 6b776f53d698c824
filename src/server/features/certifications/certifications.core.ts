import { and, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { certificationRenewal, userCertification } from '../../db/schema/index.js';
import { effectiveExpiries, type Holding } from '../../../shared/certifications.js';
import { daysBetween } from '../../../shared/days.js';
import { EXPIRING_WITHIN_DAYS, type HoldingState } from '../../../shared/schemas/certification.js';

export type HoldingRow = typeof userCertification.$inferSelect;
/** What expiry rules read of a holding: lists and the matrix select only these. */
export type HoldingFacts = Pick<HoldingRow, 'id' | 'userId' | 'certificationId' | 'status' | 'obtainedOn' | 'expiresOn' | 'targetOn' | 'archivedAt'>;
export const holdingFactColumns = {
  id: userCertification.id,
  userId: userCertification.userId,
  certificationId: userCertification.certificationId,
  status: userCertification.status,
  obtainedOn: userCertification.obtainedOn,
  expiresOn: userCertification.expiresOn,
  targetOn: userCertification.targetOn,
  archivedAt: userCertification.archivedAt,
};

/** certification id → ids of the certifications whose passing renews it. */
export async function renewalMap(db: DbOrTx, certificationIds?: string[]): Promise<Map<string, string[]>> {
  if (certificationIds && !certificationIds.length) return new Map();
  const rows = await db
    .select()
    .from(certificationRenewal)
    .where(certificationIds ? inArray(certificationRenewal.certificationId, certificationIds) : undefined);
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.certificationId, [...(map.get(r.certificationId) ?? []), r.renewedById]);
  return map;
}

export function holdingState(status: string, effective: string | null, today: string): HoldingState {
  if (status === 'planned') return 'planned';
  if (effective === null) return 'current';
  if (effective < today) return 'expired';
  return daysBetween(today, effective) <= EXPIRING_WITHIN_DAYS ? 'expiring' : 'current';
}

export interface Evaluated {
  effective: string | null;
  /** The holding whose certification renewed this one, when one did. */
  renewedVia: HoldingFacts | null;
  state: HoldingState;
}

/**
 * Effective expiry and state of each holding. `all` must hold every obtained, unarchived holding of
 * the users concerned: a renewal comes from the same colleague's other certifications.
 */
export function evaluate(all: HoldingFacts[], renewedBy: ReadonlyMap<string, readonly string[]>, today: string): Map<string, Evaluated> {
  const obtained = all.filter((h) => h.status === 'obtained' && !h.archivedAt && h.obtainedOn);
  const holdings: Holding[] = obtained.map((h) => ({ id: h.id, userId: h.userId, certificationId: h.certificationId, obtainedOn: h.obtainedOn!, expiresOn: h.expiresOn }));
  const eff = effectiveExpiries(holdings, renewedBy);
  const byUser = new Map<string, HoldingFacts[]>();
  for (const o of obtained) {
    const list = byUser.get(o.userId);
    if (list) list.push(o);
    else byUser.set(o.userId, [o]);
  }
  const out = new Map<string, Evaluated>();
  for (const h of all) {
    const effective = h.status === 'obtained' ? (eff.get(h.id) ?? h.expiresOn) : null;
    let renewedVia: HoldingFacts | null = null;
    if (h.status === 'obtained' && effective !== h.expiresOn) {
      const renewers = renewedBy.get(h.certificationId) ?? [];
      renewedVia = byUser.get(h.userId)?.find((o) => renewers.includes(o.certificationId) && eff.get(o.id) === effective) ?? null;
    }
    out.set(h.id, { effective, renewedVia, state: holdingState(h.status, effective, today) });
  }
  return out;
}

/** Every unarchived holding of these users (what `evaluate` needs). */
export async function holdingsOfUsers(db: DbOrTx, userIds: string[]): Promise<HoldingFacts[]> {
  if (!userIds.length) return [];
  return db
    .select(holdingFactColumns)
    .from(userCertification)
    .where(and(inArray(userCertification.userId, userIds), isNull(userCertification.archivedAt)));
}

const RANK: Record<HoldingState, number> = { current: 0, expiring: 0, planned: 1, expired: 2 };
/** Null (never expires) is the latest of all. */
const laterFirst = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a > b ? -1 : 1);

function better(a: HoldingFacts, ea: Evaluated, b: HoldingFacts, eb: Evaluated): boolean {
  if (RANK[ea.state] !== RANK[eb.state]) return RANK[ea.state] < RANK[eb.state];
  // The soonest planned exam is the plan; otherwise the longest-lasting certificate.
  if (ea.state === 'planned') return (a.targetOn ?? '') < (b.targetOn ?? '');
  return laterFirst(ea.effective, eb.effective) < 0;
}

/**
 * The holding that speaks for a colleague and certification when there are several (a retake, a
 * planned renewal): a valid one with the latest expiry, else the soonest planned exam, else the
 * latest expired one. Keyed by `userId|certificationId`.
 */
export function bestHoldings<T extends HoldingFacts>(rows: T[], ev: Map<string, Evaluated>): Map<string, T> {
  const best = new Map<string, T>();
  for (const h of rows) {
    const key = `${h.userId}|${h.certificationId}`;
    const cur = best.get(key);
    if (!cur || better(h, ev.get(h.id)!, cur, ev.get(cur.id)!)) best.set(key, h);
  }
  return best;
}
