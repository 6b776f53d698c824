import { useQuery } from '@tanstack/react-query';
import { Badge, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RiskAssessment, RiskFinding } from '../../../shared/schemas/risk.js';
import { ErrorState, LoadingState } from '../../components/states.js';
import { formatDateTime } from '../../lib/format.js';
import { formatDay } from '../onboarding/format.js';
import { RatingBadge, REASON_LABELS, SEVERITY_COLORS, SEVERITY_LABELS } from './labels.js';
import { assessmentQuery } from './queries.js';

const TASK_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
const isTaskStatus = (s: string): s is (typeof TASK_STATUSES)[number] => (TASK_STATUSES as readonly string[]).includes(s);

export function FindingList({ findings, onRemove }: { findings: RiskFinding[]; onRemove?: (f: RiskFinding) => React.ReactNode }) {
  const { t } = useTranslation('risk');
  if (!findings.length)
    return (
      <Text size="sm" c="dimmed">
        {t('findings.none')}
      </Text>
    );
  return (
    <Stack gap={0} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {findings.map((f) => (
        <Group key={f.id} component="li" justify="space-between" align="flex-start" wrap="nowrap" py={8} style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Group gap="xs">
              <Badge size="sm" variant="light" color={SEVERITY_COLORS[f.severity]}>
                {SEVERITY_LABELS[f.severity]}
              </Badge>
              <Text size="sm" fw={500}>
                {f.title}
              </Text>
            </Group>
            {f.mitigation && (
              <Text size="sm" c="dimmed">
                {t('findings.mitigation', { text: f.mitigation })}
              </Text>
            )}
            {f.task && (
              <Text size="xs" c="dimmed">
                {t(f.task.dueDate ? 'findings.taskDue' : 'findings.task', {
                  title: f.task.title,
                  status: isTaskStatus(f.task.status) ? t(`taskStatus.${f.task.status}`) : f.task.status,
                  assignee: f.task.assignee?.name ?? t('findings.unassigned'),
                  date: f.task.dueDate ? formatDay(f.task.dueDate) : '',
                })}
              </Text>
            )}
          </Stack>
          {onRemove?.(f)}
        </Group>
      ))}
    </Stack>
  );
}

/** An assessment as approved (or superseded): read-only, as it was decided. */
export function AssessmentDetails({ a }: { a: RiskAssessment }) {
  const { t } = useTranslation('risk');
  return (
    <Stack gap="md">
      <Group gap="sm">
        <RatingBadge rating={a.rating} size="lg" />
        {a.scorePercent !== null && <Text fw={600}>{t('details.score', { percent: a.scorePercent })}</Text>}
        <Badge variant="light" color={a.status === 'approved' ? 'teal' : 'gray'}>
          {a.status === 'approved' ? t('details.current') : a.status === 'superseded' ? t('details.superseded') : t('details.draft')}
        </Badge>
      </Group>
      <Text size="sm">
        {t('details.assessed', { reason: REASON_LABELS[a.reason], assessor: a.assessor?.name ?? '—', date: formatDay(a.assessedOn) })}
        {a.approvedAt ? t('details.approved', { approver: a.approver?.name ?? t('details.formerUser'), date: formatDateTime(a.approvedAt) }) : ''}
        {a.nextReviewOn ? t('details.nextReview', { date: formatDay(a.nextReviewOn) }) : ''}
        {a.supersededAt ? t('details.supersededAt', { date: formatDateTime(a.supersededAt) }) : ''}
      </Text>
      {a.scope && (
        <Text size="sm">
          <strong>{t('details.scope')}</strong> {a.scope}
        </Text>
      )}
      {a.summary && (
        <Text size="sm">
          <strong>{t('details.summary')}</strong> {a.summary}
        </Text>
      )}
      <Table.ScrollContainer minWidth={480}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('details.criterion')}</Table.Th>
              <Table.Th ta="right">{t('details.weight')}</Table.Th>
              <Table.Th ta="right">{t('details.scoreColumn')}</Table.Th>
              <Table.Th>{t('details.note')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {a.scores.map((s) => (
              <Table.Tr key={s.criterionId}>
                <Table.Td>{s.criterionName}</Table.Td>
                <Table.Td ta="right">{s.weight}</Table.Td>
                <Table.Td ta="right">{s.score ?? '—'}</Table.Td>
                <Table.Td>{s.note ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Title order={3} size="h5">
        {t('findings.title')}
      </Title>
      <FindingList findings={a.findings} />
    </Stack>
  );
}

export function AssessmentModal({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation('risk');
  const q = useQuery({ ...assessmentQuery(id ?? ''), enabled: !!id });
  return (
    <Modal opened={!!id} onClose={onClose} title={q.data ? t('details.modalTitle', { date: formatDay(q.data.assessedOn) }) : t('details.modalTitleLoading')} size="xl">
      {q.isPending ? <LoadingState label={t('details.loading')} /> : q.isError ? <ErrorState error={q.error} /> : <AssessmentDetails a={q.data} />}
    </Modal>
  );
}
