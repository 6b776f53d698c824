import { z } from 'zod';
import { listQuery, pageOf } from '../list.js';

export const auditEntrySchema = z.object({
  id: z.number().int(),
  entityType: z.string(),
  entityId: z.string(),
  action: z.string(),
  actor: z.object({ id: z.string().nullable(), name: z.string().nullable() }),
  at: z.string(),
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuery = listQuery(
  ['at'] as const,
  {
    entityType: z.string().min(1).max(50),
    entityId: z.string().min(1).max(64),
  },
  '-at',
);
export const auditPage = pageOf(auditEntrySchema);
