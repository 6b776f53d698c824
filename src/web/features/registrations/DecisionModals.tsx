import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { RegistrationStatus } from '../../../shared/deals.js';
import { approveRegistrationBody, extendRegistrationBody, registrationStatusBody, rejectRegistrationBody, type Registration } from '../../../shared/schemas/registration.js';
import { i18n } from '../../i18n.js';
import { FormError, useSchemaForm } from '../../components/useSchemaForm.js';
import { DayPicker } from './DayPicker.js';
import { statusLabel } from './labels.js';
import { conflictsQuery, useApproveRegistration, useExtendRegistration, useRejectRegistration, useSetRegistrationStatus } from './queries.js';

export type Decision = { kind: 'approve' } | { kind: 'reject' } | { kind: 'extend' } | { kind: 'status'; status: RegistrationStatus };

interface Props {
  registration: Registration;
  decision: Decision | null;
  onClose: () => void;
}

type ReasonValues = { kind: Decision['kind'] | null; status: RegistrationStatus | null; version: number; reason: string; on: string | null; until: string | null };
const reasonOrUndefined = (v: ReasonValues) => v.reason.trim() || undefined;

/** The dialog's values become the body of its route, checked by the route's shared schema. */
const decisionSchema = z.custom<ReasonValues>().transform((v, ctx) => {
  const parsed =
    v.kind === 'approve'
      ? approveRegistrationBody.safeParse({ version: v.version, reason: reasonOrUndefined(v) })
      : v.kind === 'reject'
        ? rejectRegistrationBody.safeParse({ version: v.version, reason: v.reason.trim() })
        : v.kind === 'extend'
          ? extendRegistrationBody.safeParse({ version: v.version, until: v.until ?? undefined })
          : registrationStatusBody.safeParse({ version: v.version, status: v.status, on: v.on ?? undefined, reason: reasonOrUndefined(v) });
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue(issue as never);
  return z.NEVER;
});

/**
 * The decisions on a registration, each a small dialog: approve (a reason when another registration
 * was filed first), reject (the reason the partner is told), a status the portal shows, one extension.
 */
export function DecisionModals({ registration: r, decision, onClose }: Props) {
  const { t } = useTranslation(['registrations', 'common']);
  const approve = useApproveRegistration();
  const reject = useRejectRegistration();
  const move = useSetRegistrationStatus();
  const extend = useExtendRegistration();
  const conflicts = useQuery({ ...conflictsQuery(r.id), enabled: decision?.kind === 'approve' });
  const reasonRequired = conflicts.data?.reasonRequired ?? false;
  const kind = decision?.kind ?? null;
  const status = decision?.kind === 'status' ? decision.status : null;
  const valuesFor = (): ReasonValues => ({ kind, status, version: r.version, reason: '', on: null, until: null });
  const form = useSchemaForm(decisionSchema, valuesFor(), {
    labels: { reason: t('decide.reason'), on: t('decide.on'), until: t('decide.until') },
    validate: (v) => ({
      reason: (kind === 'reject' || (kind === 'approve' && reasonRequired) || status === 'rejected') && !v.reason.trim() ? i18n.t('validation:required') : undefined,
    }),
  });

  useEffect(() => {
    if (!decision) return;
    form.reset(valuesFor());
    // eslint-disable-next-line react-hooks/exhaustive-deps -- when a dialog opens
  }, [kind, status, r.version]);

  const done = (message: string) => {
    notifications.show({ color: 'teal', message });
    onClose();
  };
  const submit = form.submit(async (body) => {
    const b = body as Record<string, unknown> & { version: number };
    if (kind === 'approve') {
      await approve.mutateAsync({ id: r.id, ...(b as z.output<typeof approveRegistrationBody>) });
      done(t('decide.approved'));
    } else if (kind === 'reject') {
      await reject.mutateAsync({ id: r.id, ...(b as z.output<typeof rejectRegistrationBody>) });
      done(t('decide.rejected'));
    } else if (kind === 'extend') {
      await extend.mutateAsync({ id: r.id, ...(b as z.output<typeof extendRegistrationBody>) });
      done(t('decide.extended'));
    } else if (status) {
      await move.mutateAsync({ id: r.id, ...(b as z.output<typeof registrationStatusBody>) });
      done(t('page.moved', { status: statusLabel(status) }));
    }
  });
  const pending = approve.isPending || reject.isPending || move.isPending || extend.isPending;
  const reasonInput = form.getInputProps('reason');

  const title =
    kind === 'approve'
      ? t('decide.approveTitle', { customer: r.customer.name })
      : kind === 'reject'
        ? t('decide.rejectTitle', { customer: r.customer.name })
        : kind === 'extend'
          ? t('decide.extendTitle')
          : status
            ? t('decide.statusTitle', { status: statusLabel(status) })
            : '';

  return (
    <Modal opened={decision !== null} onClose={onClose} title={title} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError form={form} />
          {kind === 'approve' && (
            <>
              <Text size="sm">{t('decide.approveText', { partner: r.partner.name })}</Text>
              {reasonRequired && (
                <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} data-testid="approve-not-first">
                  {t('decide.notFirst')}
                </Alert>
              )}
              {reasonRequired && (
                <Textarea
                  label={t('decide.reason')}
                  description={t('decide.reasonHint')}
                  required
                  autosize
                  minRows={2}
                  data-testid="approve-reason"
                  data-autofocus
                  {...reasonInput}
                />
              )}
            </>
          )}
          {kind === 'reject' && (
            <Textarea
              label={t('decide.rejectReason')}
              description={t('decide.rejectHint')}
              required
              autosize
              minRows={2}
              data-testid="reject-reason"
              data-autofocus
              {...reasonInput}
            />
          )}
          {status && (
            <>
              <DayPicker label={t('decide.on')} description={t('decide.onHint')} value={form.values.on} onChange={(d) => form.setFieldValue('on', d)} error={form.errors.on} />
              {status === 'rejected' && <Textarea label={t('decide.rejectReason')} required autosize minRows={2} data-testid="status-reason" {...reasonInput} />}
            </>
          )}
          {kind === 'extend' && (
            <>
              <Text size="sm">{t('decide.extendText')}</Text>
              <DayPicker
                label={t('decide.until')}
                description={t('decide.untilHint')}
                value={form.values.until}
                onChange={(d) => form.setFieldValue('until', d)}
                error={form.errors.until}
              />
            </>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common:action.cancel')}
            </Button>
            <Button
              type="submit"
              color={kind === 'reject' ? 'red' : undefined}
              loading={pending}
              data-testid={kind === 'approve' ? 'approve-confirm' : kind === 'reject' ? 'reject-confirm' : 'decision-confirm'}
            >
              {kind === 'approve' ? t('decide.approve') : kind === 'reject' ? t('decide.reject') : kind === 'extend' ? t('decide.extend') : t('decide.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
