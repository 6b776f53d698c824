import { useEffect } from 'react';
import { Button, Checkbox, Group, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { z } from 'zod';
import { CERTIFICATION_CATEGORIES, type CertificationCategory } from '../../../shared/compliance.js';
import {
  CERT_TEXT_MAX,
  CERTIFICATION_CATEGORY_LABELS,
  createCertificationBody,
  EXAM_CODE_MAX,
  VALIDITY_MONTHS_MAX,
  type Certification,
  type CreateCertificationBody,
} from '../../../shared/schemas/certification.js';
import { NAME_MAX } from '../../../shared/schemas/common.js';
import { ApiError } from '../../api.js';
import { FormError, useSchemaForm } from '../../components/useSchemaForm.js';
import { certificationLabel } from './labels.js';
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

const LABELS = {
  programId: 'Programme',
  name: 'Name',
  examCode: 'Exam code',
  issuer: 'Issuer',
  category: 'Category',
  validityMonths: 'Valid for',
  description: 'Description',
  url: 'Link',
  renewedByIds: 'Renewed by',
};
const CATEGORY_OPTIONS = CERTIFICATION_CATEGORIES.map((c) => ({ value: c, label: CERTIFICATION_CATEGORY_LABELS[c] }));

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
  if (!v.programId) e.programId = 'is required';
  if (!v.name.trim()) e.name = 'is required';
  const months = Number(v.validityMonths);
  if (!v.neverExpires && (!Number.isInteger(months) || months < 1 || months > VALIDITY_MONTHS_MAX)) e.validityMonths = `must be 1 to ${VALIDITY_MONTHS_MAX} months`;
  if (v.url && !/^https?:\/\/\S+$/i.test(v.url.trim())) e.url = 'must be an http(s) URL';
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
  const form = useSchemaForm(certificationFormSchema, blank(), { validate, labels: LABELS });
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
      notifications.show({ color: 'teal', message: `${saved.name} is ${editing ? 'saved' : 'in the catalogue'}.` });
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'version_conflict')
        throw new Error('Someone else changed this entry in the meantime. Close this window and open it again to see their version.', { cause: e });
      throw e;
    }
  });

  return (
    <Modal opened={opened} onClose={onClose} title={editing ? `Edit ${editing.name}` : 'Add certification'} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError form={form} />
          <Select
            label="Programme"
            required
            disabled={Boolean(editing)}
            data={programs.map((p) => ({ value: p.id, label: p.name }))}
            placeholder="The vendor’s partner programme"
            {...form.getInputProps('programId')}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <TextInput label="Name" required data-autofocus maxLength={NAME_MAX} placeholder="e.g. Certified Kubernetes Administrator" {...form.getInputProps('name')} />
            <TextInput label="Exam code" maxLength={EXAM_CODE_MAX} placeholder="e.g. CKA, SAA-C03" {...form.getInputProps('examCode')} />
            <TextInput
              label="Issuer"
              maxLength={NAME_MAX}
              placeholder={vendor || 'The programme’s vendor'}
              description={editing ? undefined : 'Leave empty for the programme’s vendor'}
              {...form.getInputProps('issuer')}
            />
            <Select label="Category" data={CATEGORY_OPTIONS} allowDeselect={false} {...form.getInputProps('category')} />
          </SimpleGrid>
          <Group align="flex-end" gap="md">
            <NumberInput
              label="Valid for"
              suffix=" months"
              min={1}
              max={VALIDITY_MONTHS_MAX}
              allowDecimal={false}
              disabled={v.neverExpires}
              w={180}
              {...form.getInputProps('validityMonths')}
            />
            <Checkbox label="Does not expire" mb={8} checked={v.neverExpires} onChange={(e) => form.setFieldValue('neverExpires', e.currentTarget.checked)} />
          </Group>
          <MultiSelect
            label="Renewed by"
            description="Passing one of these higher exams renews this certification (e.g. a professional renews the associate)."
            placeholder={siblings.length ? 'None' : 'No other certifications in this programme'}
            data={siblings}
            searchable
            clearable
            {...form.getInputProps('renewedByIds')}
          />
          <TextInput label="Link" type="url" placeholder="https://… the exam’s page" {...form.getInputProps('url')} />
          <Textarea label="Description" autosize minRows={2} maxRows={6} maxLength={CERT_TEXT_MAX} {...form.getInputProps('description')} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
