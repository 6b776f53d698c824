import type { onboarding } from '../../db/schema/index.js';
import type { Onboarding, OnboardingStep } from '../../../shared/schemas/onboarding.js';
import type { OnboardingStatus, TaskStatus } from '../../../shared/rhythm.js';
import type { PartnerStatus, PartnerType, TeamRole } from '../../../shared/partners.js';

type Row = typeof onboarding.$inferSelect;
type Ref = { id: string; name: string };

export interface StepTask {
  id: string;
  onboardingId: string;
  stepPosition: number | null;
  title: string;
  description: string | null;
  ownerRole: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  dueDate: string | null;
  status: string;
  completedAt: Date | null;
  version: number;
}

export interface OnboardingExtras {
  partner: { id: string; name: string; status: string; types: string[] };
  startedByName: string | null;
  overrideByName: string | null;
  tasks: StepTask[];
  /** Today in Europe/Zurich, for what is overdue. */
  today: string;
}

const OPEN = new Set(['open', 'in_progress']);
const ref = (id: string | null, name: string | null): Ref | null => (id && name !== null ? { id, name } : null);

const presentStep = (t: StepTask, today: string): OnboardingStep => ({
  taskId: t.id,
  position: t.stepPosition ?? 0,
  title: t.title,
  description: t.description,
  ownerRole: (t.ownerRole as TeamRole | null) ?? null,
  assignee: ref(t.assigneeId, t.assigneeName),
  dueDate: t.dueDate,
  status: t.status as TaskStatus,
  completedAt: t.completedAt?.toISOString() ?? null,
  overdue: OPEN.has(t.status) && t.dueDate !== null && t.dueDate < today,
  version: t.version,
});

export function presentOnboarding(o: Row, x: OnboardingExtras): Onboarding {
  const steps = [...x.tasks].sort((a, b) => (a.stepPosition ?? 0) - (b.stepPosition ?? 0) || a.id.localeCompare(b.id)).map((t) => presentStep(t, x.today));
  const open = steps.filter((s) => OPEN.has(s.status));
  // The step to do next: the open one due first (undated last), then in playbook order.
  const next = [...open].sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.position - b.position)[0];
  const cancelled = steps.filter((s) => s.status === 'cancelled').length;
  return {
    id: o.id,
    partner: { id: x.partner.id, name: x.partner.name, status: x.partner.status as PartnerStatus, types: x.partner.types as PartnerType[] },
    playbook: { id: o.playbookId, name: o.playbookName },
    status: o.status as OnboardingStatus,
    startedOn: o.startedOn,
    startedBy: ref(o.startedBy, x.startedByName),
    completedAt: o.completedAt?.toISOString() ?? null,
    durationDays: o.durationDays,
    progress: { done: steps.filter((s) => s.status === 'done').length, total: steps.length - cancelled, cancelled },
    nextStep: next ? { title: next.title, dueDate: next.dueDate, assignee: next.assignee } : null,
    overdueSteps: steps.filter((s) => s.overdue).length,
    override: o.overrideReason !== null ? { by: ref(o.overrideBy, x.overrideByName), reason: o.overrideReason } : null,
    steps,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
    version: o.version,
  };
}

/** What the audit trail keeps of an onboarding. */
export const auditableOnboarding = (o: Row) => ({
  partnerId: o.partnerId,
  playbookId: o.playbookId,
  playbookName: o.playbookName,
  status: o.status,
  startedOn: o.startedOn,
  completedAt: o.completedAt?.toISOString() ?? null,
  durationDays: o.durationDays,
  overrideBy: o.overrideBy,
  overrideReason: o.overrideReason,
});
