import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Divider, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { z } from 'zod';
import { deriveExpiry } from '../../../shared/certifications.js';
import { CERT_TEXT_MAX, createUserCertificationBody, CREDENTIAL_ID_MAX, type CreateUserCertificationBody, type UserCertification } from '../../../shared/schemas/certification.js';
import { ApiError } from '../../api.js';
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

const LABELS = {
  userId: 'Colleague',
  certificationId: 'Certification',
  status: 'Status',
  obtainedOn: 'Obtained on',
  expiresOn: 'Expires on',
  targetOn: 'Target date',
  credentialId: 'Credential ID',
  credentialUrl: 'Credential URL',
  notes: 'Notes',
};
const STATUS_OPTIONS = [
  { value: 'obtained', label: 'Obtained' },
  { value: 'planned', label: 'Planned' },
];

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
  if (!v.userId) e.userId = 'is required';
  if (!v.certificationId) e.certificationId = 'is required';
  if (v.status === 'obtained') {
    if (!v.obtainedOn) e.obtainedOn = 'is required';
    else if (v.obtainedOn > todayInZurich()) e.obtainedOn = 'cannot be in the future: record a planned exam instead';
    if (v.expiresOn && v.obtainedOn && v.expiresOn < v.obtainedOn) e.expiresOn = 'must be on or after the day it was obtained';
  } else if (!v.targetOn) e.targetOn = 'is required for a planned exam';
  if (v.credentialUrl && !/^https?:\/\/\S+$/i.test(v.credentialUrl.trim())) e.credentialUrl = 'must be an http(s) URL';
  return e;
}

/**
 * Records a colleague's certification (or a planned exam) and edits one: which, when passed, until
 * when (derived from the catalogue unless typed), the credential. Editing shows the evidence files.
 */
export function HoldingFormModal({ target, onClose }: { target: HoldingFormTarget | null; onClose: () => void }) {
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
  const form = useSchemaForm(holdingFormSchema, blank(), { validate, labels: LABELS });
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
    ? 'Choose the certification first.'
    : cert.validityMonths === null
      ? 'This certification does not expire. Type a date only if yours does.'
      : derived
        ? `Leave empty for ${formatDay(derived)} (${cert.validityMonths} months after obtained). Type a date to override it.`
        : `Derived from the ${cert.validityMonths}-month validity once you enter the obtained date.`;
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
      const whose = saved.user.id === me.user.id ? '' : ` for ${saved.user.name}`;
      notifications.show({
        color: 'teal',
        message: saved.status === 'planned' ? `Planned exam recorded${whose}: ${saved.certification.name}.` : `Certification recorded${whose}: ${saved.certification.name}.`,
      });
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'version_conflict')
        throw new Error('Someone else changed this record in the meantime. Close this window and open it again to see their version.', { cause: e });
      throw e;
    }
  });

  return (
    <Modal opened={opened} onClose={onClose} title={editing ? 'Edit certification' : 'Record certification'} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError form={form} />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            {forAnyone && !editing ? (
              <ColleagueSelect label="Colleague" required allowDeselect={false} current={{ id: me.user.id, name: me.user.name }} {...form.getInputProps('userId')} />
            ) : (
              <TextInput
                label="Colleague"
                readOnly
                value={editing ? editing.user.name : me.user.name}
                description={editing ? undefined : 'Members record their own certifications.'}
              />
            )}
            <Select label="Status" data={STATUS_OPTIONS} allowDeselect={false} disabled={editing?.status === 'obtained'} {...form.getInputProps('status')} />
          </SimpleGrid>
          <Select
            label="Certification"
            required
            searchable
            placeholder={catalogue.isPending ? 'Loading the catalogue…' : 'Search by name or exam code'}
            nothingFoundMessage="Not in the catalogue: an administrator adds it under Certification catalogue"
            data={options}
            {...form.getInputProps('certificationId')}
          />
          {v.status === 'obtained' ? (
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
              <TextInput label="Obtained on" type="date" required max={todayInZurich()} {...form.getInputProps('obtainedOn')} />
              <TextInput label="Expires on" type="date" min={v.obtainedOn || undefined} placeholder={derived ?? ''} description={expiryHint} {...form.getInputProps('expiresOn')} />
            </SimpleGrid>
          ) : (
            <TextInput
              label="Target date"
              type="date"
              required
              description="When the exam is planned; you record it as obtained once passed."
              {...form.getInputProps('targetOn')}
            />
          )}
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <TextInput label="Credential ID" maxLength={CREDENTIAL_ID_MAX} placeholder="e.g. LF-abc123" {...form.getInputProps('credentialId')} />
            <TextInput label="Credential URL" type="url" placeholder="https://…" description="The issuer’s verification page" {...form.getInputProps('credentialUrl')} />
          </SimpleGrid>
          <Textarea label="Notes" autosize minRows={1} maxRows={5} maxLength={CERT_TEXT_MAX} {...form.getInputProps('notes')} />
          {editing?.renewedVia && (
            <Text size="sm" c="dimmed">
              Renewed by {editing.renewedVia.name}: valid until {formatDay(editing.effectiveExpiresOn)}.
            </Text>
          )}
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
      {editing && (
        <>
          <Divider my="lg" />
          <DocumentsPanel subjectType="user_certification" subjectId={editing.id} title="Evidence" headingOrder={3} />
        </>
      )}
    </Modal>
  );
}
