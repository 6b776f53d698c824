import { useEffect } from 'react';
import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { z } from 'zod';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/roles.js';
import { personName } from '../../../shared/schemas/common.js';
import { roleSchema, type User } from '../../../shared/schemas/user.js';
import { ApiError } from '../../api.js';
import { FormError, useSchemaForm } from '../../components/useSchemaForm.js';
import { useUpdateUser } from './queries.js';
import { RoleSelect } from './RoleSelect.js';

// The name and role rules of the update body, both present in the form.
const editSchema = z.object({ name: personName, role: roleSchema });

export function EditUserModal({ user, isSelf, onClose }: { user: User | null; isSelf: boolean; onClose: () => void }) {
  const { t } = useTranslation(['users', 'common']);
  const update = useUpdateUser();
  const form = useSchemaForm(editSchema, { name: user?.name ?? '', role: (user?.role ?? 'member') as Role }, { labels: { name: t('field.name') } });

  // Load the chosen user into the form each time the dialog opens for someone.
  const id = user?.id;
  useEffect(() => {
    if (user) form.reset({ name: user.name, role: user.role });
    update.reset();
    // Only when another user is chosen: a refetch must not wipe what is being typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  const submit = form.submit(async (v) => {
    if (!user) return;
    const changes: { name?: string; role?: Role } = {};
    if (v.name !== user.name) changes.name = v.name;
    if (v.role !== user.role) changes.role = v.role;
    if (!Object.keys(changes).length) return onClose();
    try {
      const saved = await update.mutateAsync({ id: user.id, version: user.version, ...changes });
      notifications.show({ color: 'teal', message: t('edit.saved', { name: saved.name }) });
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'version_conflict') {
        throw new Error(t('edit.conflict'), { cause: e });
      }
      throw e;
    }
  });

  return (
    <Modal opened={user !== null} onClose={onClose} title={user ? t('edit.titleNamed', { name: user.name }) : t('edit.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError form={form} />
          <TextInput label={t('field.name')} required {...form.getInputProps('name')} />
          <TextInput label={t('field.email')} value={user?.email ?? ''} readOnly variant="filled" />
          <RoleSelect label={t('field.role')} required {...form.getInputProps('role')} />
          {isSelf && form.values.role !== 'admin' && (
            <Alert color="yellow" variant="light" role="status">
              {t('edit.ownRole')}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common:action.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
              {t('common:action.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
