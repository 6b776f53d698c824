import { useState } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { PASSWORD_MIN, setPasswordBody, type User } from '../../../shared/schemas/user.js';
import { FormError, useSchemaForm } from '../../components/useSchemaForm.js';
import { useSetUserPassword } from './queries.js';
import { NewPasswordField } from './NewPasswordField.js';

/** For someone who forgot their password: the administrator sets a new one and passes it on. */
export function SetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const setPassword = useSetUserPassword();
  const [visible, setVisible] = useState(false);
  const form = useSchemaForm(setPasswordBody, { password: '' }, { labels: { password: 'New password' } });

  const close = () => {
    onClose();
    setTimeout(() => {
      form.reset({ password: '' });
      setVisible(false);
      setPassword.reset();
    }, 200);
  };

  const submit = form.submit(async (body) => {
    if (!user) return;
    await setPassword.mutateAsync({ id: user.id, password: body.password });
    notifications.show({
      color: 'teal',
      title: `New password set for ${user.name}`,
      message: 'Their sessions have ended. Pass the password on over a safe channel.',
      autoClose: 8000,
    });
    close();
  });

  return (
    <Modal opened={user !== null} onClose={close} title={user ? `Set a new password for ${user.name}` : 'Set a new password'}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            For someone who forgot theirs. They are signed out everywhere and sign in again with this password.
          </Text>
          <FormError form={form} />
          <NewPasswordField
            label="New password"
            description={`At least ${PASSWORD_MIN} characters.`}
            visible={visible}
            onVisibilityChange={setVisible}
            onGenerate={(pw) => form.setFieldValue('password', pw)}
            {...form.getInputProps('password')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={setPassword.isPending}>
              Set password
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
