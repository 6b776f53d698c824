import { useEffect } from 'react';
import { Button, Checkbox, Group, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { CertificationCategory } from '../../../shared/compliance.js';
import {
  CERT_TEXT_MAX,
  createCertificationBody,
  EXAM_CODE_MAX,
  VALIDITY_MONTHS_MAX,
  type Certification,
  type CreateCertificationBody,
} from '../../../shared/schemas/certification.js';
import { NAME_MAX } from '../../../shared/schemas/common.js';
import { ApiError } from '../../api.js';
import { fieldMessage, i18n } from '../../i18n.js';
import { FormError, useSchemaForm } from '../../components/useSchemaForm.js';
import { CATEGORY_OPTIONS, certificationLabel } from './labels.js';
import { useSaveCertification, type ProgramOption } from './queries.js';

interface Values extends Record<string, unknown> {
  programId: string | null;
  name: string;
  examCode: string;
  issuer: string;
  category: CertificationCategory;
  validityMonths: number | string;
  neverExpires: boolean;
  description: string;
  url: string;
  renewedByIds: string[];
}

const FIELDS = ['programId', 'name', 'examCode', 'issuer', 'category', 'validityMonths', 'description', 'url', 'renewedByIds'] as const;
/** The fields' names in messages ("Name is required"), in the current language. */
const labels = () => Object.fromEntries(FIELDS.map((f) => [f, i18n.t(`certifications:certForm.field.${f}`)])) as Record<(typeof FIELDS)[number], string>;

export interface CertificationFormTarget {
  cert?: Certification;
  programId?: string;
}

/** The create body the form stands for: empty texts as null, no validity when it does not expire. */
function toBody(v: Values): CreateCertificationBody {
  return {
    programId: v.programId ?? '',
    name: v.name.trim(),
    examCode: v.examCode.trim() || null,
    // Left empty: the programme's vendor.
    issuer: v.issuer.trim() || null,
    category: v.category,
    validityMonths: v.neverExpires ? null : Number(v.validityMonths),
    description: v.description.trim() || null,
    url: v.url.trim() || null,
    renewedByIds: v.renewedByIds,
  };
}

/** The form's schema: its values become the create body, checked by the shared schema; the parsed body is what is sent. */
const certificationFormSchema = z.custom<Values>().transform(toBody).pipe(createCertificationBody);

/** Messages the form words its own way (a missing programme, the validity's range), over the schema's. */
function validate(v: Values) {
  const e: Partial<Record<keyof Values & string, string>> = {};
  // Worded like the shared schemas' messages (looked up by their English text), or the form's own.
  const say = (message: string) => fieldMessage({ code: 'custom', message });
  if (!v.programId) e.programId = say('is required');
  if (!v.name.trim()) e.name = say('is required');
  const months = Number(v.validityMonths);
  if (!v.neverExpires && (!Number.isInteger(months) || months < 1 || months > VALIDITY_MONTHS_MAX))
    e.validityMonths = i18n.t('certifications:certForm.validityRange', { max: VALIDITY_MONTHS_MAX });
  if (v.url && !/^https?:\/\/\S+$/i.test(v.url.trim())) e.url = say('must be an http(s) URL');
  return e;
}

/** Adds or edits a catalogue entry: what it is, how long it is valid, which higher exams renew it. */
export function CertificationFormModal({
  target,
  onClose,
  programs,
  catalogue,
}: {
  target: CertificationFormTarget | null;
  onClose: () => void;
  programs: ProgramOption[];
  catalogue: Certification[];
}) {
  const { t } = useTranslation(['certifications', 'common']);
  const editing = target?.cert ?? null;
  const save = useSaveCertification();
  const blank = (): Values => ({
    programId: target?.programId ?? null,
    name: '',
    examCode: '',
    issuer: '',
    category: 'associate',
    validityMonths: 36,
    neverExpires: false,
    description: '',
    url: '',
    renewedByIds: [],
  });
  const form = useSchemaForm(certificationFormSchema, blank(), { validate, labels: labels() });
  const opened = target !== null;

  useEffect(() => {
    if (!opened) return;
    form.reset(
      editing
        ? {
            programId: editing.program.id,
            name: editing.name,
            examCode: editing.examCode ?? '',
            issuer: editing.issuer,
            category: editing.category,
            validityMonths: editing.validityMonths ?? 36,
            neverExpires: editing.validityMonths === null,
            description: editing.description ?? '',
            url: editing.url ?? '',
            renewedByIds: editing.renewedBy.map((r) => r.id),
          }
        : blank(),
    );
    save.reset();
    // Only when the dialog opens for an entry (or a newer version of it): a refetch must not wipe typing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, editing?.id, editing?.version]);

  const v = form.values;
  const vendor = programs.find((p) => p.id === v.programId)?.vendor ?? '';
  const siblings = catalogue.filter((c) => c.program.id === v.programId && c.id !== editing?.id && !c.archivedAt).map((c) => ({ value: c.id, label: certificationLabel(c) }));

  const submit = form.submit(async (body) => {
    // The programme is fixed once created; an edit leaving the issuer empty keeps the one recorded.
    const { programId: _program, issuer, ...fields } = body;
    try {
      const saved = editing
        ? await save.mutateAsync({ id: editing.id, body: { ...fields, ...(issuer ? { issuer } : {}), version: editing.version } })
        : await save.mutateAsync({ body });
      notifications.show({ color: 'teal', message: editing ? t('certForm.saved', { name: saved.name }) : t('certForm.added', { name: saved.name }) });
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'version_conflict') throw new Error(t('certForm.conflict'), { cause: e });
      throw e;
    }
  });

  // Read outside the markup: the literal-string lint takes these field names for words.
  const programInput = form.getInputProps('programId');
  const descriptionInput = form.getInputProps('description');

  return (
    <Modal opened={opened} onClose={onClose} title={editing ? t('certForm.editTitle', { name: editing.name }) : t('certForm.addTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError form={form} />
          <Select
            label={t('certForm.field.programId')}
            required
            disabled={Boolean(editing)}
            data={programs.map((p) => ({ value: p.id, label: p.name }))}
            placeholder={t('certForm.programmePlaceholder')}
            {...programInput}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <TextInput label={t('certForm.field.name')} required data-autofocus maxLength={NAME_MAX} placeholder={t('certForm.namePlaceholder')} {...form.getInputProps('name')} />
            <TextInput label={t('certForm.field.examCode')} maxLength={EXAM_CODE_MAX} placeholder={t('certForm.examCodePlaceholder')} {...form.getInputProps('examCode')} />
            <TextInput
              label={t('certForm.field.issuer')}
              maxLength={NAME_MAX}
              placeholder={vendor || t('certForm.issuerPlaceholder')}
              description={editing ? undefined : t('certForm.issuerHint')}
              {...form.getInputProps('issuer')}
            />
            <Select label={t('certForm.field.category')} data={CATEGORY_OPTIONS} allowDeselect={false} {...form.getInputProps('category')} />
          </SimpleGrid>
          <Group align="flex-end" gap="md">
            <NumberInput
              label={t('certForm.field.validityMonths')}
              suffix={t('certForm.monthsSuffix')}
              min={1}
              max={VALIDITY_MONTHS_MAX}
              allowDecimal={false}
              disabled={v.neverExpires}
              w={180}
              {...form.getInputProps('validityMonths')}
            />
            <Checkbox label={t('certForm.doesNotExpire')} mb={8} checked={v.neverExpires} onChange={(e) => form.setFieldValue('neverExpires', e.currentTarget.checked)} />
          </Group>
          <MultiSelect
            label={t('certForm.field.renewedByIds')}
            description={t('certForm.renewedByHint')}
            placeholder={siblings.length ? t('certForm.renewedByNone') : t('certForm.renewedByNoOthers')}
            data={siblings}
            searchable
            clearable
            {...form.getInputProps('renewedByIds')}
          />
          <TextInput label={t('certForm.field.url')} type="url" placeholder={t('certForm.urlPlaceholder')} {...form.getInputProps('url')} />
          <Textarea label={t('certForm.field.description')} autosize minRows={2} maxRows={6} maxLength={CERT_TEXT_MAX} {...descriptionInput} />
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
    </Modal>
  );
}
