import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Divider, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { z } from 'zod';
import { deriveExpiry } from '../../../shared/certifications.js';
import { CERT_TEXT_MAX, createUserCertificationBody, CREDENTIAL_ID_MAX, type CreateUserCertificationBody, type UserCertification } from '../../../shared/schemas/certification.js';
import { ApiError } from '../../api.js';
import { fieldMessage, i18n } from '../../i18n.js';
import { useMe } from '../../components/session.js';
import { FormError, useSchemaForm } from '../../components/useSchemaForm.js';
import { DocumentsPanel } from '../documents/DocumentsPanel.js';
import { ColleagueSelect } from '../partners/pickers.js';
import { certificationOptions, formatDay, todayInZurich } from './labels.js';
import { catalogueQuery, useSaveHolding } from './queries.js';

interface Values extends Record<string, unknown> {
  userId: string | null;
  certificationId: string | null;
  status: 'obtained' | 'planned';
  obtainedOn: string;
  expiresOn: string;
  targetOn: string;
  credentialId: string;
  credentialUrl: string;
  notes: string;
}

const FIELDS = ['userId', 'certificationId', 'status', 'obtainedOn', 'expiresOn', 'targetOn', 'credentialId', 'credentialUrl', 'notes'] as const;
/** The fields' names in messages ("Obtained on is required"), in the current language. */
const labels = () => Object.fromEntries(FIELDS.map((f) => [f, i18n.t(`certifications:holding.field.${f}`)])) as Record<(typeof FIELDS)[number], string>;
// Read when shown (the language can change).
const STATUS_OPTIONS = (['obtained', 'planned'] as const).map((value) => ({
  value,
  get label() {
    return i18n.t(`certifications:holding.status.${value}`);
  },
}));

export interface HoldingFormTarget {
  /** Editing this record; otherwise a new one. */
  holding?: UserCertification;
  /** Preset for a new record. */
  userId?: string;
  status?: 'obtained' | 'planned';
}

/** The create body the form stands for: empty texts as null, an expiry only when one is typed for an obtained certification. */
function toBody(v: Values): CreateUserCertificationBody {
  const obtained = v.status === 'obtained';
  return {
    userId: v.userId ?? undefined,
    certificationId: v.certificationId ?? '',
    status: v.status,
    obtainedOn: obtained ? v.obtainedOn : null,
    // Left out (undefined is not sent) derives the expiry from the catalogue.
    expiresOn: obtained && v.expiresOn ? v.expiresOn : undefined,
    targetOn: v.targetOn || null,
    credentialId: v.credentialId.trim() || null,
    credentialUrl: v.credentialUrl.trim() || null,
    notes: v.notes.trim() || null,
  };
}

/** The form's schema: its values become the create body, checked by the shared schema; the parsed body is what is sent. */
const holdingFormSchema = z.custom<Values>().transform(toBody).pipe(createUserCertificationBody);

/** What the shared schema cannot check (it leaves the dates' rules to the server), phrased like its messages. */
function validate(v: Values) {
  const e: Partial<Record<keyof Values & string, string>> = {};
  // Worded like the shared schemas' messages (looked up by their English text), or the form's own.
  const say = (message: string) => fieldMessage({ code: 'custom', message });
  if (!v.userId) e.userId = say('is required');
  if (!v.certificationId) e.certificationId = say('is required');
  if (v.status === 'obtained') {
    if (!v.obtainedOn) e.obtainedOn = say('is required');
    else if (v.obtainedOn > todayInZurich()) e.obtainedOn = i18n.t('certifications:holding.futureObtained');
    if (v.expiresOn && v.obtainedOn && v.expiresOn < v.obtainedOn) e.expiresOn = i18n.t('certifications:holding.beforeObtained');
  } else if (!v.targetOn) e.targetOn = i18n.t('certifications:holding.targetRequired');
  if (v.credentialUrl && !/^https?:\/\/\S+$/i.test(v.credentialUrl.trim())) e.credentialUrl = say('must be an http(s) URL');
  return e;
}

/**
 * Records a colleague's certification (or a planned exam) and edits one: which, when passed, until
 * when (derived from the catalogue unless typed), the credential. Editing shows the evidence files.
 */
