/**
 * When a colleague's certification counts. Both sides import this (no node:* or DOM).
 *
 * Convention: a certification is held on day D when obtainedOn <= D <= expiresOn (valid through its
 * expiry day; a null expiry never lapses). The first day it no longer counts is expiresOn + 1.
 */
import { addMonths } from './days.js';

/** The catalogue's default expiry: obtained + validity months (end-of-month clamped); null when it does not expire. */
export const deriveExpiry = (obtainedOn: string, validityMonths: number | null): string | null => (validityMonths == null ? null : addMonths(obtainedOn, validityMonths));

export interface Holding {
  id: string;
  userId: string;
  certificationId: string;
  obtainedOn: string;
  /** As recorded (derived or overridden); null never expires. */
  expiresOn: string | null;
}

const later = (a: string | null, b: string | null): string | null => (a === null || b === null ? null : a > b ? a : b);

/**
 * Expiries after renewals: passing an exam that renews a lower one (AWS, Red Hat: "a higher exam
 * recertifies the lower") moves the lower one's expiry to the higher one's, provided the higher was
 * passed while the lower was still current. Chains (foundational ← associate ← professional) are
 * followed to a fixed point. `renewedBy` maps a certification id to the ids that renew it.
 */
export function effectiveExpiries(holdings: Holding[], renewedBy: ReadonlyMap<string, readonly string[]>): Map<string, string | null> {
  const result = new Map<string, string | null>(holdings.map((h) => [h.id, h.expiresOn]));
  if (!renewedBy.size) return result;
  const byUser = new Map<string, Holding[]>();
  for (const h of holdings) byUser.set(h.userId, [...(byUser.get(h.userId) ?? []), h]);
  for (const own of byUser.values()) {
    for (let changed = true, rounds = 0; changed && rounds <= own.length; rounds++) {
      changed = false;
      for (const lower of own) {
        const renewers = renewedBy.get(lower.certificationId);
        if (!renewers?.length) continue;
        for (const higher of own) {
          if (higher === lower || !renewers.includes(higher.certificationId)) continue;
          const current = result.get(lower.id)!;
          const stillCurrent = current === null || higher.obtainedOn <= current;
          if (higher.obtainedOn < lower.obtainedOn || !stillCurrent) continue;
          const next = later(current, result.get(higher.id)!);
          if (next !== current) {
            result.set(lower.id, next);
            changed = true;
          }
        }
      }
    }
  }
  return result;
}

/** Held on `day` given its effective expiry. */
export const heldOn = (obtainedOn: string, effectiveExpiry: string | null, day: string): boolean => obtainedOn <= day && (effectiveExpiry === null || day <= effectiveExpiry);
