import type { DbOrTx } from '../db/client.js';
import { auditLog } from '../db/schema/index.js';
import type { Actor } from './policy.js';

type Fields = Record<string, unknown>;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields that differ between two versions of a record, as { field: { from, to } }. */
export function diff(before: Fields | null, after: Fields | null, ignore: string[] = []): Record<string, { from: unknown; to: unknown }> {
  const skip = new Set(['version', 'updatedAt', 'createdAt', ...ignore]);
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const k of keys) {
    if (skip.has(k)) continue;
    const from = before?.[k] ?? null;
    const to = after?.[k] ?? null;
    if (!same(from, to)) out[k] = { from, to };
  }
  return out;
}

export interface AuditEntry {
  actor: Pick<Actor, 'id' | 'name'> | null;
  entityType: string;
  entityId: string;
  action: string;
  before?: Fields | null;
  after?: Fields | null;
  /** Fields never to copy into the trail (secrets, large blobs). */
  ignore?: string[];
}

/** Writes one audit record; call it with the transaction that made the change. */
export async function recordAudit(tx: DbOrTx, e: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    entityType: e.entityType,
    entityId: e.entityId,
    action: e.action,
    actorId: e.actor?.id ?? null,
    actorName: e.actor?.name ?? null,
    changes: diff(e.before ?? null, e.after ?? null, e.ignore),
  });
}