export function HoldingFormModal({ target, onClose }: { target: HoldingFormTarget | null; onClose: () => void }) {
  const { t } = useTranslation(['certifications', 'common']);
  const me = useMe();
  const editing = target?.holding ?? null;
  const save = useSaveHolding();
  const catalogue = useQuery({ ...catalogueQuery(), enabled: target !== null });
  const forAnyone = me.user.role === 'admin' || me.user.role === 'manager';
  const blank = (): Values => ({
    userId: target?.userId ?? me.user.id,
    certificationId: null,
    status: target?.status ?? 'obtained',
    obtainedOn: '',
    expiresOn: '',
    targetOn: '',
    credentialId: '',
    credentialUrl: '',
    notes: '',
  });
  const fromHolding = (h: UserCertification): Values => ({
    userId: h.user.id,
    certificationId: h.certification.id,
    status: h.status,
    obtainedOn: h.obtainedOn ?? '',
    expiresOn: h.expiryOverridden ? (h.expiresOn ?? '') : '',
    targetOn: h.targetOn ?? '',
    credentialId: h.credentialId ?? '',
    credentialUrl: h.credentialUrl ?? '',
    notes: h.notes ?? '',
  });
  const form = useSchemaForm(holdingFormSchema, blank(), { validate, labels: labels() });
  const opened = target !== null;

  useEffect(() => {
    if (!opened) return;
    form.reset(editing ? fromHolding(editing) : blank());
    save.reset();
    // Only when the dialog opens for a record (or a newer version of it): a refetch must not wipe typing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, editing?.id, editing?.version]);

  const v = form.values;
  const cert = catalogue.data?.find((c) => c.id === v.certificationId) ?? (editing && editing.certification.id === v.certificationId ? editing.certification : null);
  const derived = cert && v.obtainedOn ? deriveExpiry(v.obtainedOn, cert.validityMonths) : null;
  const expiryHint = !cert
    ? t('holding.chooseFirst')
    : cert.validityMonths === null
      ? t('holding.noExpiry')
      : derived
        ? t('holding.derived', { date: formatDay(derived), count: cert.validityMonths })
        : t('holding.derivedLater', { count: cert.validityMonths });
  const options = certificationOptions((catalogue.data ?? []).filter((c) => !c.archivedAt));
  if (editing && !options.some((g) => g.items.some((i) => i.value === editing.certification.id))) {
    options.push({ group: editing.certification.program.name, items: [{ value: editing.certification.id, label: editing.certification.name }] });
  }

  const submit = form.submit(async (body, values) => {
    try {
      let saved: UserCertification;
      if (editing) {
        const { userId: _user, expiresOn, ...fields } = body;
        // Null drops an override and derives the expiry again; a date overrides it.
        const expiry = values.expiresOn !== fromHolding(editing).expiresOn ? { expiresOn: expiresOn ?? null } : {};
        saved = await save.mutateAsync({ id: editing.id, body: { ...fields, ...expiry, version: editing.version } });
      } else {
        saved = await save.mutateAsync({ body });
      }
      const own = saved.user.id === me.user.id;
      const words = { name: saved.user.name, certification: saved.certification.name };
      notifications.show({
        color: 'teal',
        message:
          saved.status === 'planned' ? (own ? t('holding.planned', words) : t('holding.plannedFor', words)) : own ? t('holding.recorded', words) : t('holding.recordedFor', words),
      });
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'version_conflict') throw new Error(t('holding.conflict'), { cause: e });
      throw e;
    }
  });

  // Read outside the markup: the literal-string lint takes this field name for a word.
  const expiresInput = form.getInputProps('expiresOn');

  return (
    <Modal opened={opened} onClose={onClose} title={editing ? t('holding.editTitle') : t('holding.recordTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError form={form} />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            {forAnyone && !editing ? (
              <ColleagueSelect
                label={t('holding.field.userId')}
                required
                allowDeselect={false}
                current={{ id: me.user.id, name: me.user.name }}
                {...form.getInputProps('userId')}
              />
            ) : (
              <TextInput label={t('holding.field.userId')} readOnly value={editing ? editing.user.name : me.user.name} description={editing ? undefined : t('holding.ownOnly')} />
            )}
            <Select label={t('holding.field.status')} data={STATUS_OPTIONS} allowDeselect={false} disabled={editing?.status === 'obtained'} {...form.getInputProps('status')} />
          </SimpleGrid>
          <Select
            label={t('holding.field.certificationId')}
            required
            searchable
            placeholder={catalogue.isPending ? t('holding.loadingCatalogue') : t('holding.searchPlaceholder')}
            nothingFoundMessage={t('holding.notInCatalogue')}
            data={options}
            {...form.getInputProps('certificationId')}
          />
          {v.status === 'obtained' ? (
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
              <TextInput label={t('holding.field.obtainedOn')} type="date" required max={todayInZurich()} {...form.getInputProps('obtainedOn')} />
              <TextInput label={t('holding.field.expiresOn')} type="date" min={v.obtainedOn || undefined} placeholder={derived ?? ''} description={expiryHint} {...expiresInput} />
            </SimpleGrid>
          ) : (
            <TextInput label={t('holding.field.targetOn')} type="date" required description={t('holding.targetHint')} {...form.getInputProps('targetOn')} />
          )}
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <TextInput
              label={t('holding.field.credentialId')}
              maxLength={CREDENTIAL_ID_MAX}
              placeholder={t('holding.credentialIdPlaceholder')}
              {...form.getInputProps('credentialId')}
            />
            <TextInput
              label={t('holding.field.credentialUrl')}
              type="url"
              placeholder={t('holding.credentialUrlPlaceholder')}
              description={t('holding.credentialUrlHint')}
              {...form.getInputProps('credentialUrl')}
            />
          </SimpleGrid>
          <Textarea label={t('holding.field.notes')} autosize minRows={1} maxRows={5} maxLength={CERT_TEXT_MAX} {...form.getInputProps('notes')} />
          {editing?.renewedVia && (
            <Text size="sm" c="dimmed">
              {t('holding.renewedVia', { name: editing.renewedVia.name, date: formatDay(editing.effectiveExpiresOn) })}
            </Text>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common:action.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common:action.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      {editing && (
        <>
          <Divider my="lg" />
          <DocumentsPanel subjectType="user_certification" subjectId={editing.id} title={t('holding.evidence')} headingOrder={3} />
        </>
      )}
    </Modal>
  );
}
