import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArrowLeft, IconCheck, IconClockPlus, IconExternalLink, IconPencil, IconShieldCheck, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Registration } from '../../../shared/schemas/registration.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ErrorState, LoadingState } from '../../components/states.js';
import { formatDateTime, formatDay, formatMinor } from '../../lib/format.js';
import { AuditHistory } from '../audit/AuditHistory.js';
import { ConflictPanel } from './ConflictPanel.js';
import { DecisionModals, type Decision } from './DecisionModals.js';
import { STATUS_COLORS, statusLabel } from './labels.js';
import { registrationQuery, useArchiveRegistration } from './queries.js';
import { RegistrationFormModal } from './RegistrationFormModal.js';
import { Field } from '../../components/Field.js';

/** Where the protection stands: not yet, until a day (extended once or not), lapsed. */
function ProtectionBanner({ registration: r }: { registration: Registration }) {
  const { t } = useTranslation('registrations');
  if (r.status === 'rejected')
    return (
      <Alert color="red" variant="light" icon={<IconX aria-hidden />} data-testid="registration-rejection">
        {t('page.rejectedBecause', { reason: r.rejectionReason ?? '' })}
      </Alert>
    );
  const text = !r.protectedUntil
    ? t('page.notProtected')
    : r.status === 'expired'
      ? t('page.expired', { day: formatDay(r.protectedUntil) })
      : t('page.protectedUntil', { day: formatDay(r.protectedUntil) });
  return (
    <Alert color={r.status === 'approved' ? 'teal' : 'gray'} variant="light" icon={<IconShieldCheck aria-hidden />} title={t('page.protection')}>
      <Stack gap={2}>
        <Text size="sm">{text}</Text>
        {r.extendedOn && <Text size="sm">{t('page.extendedOn', { day: formatDay(r.extendedOn) })}</Text>}
        {r.decisionReason && <Text size="sm">{t('page.decidedBecause', { reason: r.decisionReason })}</Text>}
      </Stack>
    </Alert>
  );
}

/** The actions `can` allows: approve and reject (inbound, the Partner Manager), the portal's statuses, one extension, edit, archive. */
function Actions({ registration: r, onDecide, onEdit, onArchive }: { registration: Registration; onDecide: (d: Decision) => void; onEdit: () => void; onArchive: () => void }) {
  const { t } = useTranslation('registrations');
  return (
    <Group gap="xs">
      {r.can.approve && (
        <Button leftSection={<IconCheck size={16} aria-hidden />} color="teal.9" onClick={() => onDecide({ kind: 'approve' })} data-testid="registration-approve">
          {t('page.approve')}
        </Button>
      )}
      {r.can.reject && (
        <Button leftSection={<IconX size={16} aria-hidden />} color="red" variant="light" onClick={() => onDecide({ kind: 'reject' })} data-testid="registration-reject">
          {t('page.reject')}
        </Button>
      )}
      {r.can.moveTo.map((status) => (
        <Button key={status} variant="light" onClick={() => onDecide({ kind: 'status', status })} data-testid={`registration-move-${status}`}>
          {t(`page.moveTo.${status as 'submitted'}`)}
        </Button>
      ))}
      {r.can.extend && (
        <Button variant="default" leftSection={<IconClockPlus size={16} aria-hidden />} onClick={() => onDecide({ kind: 'extend' })}>
          {t('page.extend')}
        </Button>
      )}
      {r.can.edit && (
        <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={onEdit}>
          {t('page.edit')}
        </Button>
      )}
      {r.can.archive && (
        <Button variant="default" color="red" leftSection={<IconArchive size={16} aria-hidden />} onClick={onArchive}>
          {t('page.archive')}
        </Button>
      )}
    </Group>
  );
}

