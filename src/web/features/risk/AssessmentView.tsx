import { useQuery } from '@tanstack/react-query';
import { Badge, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import type { RiskAssessment, RiskFinding } from '../../../shared/schemas/risk.js';
import { ErrorState, LoadingState } from '../../components/states.js';
import { formatDateTime } from '../../lib/format.js';
import { formatDay } from '../onboarding/format.js';
import { RatingBadge, REASON_LABELS, SEVERITY_COLORS, SEVERITY_LABELS } from './labels.js';
import { assessmentQuery } from './queries.js';

const TASK_STATUS: Record<string, string> = { open: 'Open', in_progress: 'In progress', done: 'Done', cancelled: 'Cancelled' };

export function FindingList({ findings, onRemove }: { findings: RiskFinding[]; onRemove?: (f: RiskFinding) => React.ReactNode }) {
  if (!findings.length)
    return (
      <Text size="sm" c="dimmed">
        No findings.
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
                Mitigation: {f.mitigation}
              </Text>
            )}
            {f.task && (
              <Text size="xs" c="dimmed">
                Task “{f.task.title}” · {TASK_STATUS[f.task.status] ?? f.task.status} · {f.task.assignee?.name ?? 'Unassigned'}
                {f.task.dueDate ? ` · due ${formatDay(f.task.dueDate)}` : ''}
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
  return (
    <Stack gap="md">
      <Group gap="sm">
        <RatingBadge rating={a.rating} size="lg" />
        {a.scorePercent !== null && <Text fw={600}>Score {a.scorePercent} %</Text>}
        <Badge variant="light" color={a.status === 'approved' ? 'teal' : 'gray'}>
          {a.status === 'approved' ? 'Current' : a.status === 'superseded' ? 'Superseded' : 'Draft'}
        </Badge>
      </Group>
      <Text size="sm">
        {REASON_LABELS[a.reason]} · assessed by {a.assessor?.name ?? '—'} on {formatDay(a.assessedOn)}
        {a.approvedAt ? ` · approved by ${a.approver?.name ?? 'a former user'} on ${formatDateTime(a.approvedAt)}` : ''}
        {a.nextReviewOn ? ` · next review ${formatDay(a.nextReviewOn)}` : ''}
        {a.supersededAt ? ` · superseded ${formatDateTime(a.supersededAt)}` : ''}
      </Text>
      {a.scope && (
        <Text size="sm">
          <strong>Scope:</strong> {a.scope}
        </Text>
      )}
      {a.summary && (
        <Text size="sm">
          <strong>Summary:</strong> {a.summary}
        </Text>
      )}
      <Table.ScrollContainer minWidth={480}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Criterion</Table.Th>
              <Table.Th ta="right">Weight</Table.Th>
              <Table.Th ta="right">Score (0–3)</Table.Th>
              <Table.Th>Note</Table.Th>
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
        Findings
      </Title>
      <FindingList findings={a.findings} />
    </Stack>
  );
}

export function AssessmentModal({ id, onClose }: { id: string | null; onClose: () => void }) {
  const q = useQuery({ ...assessmentQuery(id ?? ''), enabled: !!id });
  return (
    <Modal opened={!!id} onClose={onClose} title={q.data ? `Risk assessment of ${formatDay(q.data.assessedOn)}` : 'Risk assessment'} size="xl">
      {q.isPending ? <LoadingState label="Loading the assessment…" /> : q.isError ? <ErrorState error={q.error} /> : <AssessmentDetails a={q.data} />}
    </Modal>
  );
}
