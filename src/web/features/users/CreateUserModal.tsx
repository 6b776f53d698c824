import { useState } from 'react';
import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Role } from '../../../shared/roles.js';
import { createUserBody, PASSWORD_MIN } from '../../../shared/schemas/user.js';
import { FormError, useSchemaForm } from '../../components/useSchemaForm.js';
import { useCreateUser } from './queries.js';
import { RoleSelect } from './RoleSelect.js';
import { NewPasswordField } from './NewPasswordField.js';

const initialValues = { name: '', email: '', role: 'member' as Role, password: '' };

export function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreateUser();
  const [visible, setVisible] = useState(false);
  const form = useSchemaForm(createUserBody, initialValues, { labels: { name: 'Name', email: 'E-mail', password: 'Password', role: 'Role' } });

  const close = () => {
    onClose();
    setTimeout(() => {
      form.reset(initialValues);
      setVisible(false);
      create.reset();
    }, 200);
  };

  const submit = form.submit(async (body) => {
    const user = await create.mutateAsync(body);
    notifications.show({
      color: 'teal',
      title: `${user.name} can sign in now`,
      message: `Give them their e-mail (${user.email}) and the password over a safe channel; they can change it in their profile.`,
      autoClose: 8000,
    });
    close();
  });

  return (
    <Modal opened={opened} onClose={close} title="Add a user" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError form={form} />
          <TextInput label="Name" required data-autofocus autoComplete="off" {...form.getInputProps('name')} />
          <TextInput label="E-mail" type="email" required autoComplete="off" description="They sign in with this address." {...form.getInputProps('email')} />
          <RoleSelect label="Role" required {...form.getInputProps('role')} />
          <NewPasswordField
            label="Initial password"
            description={`At least ${PASSWORD_MIN} characters. Pass it on securely; they can change it in their profile.`}
            visible={visible}
            onVisibilityChange={setVisible}
            onGenerate={(pw) => form.setFieldValue('password', pw)}
            {...form.getInputProps('password')}
          />
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Add user
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
