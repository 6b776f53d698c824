import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ContactRole } from '../../../shared/partners.js';
import { createContactBody, type Contact } from '../../../shared/schemas/contact.js';
import { ApiError } from '../../api.js';
import { LoadingState, ErrorState } from '../../components/states.js';
import { FormError, useSchemaForm } from '../../components/useSchemaForm.js';
import { contactRoleOptions, influenceOptions, strengthOptions, type Influence, type Strength } from './labels.js';
import { contactQuery, useCreateContact, useUpdateContact } from './queries.js';

// The create body without the partner (the tab knows it): the same rules the server applies.
const formSchema = createContactBody.omit({ partnerId: true });

interface Values extends Record<string, unknown> {
  firstName: string;
  lastName: string;
  title: string;
  role: ContactRole | null;
  influence: Influence | null;
  strength: Strength | null;
  email: string;
  phone: string;
  location: string;
  notes: string;
  isPrimary: boolean;
}

const EMPTY: Values = { firstName: '', lastName: '', title: '', role: null, influence: null, strength: null, email: '', phone: '', location: '', notes: '', isPrimary: false };
const LABELLED = ['firstName', 'lastName', 'title', 'role', 'email', 'phone', 'location', 'notes', 'isPrimary'] as const;

const valuesOf = (c: Contact): Values => ({
  firstName: c.firstName,
  lastName: c.lastName,
  title: c.title ?? '',
  role: c.role,
  influence: c.influence,
  strength: c.strength,
  email: c.email ?? '',
  phone: c.phone ?? '',
  location: c.location ?? '',
  notes: c.notes ?? '',
  isPrimary: c.isPrimary,
});

interface Props {
  partner: { id: string; name: string };
  /** Opened: `{}` adds a contact, `{ contactId }` edits one; null is closed. */
  target: { contactId?: string } | null;
  onClose: () => void;
}

/** Adds or edits a contact of a partner: every field, server messages on their fields. */
export function ContactFormModal({ partner, target, onClose }: Props) {
  const { t } = useTranslation(['contacts', 'common']);
  const editingId = target?.contactId ?? null;
  const existing = useQuery({ ...contactQuery(editingId ?? ''), enabled: Boolean(editingId), staleTime: 0 });
  const create = useCreateContact();
  const update = useUpdateContact();
  const form = useSchemaForm(formSchema, EMPTY, { labels: Object.fromEntries(LABELLED.map((f) => [f, t(`form.${f}`)])) });
  const contact = editingId ? existing.data : undefined;

  // Load the chosen contact (or an empty form) each time the dialog opens.
  const loadedKey = target ? `${editingId ?? 'new'}:${contact?.version ?? ''}` : null;
  useEffect(() => {
    if (!target) return;
    form.reset(contact ? valuesOf(contact) : EMPTY);
    create.reset();
    update.reset();
    // Only when another contact (or a newer version of it) arrives: a refetch must not wipe typing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loadedKey]);

  const submit = form.submit(async (body) => {
    try {
      const saved = contact
        ? await update.mutateAsync({ id: contact.id, version: contact.version, ...body, isPrimary: contact.leftAt ? undefined : body.isPrimary })
        : await create.mutateAsync({ ...body, partnerId: partner.id });
      notifications.show({ color: 'teal', message: contact ? t('form.saved', { name: saved.fullName }) : t('form.added', { name: saved.fullName, partner: partner.name }) });
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'version_conflict') {
        throw new Error(t('form.conflict'), { cause: e });
      }
      throw e;
    }
  });

  const title = editingId ? (contact ? t('form.editNamed', { name: contact.fullName }) : t('form.edit')) : t('form.addTo', { partner: partner.name });
  const pending = create.isPending || update.isPending;
  // Outside the JSX: the i18n lint rule misreads this field name as text when it sits beside type="tel".
  const phoneProps = form.getInputProps('phone');

  return (
    <Modal opened={target !== null} onClose={onClose} title={title} size="lg">
      {editingId && existing.isPending ? (
        <LoadingState label={t('form.loading')} />
      ) : editingId && existing.isError ? (
        <ErrorState error={existing.error} onRetry={() => void existing.refetch()} />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <FormError form={form} />
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
              <TextInput label={t('form.firstName')} required data-autofocus autoComplete="off" {...form.getInputProps('firstName')} />
              <TextInput label={t('form.lastName')} required autoComplete="off" {...form.getInputProps('lastName')} />
              <TextInput label={t('form.title')} placeholder={t('form.titlePlaceholder')} autoComplete="off" {...form.getInputProps('title')} />
              <Select label={t('form.roleInRelationship')} placeholder={t('form.notKnown')} data={contactRoleOptions()} clearable {...form.getInputProps('role')} />
              <Select
                label={t('form.influence')}
                description={t('form.influenceHint')}
                placeholder={t('form.notRated')}
                data={influenceOptions()}
                clearable
                {...form.getInputProps('influence')}
              />
              <Select
                label={t('form.strength')}
                description={t('form.strengthHint')}
                placeholder={t('form.notRated')}
                data={strengthOptions()}
                clearable
                {...form.getInputProps('strength')}
              />
              <TextInput label={t('form.email')} type="email" autoComplete="off" {...form.getInputProps('email')} />
              <TextInput label={t('form.phone')} type="tel" placeholder={t('form.phoneExample')} autoComplete="off" {...phoneProps} />
            </SimpleGrid>
            <TextInput label={t('form.location')} placeholder={t('form.locationPlaceholder')} autoComplete="off" {...form.getInputProps('location')} />
            <Textarea label={t('form.notes')} autosize minRows={2} maxRows={8} {...form.getInputProps('notes')} />
            <Checkbox
              label={t('form.primaryFor', { partner: partner.name })}
              description={contact?.leftAt ? t('form.primaryLeft') : t('form.primaryOne')}
              disabled={Boolean(contact?.leftAt)}
              {...form.getInputProps('isPrimary', { type: 'checkbox' })}
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={onClose}>
                {t('common:action.cancel')}
              </Button>
              <Button type="submit" loading={pending} disabled={Boolean(contact) && !form.isDirty()}>
                {contact ? t('common:action.save') : t('form.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
