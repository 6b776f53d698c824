import type { playbook, playbookStep } from '../../db/schema/index.js';
import type { Playbook } from '../../../shared/schemas/playbook.js';
import type { PartnerType, TeamRole } from '../../../shared/partners.js';

type Row = typeof playbook.$inferSelect;
type StepRow = typeof playbookStep.$inferSelect;

export const presentPlaybook = (p: Row, steps: StepRow[]): Playbook => ({
  id: p.id,
  name: p.name,
  partnerType: p.partnerType as PartnerType,
  description: p.description,
  steps: [...steps]
    .sort((a, b) => a.position - b.position)
    .map((s) => ({ id: s.id, position: s.position, title: s.title, description: s.description, ownerRole: s.ownerRole as TeamRole, dueAfterDays: s.dueAfterDays })),
  archivedAt: p.archivedAt?.toISOString() ?? null,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
  version: p.version,
});

/** What the audit trail keeps of a playbook: its fields and its steps in order (ids change when steps are replaced). */
export const auditablePlaybook = (p: Row, steps: Pick<StepRow, 'position' | 'title' | 'description' | 'ownerRole' | 'dueAfterDays'>[]) => ({
  name: p.name,
  partnerType: p.partnerType,
  description: p.description,
  archivedAt: p.archivedAt?.toISOString() ?? null,
  steps: [...steps]
    .sort((a, b) => a.position - b.position)
    .map((s) => ({ title: s.title, description: s.description ?? null, ownerRole: s.ownerRole, dueAfterDays: s.dueAfterDays })),
});
