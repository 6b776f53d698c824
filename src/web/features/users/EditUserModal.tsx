import { useEffect } from 'react';
import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { z } from 'zod';
import { notifications } from '@mantine/notifications';
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
  const update = useUpdateUser();
  const form = useSchemaForm(editSchema, { name: user?.name ?? '', role: (user?.role ?? 'member') as Role }, { labels: { name: 'Name' } });

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
      notifications.show({ color: 'teal', message: `${saved.name} is saved.` });
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'version_conflict') {
        throw new Error('Someone else changed this user in the meantime. Their version is loaded now: check the list, then save again to apply your change on top of it.', {
          cause: e,
        });
      }
      throw e;
    }
  });

  return (
    <Modal opened={user !== null} onClose={onClose} title={user ? `Edit ${user.name}` : 'Edit user'}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError form={form} />
          <TextInput label="Name" required {...form.getInputProps('name')} />
          <TextInput label="E-mail" value={user?.email ?? ''} readOnly variant="filled" />
          <RoleSelect label="Role" required {...form.getInputProps('role')} />
          {isSelf && form.values.role !== 'admin' && (
            <Alert color="yellow" variant="light" role="status">
              You are changing your own role: you will lose access to user management as soon as you save.
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
