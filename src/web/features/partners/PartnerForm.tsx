import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useBlocker, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import type { Partner } from '../../../shared/schemas/partner.js';
import { ApiError } from '../../api.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { useMe } from '../../components/session.js';
import { FormError, serverFieldErrors, useSchemaForm } from '../../components/useSchemaForm.js';
import { isVersionConflict, WriteErrorAlert } from './ConflictAlert.js';
import { PartnerCompanyFields } from './PartnerCompanyFields.js';
import { emptyValues, partnerFieldLabels, fieldOf, partnerFormSchema, toBody, toPatch, validateNote, valuesOf, type PartnerBody } from './partnerForm.js';
import { PartnerRelationshipFields } from './PartnerRelationshipFields.js';
import { PartnerStrategyFields } from './PartnerStrategyFields.js';
import { partnerPath } from './PartnerTable.js';
import { partnerQuery, useCreatePartner, useUpdatePartner } from './queries.js';
import classes from './PartnerFormPage.module.css';

/** The body the partner had when the form opened, parsed like the form's (as stored if it no longer parses). */
const bodyOf = (p: Partner): PartnerBody => {
  const parsed = partnerFormSchema.safeParse(valuesOf(p));
  return parsed.success ? parsed.data : (toBody(valuesOf(p)) as PartnerBody);
};

/** Adds a partner, or edits one: the parsed body is sent (only what changed, for an edit). */
export function PartnerForm({ partner }: { partner?: Partner }) {
  const { t } = useTranslation(['partners', 'common']);
  const me = useMe();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const create = useCreatePartner();
  const update = useUpdatePartner();
  const initial = partner ? valuesOf(partner) : emptyValues(me.user.role === 'member' ? me.user.id : null);
  const form = useSchemaForm(partnerFormSchema, initial, { labels: partnerFieldLabels(), validate: validateNote, fieldOf });
  const [saveError, setSaveError] = useState<unknown>(null);
  const saved = useRef(false);

  // A newer version arrived (after "load the latest version"): show it.
  const version = partner?.version;
  useEffect(() => {
    if (partner && !form.isDirty()) form.reset(valuesOf(partner));
    // Only when a newer version arrives: a refetch must not wipe typing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version]);

  const blocker = useBlocker(({ currentLocation, nextLocation }) => form.isDirty() && !saved.current && currentLocation.pathname !== nextLocation.pathname);

  const save = async (body: PartnerBody, statusNote: string) => {
    if (partner) {
      const patch = toPatch(bodyOf(partner), body, statusNote, partner.version);
      if (Object.keys(patch).length > 1) {
        const p = await update.mutateAsync({ id: partner.id, ...patch });
        notifications.show({ color: 'teal', message: t('form.saved', { name: p.name }) });
      }
      saved.current = true;
      await navigate(partnerPath(partner.id));
    } else {
      const p = await create.mutateAsync(body);
      notifications.show({ color: 'teal', title: t('form.added', { name: p.name }), message: t('form.addedText') });
      saved.current = true;
      await navigate(partnerPath(p.id));
    }
  };

  // Built when the form is sent, not while rendering: saving marks `saved` (a ref the blocker reads).
  const submit = (event: FormEvent<HTMLFormElement>) =>
    form.submit(async (body, values) => {
      setSaveError(null);
      try {
        await save(body, values.statusNote);
      } catch (e) {
        // Messages about fields go on them (the rest above the form); anything else, a conflict included, in the alert.
        if (!(e instanceof ApiError) || !Object.keys(serverFieldErrors(e, values, fieldOf).fields).length) return setSaveError(e);
        form.applyError(e);
        requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      }
    })(event);

  const reload = async () => {
    if (!partner) return;
    setSaveError(null);
    const fresh = await qc.fetchQuery({ ...partnerQuery(partner.id), staleTime: 0 });
    form.reset(valuesOf(fresh));
  };

  const archived = Boolean(partner?.archivedAt);
  const errorCount = Object.values(form.errors).filter(Boolean).length;

  return (
    <form onSubmit={submit} noValidate aria-label={partner ? t('form.editTitle', { name: partner.name }) : t('form.newLabel')}>
      <Stack gap="lg">
        {archived && (
          <Alert color="yellow" variant="light" icon={<IconAlertCircle aria-hidden />} title={t('form.archivedTitle')}>
            {t('form.archivedText')}
          </Alert>
        )}
        <PartnerCompanyFields form={form} isNew={!partner} />
        <PartnerRelationshipFields form={form} partner={partner} />
        <PartnerStrategyFields form={form} />
        <FormError form={form} />
        <WriteErrorAlert error={saveError} onReload={() => void reload()} />

        <div className={classes.actions}>
          <Group justify="space-between" gap="sm">
            <Text size="sm" c={errorCount ? 'var(--mantine-color-red-light-color)' : 'dimmed'} aria-live="polite">
              {errorCount ? t('form.attention', { count: errorCount }) : form.isDirty() ? t('form.unsaved') : '\u00a0'}
            </Text>
            <Group gap="sm">
              <Button variant="default" component={Link} to={partner ? partnerPath(partner.id) : '/partners'}>
                {t('common:action.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending || update.isPending} disabled={archived || isVersionConflict(saveError)}>
                {partner ? t('form.saveChanges') : t('form.add')}
              </Button>
            </Group>
          </Group>
        </div>
      </Stack>

      <ConfirmDialog
        opened={blocker.state === 'blocked'}
        onClose={() => blocker.reset?.()}
        onConfirm={() => blocker.proceed?.()}
        title={t('form.leaveTitle')}
        confirmLabel={t('form.leave')}
        danger
      >
        {t('form.leaveText')}
      </ConfirmDialog>
    </form>
  );
}
