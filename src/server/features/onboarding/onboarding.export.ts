import type { tFor } from '../../i18n.js';
import { dayCell, type ExportColumn } from '../../lib/table-export.js';
import type { OnboardingSummary } from '../../../shared/schemas/onboarding.js';

/** A calendar day as a date cell (midnight UTC, so a spreadsheet shows the day itself). */

/**
 * The onboardings list's columns in the reader's language, with the words of its table. Its rows are
 * the list's own (listOnboardings): every onboarding in progress, or the most recent past ones.
 */
export function onboardingColumns(t: ReturnType<typeof tFor>): ExportColumn<OnboardingSummary>[] {
  return [
    { key: 'partner', header: t('onboarding:page.column.partner'), value: (o) => o.partner.name },
    { key: 'playbook', header: t('onboarding:page.column.playbook'), value: (o) => o.playbook.name },
    { key: 'status', header: t('onboarding:page.column.status'), value: (o) => t(`onboarding:status.${o.status}`) },
    { key: 'startedOn', header: t('onboarding:page.column.started'), value: (o) => dayCell(o.startedOn) },
    { key: 'startedBy', header: t('onboarding:page.column.startedBy'), value: (o) => o.startedBy?.name ?? '' },
    { key: 'stepsDone', header: t('onboarding:page.column.stepsDone'), value: (o) => o.progress.done },
    { key: 'steps', header: t('onboarding:page.column.steps'), value: (o) => o.progress.total },
    { key: 'nextStep', header: t('onboarding:page.column.nextStep'), value: (o) => o.nextStep?.title ?? '' },
    { key: 'nextStepDue', header: t('onboarding:page.column.nextStepDue'), value: (o) => dayCell(o.nextStep?.dueDate) },
    { key: 'nextStepAssignee', header: t('onboarding:page.column.nextStepAssignee'), value: (o) => o.nextStep?.assignee?.name ?? '' },
    { key: 'overdueSteps', header: t('onboarding:page.overdueSteps'), value: (o) => o.overdueSteps },
    { key: 'completedAt', header: t('onboarding:page.column.completed'), value: (o) => (o.completedAt ? new Date(o.completedAt) : null) },
    { key: 'durationDays', header: t('onboarding:page.column.durationDays'), value: (o) => o.durationDays },
  ];
}
