import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Anchor, Badge, Button, Card, Group, List, Select, SimpleGrid, Stack, Table, Text, ThemeIcon, Title, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconX } from '@tabler/icons-react';
import { RISK_REASONS, type RiskReason } from '../../../shared/compliance.js';
import { CLAUSE_LABELS, type PartnerRisk } from '../../../shared/schemas/risk.js';
import { errorMessage } from '../../api.js';
import { useMe } from '../../components/session.js';
import { ErrorState, LoadingState } from '../../components/states.js';
import { formatDateTime } from '../../lib/format.js';
import type { PartnerTabProps } from '../partners/tabs.js';
import { formatDay } from '../onboarding/format.js';
import { AssessmentForm } from './AssessmentForm.js';
import { AssessmentModal, FindingList } from './AssessmentView.js';
import { RatingBadge, REASON_LABELS } from './labels.js';
import { partnerRiskQuery, useStartAssessment } from './queries.js';
import { ServiceChangeModal } from './ServiceChangeModal.js';

function Current({ risk, onView }: { risk: PartnerRisk; onView: (id: string) => void }) {
  const c = risk.current;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="risk-current">
      <Stack gap="sm">
        <Title order={2} size="h4" id="risk-current">
          Current rating
        </Title>
        <Group gap="md" align="center" wrap="wrap">
          <RatingBadge rating={c?.rating ?? null} size="xl" />
          {c?.scorePercent != null && (
            <Text fw={600} size="lg">
              Score {c.scorePercent} %
            </Text>
          )}
        </Group>
        <dl style={{ margin: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 16px' }}>
          <Text component="dt" size="sm" c="dimmed">
            Next review
          </Text>
          <Text component="dd" size="sm" m={0} c={risk.overdue ? 'red.8' : undefined} fw={risk.overdue ? 600 : undefined}>
            {risk.reviewDueOn ? formatDay(risk.reviewDueOn) : 'Not scheduled'}
            {risk.overdue && (
              <Badge ml="xs" color="red" variant="light" size="sm">
                Overdue
              </Badge>
            )}
          </Text>
          {c && (
            <>
              <Text component="dt" size="sm" c="dimmed">
                Assessed
              </Text>
              <Text component="dd" size="sm" m={0}>
                {formatDay(c.assessedOn)} by {c.assessor?.name ?? '—'} ({REASON_LABELS[c.reason].toLowerCase()})
              </Text>
              <Text component="dt" size="sm" c="dimmed">
                Approved
              </Text>
              <Text component="dd" size="sm" m={0}>
                {formatDateTime(c.approvedAt)} by {c.approver?.name ?? 'a former user'}
              </Text>
            </>
          )}
        </dl>
        {c ? (
          <Group>
            <Button variant="light" size="xs" onClick={() => onView(c.id)}>
              View approved assessment
            </Button>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            Not assessed yet. An assessment rates the partner under the supplier security policy and sets when it is reviewed next.
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function Clauses({ risk }: { risk: PartnerRisk }) {
  const present = new Set(risk.clauses.present);
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="risk-clauses">
      <Stack gap="xs">
        <Title order={2} size="h4" id="risk-clauses">
          Contract clauses
        </Title>
        {!risk.current ? (
          <Text size="sm" c="dimmed">
            Which security clauses the contracts need follows from the rating: approve an assessment first.
          </Text>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              Required for {risk.current.rating} risk, checked against the partner’s active contracts.
            </Text>
            <List spacing={4} size="sm" center>
              {risk.clauses.required.map((clause) => (
                <List.Item
                  key={clause}
                  icon={
                    <ThemeIcon size={20} radius="xl" color={present.has(clause) ? 'teal' : 'red'} variant="light">
                      {present.has(clause) ? <IconCheck size={14} aria-hidden /> : <IconX size={14} aria-hidden />}
                    </ThemeIcon>
                  }
                >
                  {CLAUSE_LABELS[clause]}
                  {present.has(clause) ? (
                    <Text span size="sm" c="dimmed">
                      {' '}
                      — in a contract
                    </Text>
                  ) : (
                    <Text span size="sm" c="red.8" fw={500}>
                      {' '}
                      — missing from contracts
                    </Text>
                  )}
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Stack>
    </Card>
  );
}

function History({ risk, onView }: { risk: PartnerRisk; onView: (id: string) => void }) {
  const decided = risk.history.filter((a) => a.status !== 'draft');
  if (!decided.length) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="risk-history">
      <Title order={2} size="h4" id="risk-history">
        Assessment history
      </Title>
      <Table.ScrollContainer minWidth={560}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Assessed on</Table.Th>
              <Table.Th>Rating</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Approved by</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {decided.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{formatDay(a.assessedOn)}</Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    <RatingBadge rating={a.rating} size="sm" />
                    <Text size="sm">{a.scorePercent} %</Text>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={a.status === 'approved' ? 'teal' : 'gray'}>
                    {a.status === 'approved' ? 'Current' : 'Superseded'}
                  </Badge>
                </Table.Td>
                <Table.Td>{a.approver?.name ?? '—'}</Table.Td>
                <Table.Td>
                  <Anchor component="button" size="sm" onClick={() => onView(a.id)} aria-label={`View the assessment of ${formatDay(a.assessedOn)}`}>
                    View
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** A partner's supplier risk: rating and next review, the draft in progress, clauses, findings, history. */
export function RiskTab({ partner }: PartnerTabProps) {
  const me = useMe();
  const risk = useQuery(partnerRiskQuery(partner.id));
  const canEdit = partner.can.edit;
  const canApprove = me.can.approveRisk;
  const start = useStartAssessment(partner.id);
  const [reason, setReason] = useState<RiskReason | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  const [serviceChange, setServiceChange] = useState(false);

  if (risk.isPending) return <LoadingState label="Loading the risk assessment…" />;
  if (risk.isError) return <ErrorState error={risk.error} onRetry={() => void risk.refetch()} />;
  const r = risk.data;
  // A review due before the current assessment said means a change of service was recorded.
  const defaultReason: RiskReason = !r.current ? 'initial' : r.reviewDueOn && r.current.nextReviewOn && r.reviewDueOn < r.current.nextReviewOn ? 'service_change' : 'scheduled';

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Text size="sm" c="dimmed" style={{ flex: '1 1 20rem' }}>
          Supplier and partner risk under the supplier security policy: how much risk {partner.name} brings, and what its contracts must contain.
        </Text>
        {canEdit && (
          <Button variant="default" leftSection={<IconAlertTriangle size={16} aria-hidden />} onClick={() => setServiceChange(true)}>
            Service changed
          </Button>
        )}
      </Group>
      {r.overdue && (
        <Alert color="red" variant="light" title="Risk review overdue" role="status">
          The review was due {formatDay(r.reviewDueOn)}. Start an assessment to bring it up to date.
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Current risk={r} onView={setViewing} />
        <Clauses risk={r} />
      </SimpleGrid>

      {r.draft ? (
        canEdit ? (
          <AssessmentForm id={r.draft.id} partnerId={partner.id} canApprove={canApprove} />
        ) : (
          <Text size="sm" c="dimmed">
            A draft assessment started {formatDay(r.draft.createdAt.slice(0, 10))} by {r.draft.assessor?.name ?? 'a colleague'} is in progress.
          </Text>
        )
      ) : canEdit ? (
        <Card withBorder radius="md" padding="md" component="section" aria-labelledby="risk-start">
          <Stack gap="xs">
            <Title order={2} size="h4" id="risk-start">
              {r.current ? 'New assessment' : 'First assessment'}
            </Title>
            <Group gap="sm" align="flex-end" wrap="wrap">
              <Select
                label="Reason"
                data={RISK_REASONS.map((x) => ({ value: x, label: REASON_LABELS[x] }))}
                value={reason ?? defaultReason}
                onChange={(v) => setReason(v as RiskReason)}
                allowDeselect={false}
                w={220}
              />
              <Button onClick={() => start.mutate(reason ?? defaultReason)} loading={start.isPending}>
                Start assessment
              </Button>
            </Group>
            {start.isError && (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(start.error)}
              </Alert>
            )}
          </Stack>
        </Card>
      ) : null}

      {r.current && (
        <Stack gap="xs" component="section" aria-labelledby="risk-findings">
          <Title order={2} size="h4" id="risk-findings">
            Findings of the current assessment
          </Title>
          <FindingList findings={r.findings} />
        </Stack>
      )}
      <History risk={r} onView={setViewing} />
      <AssessmentModal id={viewing} onClose={() => setViewing(null)} />
      <ServiceChangeModal partnerId={partner.id} partnerName={partner.name} opened={serviceChange} onClose={() => setServiceChange(false)} />
    </Stack>
  );
}
