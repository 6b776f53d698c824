import { useState } from 'react';
import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/roles.js';
import { createUserBody, PASSWORD_MIN } from '../../../shared/schemas/user.js';
import { FormError, useSchemaForm } from '../../components/useSchemaForm.js';
import { useCreateUser } from './queries.js';
import { RoleSelect } from './RoleSelect.js';
import { NewPasswordField } from './NewPasswordField.js';

const initialValues = { name: '', email: '', role: 'member' as Role, password: '' };

export function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation(['users', 'common']);
  const create = useCreateUser();
  const [visible, setVisible] = useState(false);
  const form = useSchemaForm(createUserBody, initialValues, { labels: { name: t('field.name'), email: t('field.email'), password: t('field.password'), role: t('field.role') } });

  // Outside the JSX: the i18n lint rule misreads this field name as text when it is spread into NewPasswordField.
  const passwordProps = form.getInputProps('password');

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
      title: t('create.signedIn', { name: user.name }),
      message: t('create.passOn', { email: user.email }),
      autoClose: 8000,
    });
    close();
  });

  return (
    <Modal opened={opened} onClose={close} title={t('create.title')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError form={form} />
          <TextInput label={t('field.name')} required data-autofocus autoComplete="off" {...form.getInputProps('name')} />
          <TextInput label={t('field.email')} type="email" required autoComplete="off" description={t('create.emailHint')} {...form.getInputProps('email')} />
          <RoleSelect label={t('field.role')} required {...form.getInputProps('role')} />
          <NewPasswordField
            label={t('create.initialPassword')}
            description={t('create.initialPasswordHint', { min: PASSWORD_MIN })}
            visible={visible}
            onVisibilityChange={setVisible}
            onGenerate={(pw) => form.setFieldValue('password', pw)}
            {...passwordProps}
          />
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={close}>
              {t('common:action.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
