import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Anchor, Badge, Button, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlarm, IconArchive, IconArrowLeft, IconPencil, IconRestore } from '@tabler/icons-react';
import type { ContractClause, ContractStatus, ContractType } from '../../../shared/compliance.js';
import { CONTRACT_STATUS_LABELS, CONTRACT_TYPE_LABELS, type Contract } from '../../../shared/schemas/contract.js';
import { CLAUSE_LABELS } from '../../../shared/schemas/risk.js';
import { AuditHistory } from '../audit/AuditHistory.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ErrorState, LoadingState } from '../../components/states.js';
import { DocumentsPanel } from '../documents/DocumentsPanel.js';
import { partnerQuery } from '../partners/queries.js';
import { ContractFormModal } from './ContractFormModal.js';
import { formatTerm } from './ContractTable.js';
import { CONTRACT_STATUS_COLORS, describeContractNotice, formatDay, formatMoney, formatPeriod, noticeDueText, NOTICE_URGENT_DAYS } from './format.js';
import { contractQuery, useSetContractArchived } from './queries.js';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {children}
      </Text>
    </div>
  );
}

function NoticeBanner({ contract: c }: { contract: Contract }) {
  const due = noticeDueText(c.daysToNotice);
  const urgent = due !== null && c.daysToNotice! <= NOTICE_URGENT_DAYS;
  return (
    <Alert
      variant="light"
      color={urgent ? 'red' : c.noticeState === 'ended' ? 'gray' : 'blue'}
      icon={<IconAlarm aria-hidden />}
      title={c.noticeDeadline ? `Notice deadline: ${formatDay(c.noticeDeadline)}${due ? ` — ${due.replace(/^notice due /, '')}` : ' (passed)'}` : 'No notice deadline'}
    >
      {describeContractNotice({ state: c.noticeState, currentTermEnd: c.currentTermEnd, noticeDeadline: c.noticeDeadline, daysToNotice: c.daysToNotice })}
      {c.noticeDeadline ? '. The deadline is the last day notice can be given.' : c.noticeState === 'open_ended' ? '.' : '. Add a notice period to get alerts before the deadline.'}
    </Alert>
  );
}

const HISTORY_LABELS: Record<string, string> = {
  title: 'Title',
  type: 'Type',
  status: 'Status',
  parties: 'Parties',
  signedOn: 'Signed on',
  startsOn: 'Starts on',
  endsOn: 'Ends on',
  autoRenew: 'Renews automatically',
  renewalTermMonths: 'Renewal term (months)',
  noticePeriodCount: 'Notice period',
  noticePeriodUnit: 'Notice period unit',
  valueMinor: 'Value',
  currency: 'Currency',
  clauses: 'Security clauses',
  notes: 'Notes',
  archivedAt: 'Archived',
};

/** Amounts in the contract's current currency: the trail keeps minor units only. */
const historyValue =
  (currency: string | null) =>
  (field: string, value: unknown): React.ReactNode | undefined => {
    if (value === null || value === undefined) return undefined;
    if (field === 'valueMinor' && typeof value === 'number' && currency) return formatMoney(value, currency);
    if (field === 'type') return CONTRACT_TYPE_LABELS[value as ContractType] ?? undefined;
    if (field === 'status') return CONTRACT_STATUS_LABELS[value as ContractStatus] ?? undefined;
    if (['signedOn', 'startsOn', 'endsOn'].includes(field) && typeof value === 'string') return formatDay(value);
    if (field === 'clauses' && Array.isArray(value)) return value.map((c) => CLAUSE_LABELS[c as ContractClause] ?? c).join(', ') || '—';
    if (field === 'parties' && Array.isArray(value)) return value.join(' · ') || '—';
    return undefined;
  };

