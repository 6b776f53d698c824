import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Anchor, Badge, Button, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { IconAlarm, IconArchive, IconArrowLeft, IconPencil, IconRestore } from '@tabler/icons-react';
import type { ContractClause, ContractStatus, ContractType } from '../../../shared/compliance.js';
import type { Contract } from '../../../shared/schemas/contract.js';
import { i18n } from '../../i18n.js';
import { AuditHistory } from '../audit/AuditHistory.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ErrorState, LoadingState } from '../../components/states.js';
import { DocumentsPanel } from '../documents/DocumentsPanel.js';
import { partnerQuery } from '../partners/queries.js';
import { ContractFormModal } from './ContractFormModal.js';
import { formatTerm } from './ContractTable.js';
import {
  clauseLabel,
  contractStatusLabel,
  contractTypeLabel,
  CONTRACT_STATUS_COLORS,
  describeContractNotice,
  formatDay,
  formatPeriod,
  noticeDue,
  NOTICE_URGENT_DAYS,
} from './format.js';
import { formatMinor } from '../../lib/format.js';
import { contractQuery, useSetContractArchived } from './queries.js';
import { Field } from '../../components/Field.js';

function NoticeBanner({ contract: c }: { contract: Contract }) {
  const { t } = useTranslation('contracts');
  const due = noticeDue(c.daysToNotice);
  const urgent = due !== null && c.daysToNotice! <= NOTICE_URGENT_DAYS;
  return (
    <Alert
      variant="light"
      color={urgent ? 'red' : c.noticeState === 'ended' ? 'gray' : 'blue'}
      icon={<IconAlarm aria-hidden />}
      title={
        c.noticeDeadline
          ? due
            ? t('page.banner', { date: formatDay(c.noticeDeadline), due })
            : t('page.bannerPassed', { date: formatDay(c.noticeDeadline) })
          : t('page.noDeadline')
      }
    >
      {t(c.noticeDeadline ? 'page.deadlineNote' : c.noticeState === 'open_ended' ? 'page.openEndedNote' : 'page.addPeriodNote', {
        notice: describeContractNotice({ state: c.noticeState, currentTermEnd: c.currentTermEnd, noticeDeadline: c.noticeDeadline, daysToNotice: c.daysToNotice }),
      })}
    </Alert>
  );
}

const HISTORY_FIELDS = {
  title: 'title',
  type: 'type',
  status: 'status',
  parties: 'parties',
  signedOn: 'signedOn',
  startsOn: 'startsOn',
  endsOn: 'endsOn',
  autoRenew: 'autoRenew',
  renewalTermMonths: 'renewalTermMonths',
  noticePeriodCount: 'noticePeriod',
  noticePeriodUnit: 'noticePeriodUnit',
  valueMinor: 'value',
  currency: 'currency',
  clauses: 'clauses',
  notes: 'notes',
  archivedAt: 'archived',
} as const;
/** The trail's field names in the current language, in the order they are shown. */
const historyLabels = (): Record<string, string> => Object.fromEntries(Object.entries(HISTORY_FIELDS).map(([field, key]) => [field, i18n.t(`contracts:field.${key}`)]));

/** Amounts in the contract's current currency: the trail keeps minor units only. */
const historyValue =
  (currency: string | null) =>
  (field: string, value: unknown): React.ReactNode | undefined => {
    if (value === null || value === undefined) return undefined;
    if (field === 'valueMinor' && typeof value === 'number' && currency) return formatMinor(value, currency);
    if (field === 'type') return typeof value === 'string' ? contractTypeLabel(value as ContractType) : undefined;
    if (field === 'status') return typeof value === 'string' ? contractStatusLabel(value as ContractStatus) : undefined;
    if (['signedOn', 'startsOn', 'endsOn'].includes(field) && typeof value === 'string') return formatDay(value);
    if (field === 'clauses' && Array.isArray(value)) return value.map((c) => clauseLabel(c as ContractClause)).join(', ') || '—';
    if (field === 'parties' && Array.isArray(value)) return value.join(' · ') || '—';
    return undefined;
  };

