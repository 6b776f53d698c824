import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ContactRole } from '../../../shared/partners.js';
import { createContactBody, type Contact } from '../../../shared/schemas/contact.js';
import { ApiError } from '../../api.js';
import { LoadingState, ErrorState } from '../../components/states.js';
import { FormError, useSchemaForm } from '../../components/useSchemaForm.js';
import { CONTACT_ROLE_OPTIONS, INFLUENCE_OPTIONS, STRENGTH_OPTIONS, type Influence, type Strength } from './labels.js';
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
const LABELS = {
  firstName: 'First name',
  lastName: 'Last name',
  title: 'Title',
  role: 'Role',
  email: 'E-mail',
  phone: 'Phone',
  location: 'Location',
  notes: 'Notes',
  isPrimary: 'Primary contact',
};

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
  const editingId = target?.contactId ?? null;
  const existing = useQuery({ ...contactQuery(editingId ?? ''), enabled: Boolean(editingId), staleTime: 0 });
  const create = useCreateContact();
  const update = useUpdateContact();
  const form = useSchemaForm(formSchema, EMPTY, { labels: LABELS });
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
      notifications.show({ color: 'teal', message: contact ? `${saved.fullName} is saved.` : `${saved.fullName} is added to ${partner.name}.` });
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'version_conflict') {
        throw new Error('Someone else changed this contact in the meantime. Their version is loaded now: check it, then save again.', { cause: e });
      }
      throw e;
    }
  });

  const title = editingId ? (contact ? `Edit ${contact.fullName}` : 'Edit contact') : `Add a contact to ${partner.name}`;
  const pending = create.isPending || update.isPending;

  return (
    <Modal opened={target !== null} onClose={onClose} title={title} size="lg">
      {editingId && existing.isPending ? (
        <LoadingState label="Loading the contact…" />
      ) : editingId && existing.isError ? (
        <ErrorState error={existing.error} onRetry={() => void existing.refetch()} />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <FormError form={form} />
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
              <TextInput label="First name" required data-autofocus autoComplete="off" {...form.getInputProps('firstName')} />
              <TextInput label="Last name" required autoComplete="off" {...form.getInputProps('lastName')} />
              <TextInput label="Title" placeholder="e.g. Head of Alliances" autoComplete="off" {...form.getInputProps('title')} />
              <Select label="Role in the relationship" placeholder="Not known yet" data={CONTACT_ROLE_OPTIONS} clearable {...form.getInputProps('role')} />
              <Select
                label="Influence"
                description="On decisions about working with us"
                placeholder="Not rated"
                data={INFLUENCE_OPTIONS}
                clearable
                {...form.getInputProps('influence')}
              />
              <Select
                label="Relationship strength"
                description="How well we know each other"
                placeholder="Not rated"
                data={STRENGTH_OPTIONS}
                clearable
                {...form.getInputProps('strength')}
              />
              <TextInput label="E-mail" type="email" autoComplete="off" {...form.getInputProps('email')} />
              <TextInput label="Phone" type="tel" placeholder="+41 44 123 45 67" autoComplete="off" {...form.getInputProps('phone')} />
            </SimpleGrid>
            <TextInput label="Location" placeholder="e.g. Zürich" autoComplete="off" {...form.getInputProps('location')} />
            <Textarea label="Notes" autosize minRows={2} maxRows={8} {...form.getInputProps('notes')} />
            <Checkbox
              label={`Primary contact for ${partner.name}`}
              description={
                contact?.leftAt
                  ? 'Someone who has left, or whose departure is recorded, cannot be the primary contact.'
                  : 'There is one primary contact per partner: choosing this one replaces the current one.'
              }
              disabled={Boolean(contact?.leftAt)}
              {...form.getInputProps('isPrimary', { type: 'checkbox' })}
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={pending} disabled={Boolean(contact) && !form.isDirty()}>
                {contact ? 'Save' : 'Add contact'}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