function ContractView({ contract: c }: { contract: Contract }) {
  const partner = useQuery(partnerQuery(c.partner.id));
  // What the partner's `can` says (contracts change with their partner); nothing until it has loaded.
  const canEdit = partner.data?.can.edit ?? false;
  const [editing, setEditing] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const archive = useSetContractArchived();
  const toggleArchived = () =>
    archive.mutate(
      { id: c.id, version: c.version, archived: !c.archivedAt },
      {
        onSuccess: (after) => {
          setConfirm(false);
          notifications.show({ color: 'teal', message: after.archivedAt ? 'The contract is archived.' : 'The contract is restored.' });
        },
      },
    );

  return (
    <Stack gap="xl">
      <Anchor component={Link} to={`/partners/${c.partner.id}/contracts`} size="sm">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: '-2px' }} /> Contracts of {c.partner.name}
      </Anchor>
      <PageHeader
        title={c.title}
        description={
          <>
            {CONTRACT_TYPE_LABELS[c.type]} with{' '}
            <Anchor component={Link} to={`/partners/${c.partner.id}`} inherit>
              {c.partner.name}
            </Anchor>
          </>
        }
        actions={
          canEdit && (
            <>
              {!c.archivedAt && (
                <Button leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
                  Edit
                </Button>
              )}
              <Button
                variant="default"
                leftSection={c.archivedAt ? <IconRestore size={16} aria-hidden /> : <IconArchive size={16} aria-hidden />}
                onClick={() => (c.archivedAt ? toggleArchived() : setConfirm(true))}
                loading={archive.isPending && !confirm}
              >
                {c.archivedAt ? 'Restore' : 'Archive'}
              </Button>
            </>
          )
        }
      />
      {c.archivedAt && (
        <Alert color="gray" variant="light" title="Archived">
          This contract is archived: it gets no alerts and is left out of lists. Restore it to change it.
        </Alert>
      )}
      <NoticeBanner contract={c} />
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="contract-terms">
        <Title order={2} size="h4" id="contract-terms" mb="sm">
          Terms
        </Title>
        <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 3 }} spacing="md" m={0}>
          <Field label="Status">
            <Badge color={CONTRACT_STATUS_COLORS[c.status]} variant="light" tt="none">
              {CONTRACT_STATUS_LABELS[c.status]}
            </Badge>
          </Field>
          <Field label="Parties">{c.parties.length ? c.parties.join(' · ') : '—'}</Field>
          <Field label="Owner">{c.owner?.name ?? 'Nobody: alerts go to the partner’s owner'}</Field>
          <Field label="Signed on">{formatDay(c.signedOn)}</Field>
          <Field label="Term">{formatTerm({ startsOn: c.startsOn, endsOn: c.endsOn, currentTermEnd: c.endsOn })}</Field>
          <Field label="Renewal">{c.autoRenew ? `Automatic, every ${formatPeriod(c.renewalTermMonths, 'months')}` : 'Does not renew automatically'}</Field>
          <Field label="Current term ends">{formatDay(c.currentTermEnd)}</Field>
          <Field label="Notice period">{formatPeriod(c.noticePeriodCount, c.noticePeriodUnit)}</Field>
          <Field label="Value">{formatMoney(c.valueMinor, c.currency)}</Field>
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="contract-clauses">
        <Title order={2} size="h4" id="contract-clauses" mb="sm">
          Security clauses
        </Title>
        {c.clauses.length ? (
          <List size="sm" spacing={4}>
            {c.clauses.map((k) => (
              <List.Item key={k}>{CLAUSE_LABELS[k]}</List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm" c="dimmed">
            None recorded. The partner’s risk assessment checks the clauses of its active contracts.
          </Text>
        )}
        {c.notes && (
          <>
            <Title order={3} size="h5" mt="md" mb={4}>
              Notes
            </Title>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {c.notes}
            </Text>
          </>
        )}
      </Paper>
      <DocumentsPanel subjectType="contract" subjectId={c.id} title="Contract documents" />
      <section aria-labelledby="contract-history">
        <Title order={2} size="h4" id="contract-history" mb="sm">
          History
        </Title>
        <AuditHistory
          entityType="contract"
          entityId={c.id}
          fieldLabels={HISTORY_LABELS}
          formatValue={historyValue(c.currency)}
          hiddenFields={['partnerId', 'ownerId', 'version']}
        />
      </section>
      <ContractFormModal target={editing ? { contract: c } : null} onClose={() => setEditing(false)} />
      <ConfirmDialog
        opened={confirm}
        onClose={() => setConfirm(false)}
        onConfirm={toggleArchived}
        title={`Archive ${c.title}?`}
        confirmLabel="Archive"
        loading={archive.isPending}
        error={archive.error}
      >
        It stops its alerts and leaves the lists; its documents stay. You can restore it later.
      </ConfirmDialog>
    </Stack>
  );
}

/** One contract: its terms, the notice deadline, security clauses and documents. */
export function ContractPage() {
  const { id = '' } = useParams();
  const contract = useQuery(contractQuery(id));
  if (contract.isPending) return <LoadingState label="Loading the contract…" />;
  if (contract.isError) return <ErrorState error={contract.error} onRetry={() => void contract.refetch()} />;
  return <ContractView contract={contract.data} />;
}