function ContractView({ contract: c }: { contract: Contract }) {
  const { t } = useTranslation('contracts');
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
          notifications.show({ color: 'teal', message: after.archivedAt ? t('page.archivedDone') : t('page.restoredDone') });
        },
      },
    );

  return (
    <Stack gap="xl">
      <Anchor component={Link} to={`/partners/${c.partner.id}/contracts`} size="sm">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: '-2px' }} /> {t('page.back', { name: c.partner.name })}
      </Anchor>
      <PageHeader
        title={c.title}
        description={
          <>
            {t('page.withPartner', { type: t(`type.${c.type}`) })}{' '}
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
                  {t('page.edit')}
                </Button>
              )}
              <Button
                variant="default"
                leftSection={c.archivedAt ? <IconRestore size={16} aria-hidden /> : <IconArchive size={16} aria-hidden />}
                onClick={() => (c.archivedAt ? toggleArchived() : setConfirm(true))}
                loading={archive.isPending && !confirm}
              >
                {c.archivedAt ? t('page.restore') : t('page.archive')}
              </Button>
            </>
          )
        }
      />
      {c.archivedAt && (
        <Alert color="gray" variant="light" title={t('page.archivedTitle')}>
          {t('page.archivedText')}
        </Alert>
      )}
      <NoticeBanner contract={c} />
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="contract-terms">
        <Title order={2} size="h4" id="contract-terms" mb="sm">
          {t('page.terms')}
        </Title>
        <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 3 }} spacing="md" m={0}>
          <Field label={t('page.status')}>
            <Badge color={CONTRACT_STATUS_COLORS[c.status]} variant="light" tt="none">
              {t(`status.${c.status}`)}
            </Badge>
          </Field>
          <Field label={t('page.parties')}>{c.parties.length ? c.parties.join(' · ') : '—'}</Field>
          <Field label={t('page.owner')}>{c.owner?.name ?? t('page.noOwner')}</Field>
          <Field label={t('page.signedOn')}>{formatDay(c.signedOn)}</Field>
          <Field label={t('page.term')}>{formatTerm({ startsOn: c.startsOn, endsOn: c.endsOn, currentTermEnd: c.endsOn })}</Field>
          <Field label={t('page.renewal')}>{c.autoRenew ? t('page.renewsEvery', { period: formatPeriod(c.renewalTermMonths, 'months') }) : t('page.noRenewal')}</Field>
          <Field label={t('page.currentTermEnds')}>{formatDay(c.currentTermEnd)}</Field>
          <Field label={t('page.noticePeriod')}>{formatPeriod(c.noticePeriodCount, c.noticePeriodUnit)}</Field>
          <Field label={t('page.value')}>{formatMinor(c.valueMinor, c.currency)}</Field>
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="contract-clauses">
        <Title order={2} size="h4" id="contract-clauses" mb="sm">
          {t('page.clauses')}
        </Title>
        {c.clauses.length ? (
          <List size="sm" spacing={4}>
            {c.clauses.map((k) => (
              <List.Item key={k}>{t(`clause.${k}`)}</List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm" c="dimmed">
            {t('page.noClauses')}
          </Text>
        )}
        {c.notes && (
          <>
            <Title order={3} size="h5" mt="md" mb={4}>
              {t('page.notes')}
            </Title>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {c.notes}
            </Text>
          </>
        )}
      </Paper>
      <DocumentsPanel subjectType="contract" subjectId={c.id} title={t('page.documents')} />
      <section aria-labelledby="contract-history">
        <Title order={2} size="h4" id="contract-history" mb="sm">
          {t('page.history')}
        </Title>
        <AuditHistory
          entityType="contract"
          entityId={c.id}
          fieldLabels={historyLabels()}
          formatValue={historyValue(c.currency)}
          hiddenFields={['partnerId', 'ownerId', 'version']}
        />
      </section>
      <ContractFormModal target={editing ? { contract: c } : null} onClose={() => setEditing(false)} />
      <ConfirmDialog
        opened={confirm}
        onClose={() => setConfirm(false)}
        onConfirm={toggleArchived}
        title={t('page.archiveTitle', { title: c.title })}
        confirmLabel={t('page.archive')}
        loading={archive.isPending}
        error={archive.error}
      >
        {t('page.archiveText')}
      </ConfirmDialog>
    </Stack>
  );
}

/** One contract: its terms, the notice deadline, security clauses and documents. */
export function ContractPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('contracts');
  const contract = useQuery(contractQuery(id));
  if (contract.isPending) return <LoadingState label={t('page.loading')} />;
  if (contract.isError) return <ErrorState error={contract.error} onRetry={() => void contract.refetch()} />;
  return <ContractView contract={contract.data} />;
}
