import { useState } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN, setPasswordBody, type User } from '../../../shared/schemas/user.js';
import { FormError, useSchemaForm } from '../../components/useSchemaForm.js';
import { useSetUserPassword } from './queries.js';
import { NewPasswordField } from './NewPasswordField.js';

/** For someone who forgot their password: the administrator sets a new one and passes it on. */
export function SetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation(['users', 'common']);
  const setPassword = useSetUserPassword();
  const [visible, setVisible] = useState(false);
  const form = useSchemaForm(setPasswordBody, { password: '' }, { labels: { password: t('field.newPassword') } });

  // Outside the JSX: the i18n lint rule misreads this field name as text when it is spread into NewPasswordField.
  const passwordProps = form.getInputProps('password');

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
      title: t('password.setFor', { name: user.name }),
      message: t('password.sessionsEnded'),
      autoClose: 8000,
    });
    close();
  });

  return (
    <Modal opened={user !== null} onClose={close} title={user ? t('password.titleNamed', { name: user.name }) : t('password.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('password.intro')}
          </Text>
          <FormError form={form} />
          <NewPasswordField
            label={t('field.newPassword')}
            description={t('password.hint', { min: PASSWORD_MIN })}
            visible={visible}
            onVisibilityChange={setVisible}
            onGenerate={(pw) => form.setFieldValue('password', pw)}
            {...passwordProps}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common:action.cancel')}
            </Button>
            <Button type="submit" loading={setPassword.isPending}>
              {t('password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