/** One deal registration: its facts, protection, the actions the reader may take and, inbound, the conflicts side by side. */
export function RegistrationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('registrations');
  const query = useQuery(registrationQuery(id));
  const [decision, setDecision] = useState<Decision | null>(null);
  const [editing, setEditing] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const archive = useArchiveRegistration();

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const r = query.data;
  const none = t('page.none');

  return (
    <>
      <Anchor component={Link} to="/registrations" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t('page.back')}
        </Group>
      </Anchor>
      <PageHeader
        title={t('page.title', { customer: r.customer.name })}
        description={t('page.subtitle', { direction: t(`direction.${r.direction}`), partner: r.partner.name })}
        actions={<Actions registration={r} onDecide={setDecision} onEdit={() => setEditing(true)} onArchive={() => setArchiving(true)} />}
      />
      <Stack gap="md">
        <Group gap="xs">
          <Badge variant="light" color={STATUS_COLORS[r.status]} size="lg" data-testid="registration-status">
            {statusLabel(r.status)}
          </Badge>
          {r.archivedAt && <Badge color="gray">{t('page.archive')}</Badge>}
        </Group>
        <ProtectionBanner registration={r} />
        {r.direction === 'inbound' && <ConflictPanel registration={r} />}
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="registration-details">
          <Title order={2} size="h4" id="registration-details" mb="sm">
            {t('page.details')}
          </Title>
          <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: 3 }} spacing="md" m={0}>
            <Field label={t('field.partner')}>
              <Anchor component={Link} to={`/partners/${r.partner.id}`}>
                {r.partner.name}
              </Anchor>
            </Field>
            <Field label={t('field.customer')}>{[r.customer.name, r.customer.domain, r.customer.country].filter(Boolean).join(' · ')}</Field>
            <Field label={t('field.products')}>{r.products.map((p) => p.name).join(', ') || none}</Field>
            <Field label={t('field.estimatedValue')}>{r.estimatedValueMinor !== null ? formatMinor(r.estimatedValueMinor, r.currency) : none}</Field>
            <Field label={t('field.expectedCloseOn')}>{r.expectedCloseOn ? formatDay(r.expectedCloseOn) : none}</Field>
            <Field label={t('field.filedAt')}>{formatDateTime(r.filedAt)}</Field>
            <Field label={t('field.submittedOn')}>{r.submittedOn ? formatDay(r.submittedOn) : none}</Field>
            <Field label={t('field.approvedOn')}>{r.approvedOn ? formatDay(r.approvedOn) : none}</Field>
            <Field label={t('field.opportunity')}>
              {r.opportunity ? (
                <Anchor component={Link} to={`/deals/${r.opportunity.id}`}>
                  {r.opportunity.title}
                </Anchor>
              ) : (
                none
              )}
            </Field>
            {r.direction === 'outbound' ? (
              <>
                <Field label={t('field.program')}>{r.program?.name ?? none}</Field>
                <Field label={t('field.portalReference')}>{r.portalReference ?? none}</Field>
                <Field label={t('field.portalUrl')}>
                  {r.portalUrl ? (
                    <Anchor href={r.portalUrl} target="_blank" rel="noreferrer">
                      {t('page.openPortal')} <IconExternalLink size={12} aria-hidden />
                    </Anchor>
                  ) : (
                    none
                  )}
                </Field>
                <Field label={t('field.benefit')}>{r.benefit ?? none}</Field>
              </>
            ) : (
              <Field label={t('field.contact')}>{r.contact?.name ?? none}</Field>
            )}
            <Field label={t('field.owner')}>{r.owner?.name ?? none}</Field>
          </SimpleGrid>
          {r.notes && (
            <Text size="sm" mt="md" style={{ whiteSpace: 'pre-wrap' }}>
              {r.notes}
            </Text>
          )}
        </Paper>
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="registration-history">
          <Title order={2} size="h4" id="registration-history" mb="sm">
            {t('page.history')}
          </Title>
          <AuditHistory entityType="deal_registration" entityId={r.id} />
        </Paper>
      </Stack>
      <DecisionModals registration={r} decision={decision} onClose={() => setDecision(null)} />
      <RegistrationFormModal opened={editing} registration={r} onClose={() => setEditing(false)} />
      <ConfirmDialog
        opened={archiving}
        onClose={() => setArchiving(false)}
        title={t('page.archive')}
        confirmLabel={t('page.archive')}
        danger
        loading={archive.isPending}
        error={archive.error}
        onConfirm={() =>
          archive.mutate(
            { id: r.id, version: r.version },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: t('page.archived') });
                setArchiving(false);
              },
            },
          )
        }
      >
        {t('page.archiveConfirm', { customer: r.customer.name })}
      </ConfirmDialog>
    </>
  );
}
