import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Anchor, Badge, Button, Card, Group, List, Select, SimpleGrid, Stack, Table, Text, ThemeIcon, Title, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { RISK_REASONS, type RiskReason } from '../../../shared/compliance.js';
import type { PartnerRisk } from '../../../shared/schemas/risk.js';
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
  const { t } = useTranslation('risk');
  const c = risk.current;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="risk-current">
      <Stack gap="sm">
        <Title order={2} size="h4" id="risk-current">
          {t('tab.current.title')}
        </Title>
        <Group gap="md" align="center" wrap="wrap">
          <RatingBadge rating={c?.rating ?? null} size="xl" />
          {c?.scorePercent != null && (
            <Text fw={600} size="lg">
              {t('tab.current.score', { percent: c.scorePercent })}
            </Text>
          )}
        </Group>
        <dl style={{ margin: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 16px' }}>
          <Text component="dt" size="sm" c="dimmed">
            {t('tab.current.nextReview')}
          </Text>
          <Text component="dd" size="sm" m={0} c={risk.overdue ? 'red.8' : undefined} fw={risk.overdue ? 600 : undefined}>
            {risk.reviewDueOn ? formatDay(risk.reviewDueOn) : t('tab.current.notScheduled')}
            {risk.overdue && (
              <Badge ml="xs" color="red" variant="light" size="sm">
                {t('tab.current.overdue')}
              </Badge>
            )}
          </Text>
          {c && (
            <>
              <Text component="dt" size="sm" c="dimmed">
                {t('tab.current.assessed')}
              </Text>
              <Text component="dd" size="sm" m={0}>
                {t('tab.current.assessedBy', { date: formatDay(c.assessedOn), assessor: c.assessor?.name ?? '—', reason: t(`reasonInSentence.${c.reason}`) })}
              </Text>
              <Text component="dt" size="sm" c="dimmed">
                {t('tab.current.approved')}
              </Text>
              <Text component="dd" size="sm" m={0}>
                {t('tab.current.approvedBy', { date: formatDateTime(c.approvedAt), approver: c.approver?.name ?? t('details.formerUser') })}
              </Text>
            </>
          )}
        </dl>
        {c ? (
          <Group>
            <Button variant="light" size="xs" onClick={() => onView(c.id)}>
              {t('tab.current.view')}
            </Button>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('tab.current.notYet')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function Clauses({ risk }: { risk: PartnerRisk }) {
  const { t } = useTranslation(['risk', 'contracts']);
  const present = new Set(risk.clauses.present);
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="risk-clauses">
      <Stack gap="xs">
        <Title order={2} size="h4" id="risk-clauses">
          {t('tab.clauses.title')}
        </Title>
        {!risk.current ? (
          <Text size="sm" c="dimmed">
            {t('tab.clauses.needRating')}
          </Text>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {risk.current.rating && t(`tab.clauses.required.${risk.current.rating}`)}
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
                  {t(`contracts:clause.${clause}`)}
                  {present.has(clause) ? (
                    <Text span size="sm" c="dimmed">
                      {t('tab.clauses.present')}
                    </Text>
                  ) : (
                    <Text span size="sm" c="red.8" fw={500}>
                      {t('tab.clauses.missing')}
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
  const { t } = useTranslation('risk');
  const decided = risk.history.filter((a) => a.status !== 'draft');
  if (!decided.length) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="risk-history">
      <Title order={2} size="h4" id="risk-history">
        {t('tab.history.title')}
      </Title>
      <Table.ScrollContainer minWidth={560}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('tab.history.assessedOn')}</Table.Th>
              <Table.Th>{t('tab.history.rating')}</Table.Th>
              <Table.Th>{t('tab.history.status')}</Table.Th>
              <Table.Th>{t('tab.history.approvedBy')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('tab.history.actions')}</VisuallyHidden>
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
                    <Text size="sm">{t('tab.history.score', { percent: a.scorePercent })}</Text>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={a.status === 'approved' ? 'teal' : 'gray'}>
                    {a.status === 'approved' ? t('details.current') : t('details.superseded')}
                  </Badge>
                </Table.Td>
                <Table.Td>{a.approver?.name ?? '—'}</Table.Td>
                <Table.Td>
                  <Anchor component="button" size="sm" onClick={() => onView(a.id)} aria-label={t('tab.history.viewLabel', { date: formatDay(a.assessedOn) })}>
                    {t('tab.history.view')}
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
  const { t } = useTranslation('risk');
  const me = useMe();
  const risk = useQuery(partnerRiskQuery(partner.id));
  const canEdit = partner.can.edit;
  const canApprove = me.can.approveRisk;
  const start = useStartAssessment(partner.id);
  const [reason, setReason] = useState<RiskReason | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  const [serviceChange, setServiceChange] = useState(false);

  if (risk.isPending) return <LoadingState label={t('tab.loading')} />;
  if (risk.isError) return <ErrorState error={risk.error} onRetry={() => void risk.refetch()} />;
  const r = risk.data;
  // A review due before the current assessment said means a change of service was recorded.
  const defaultReason: RiskReason = !r.current ? 'initial' : r.reviewDueOn && r.current.nextReviewOn && r.reviewDueOn < r.current.nextReviewOn ? 'service_change' : 'scheduled';

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Text size="sm" c="dimmed" style={{ flex: '1 1 20rem' }}>
          {t('tab.intro', { name: partner.name })}
        </Text>
        {canEdit && (
          <Button variant="default" leftSection={<IconAlertTriangle size={16} aria-hidden />} onClick={() => setServiceChange(true)}>
            {t('tab.serviceChanged')}
          </Button>
        )}
      </Group>
      {r.overdue && (
        <Alert color="red" variant="light" title={t('tab.overdueTitle')} role="status">
          {t('tab.overdueText', { date: formatDay(r.reviewDueOn) })}
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
            {t('tab.draftByOther', { date: formatDay(r.draft.createdAt.slice(0, 10)), assessor: r.draft.assessor?.name ?? t('tab.aColleague') })}
          </Text>
        )
      ) : canEdit ? (
        <Card withBorder radius="md" padding="md" component="section" aria-labelledby="risk-start">
          <Stack gap="xs">
            <Title order={2} size="h4" id="risk-start">
              {r.current ? t('tab.newAssessment') : t('tab.firstAssessment')}
            </Title>
            <Group gap="sm" align="flex-end" wrap="wrap">
              <Select
                label={t('tab.reason')}
                data={RISK_REASONS.map((x) => ({ value: x, label: REASON_LABELS[x] }))}
                value={reason ?? defaultReason}
                onChange={(v) => setReason(v as RiskReason)}
                allowDeselect={false}
                w={220}
              />
              <Button onClick={() => start.mutate(reason ?? defaultReason)} loading={start.isPending}>
                {t('tab.start')}
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
            {t('tab.currentFindings')}
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
