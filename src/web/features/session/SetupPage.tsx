import { Navigate, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN, setupBody } from '../../../shared/schemas/user.js';
import { AuthLayout } from '../../components/AuthLayout.js';
import { ErrorState, FullPageLoader } from '../../components/states.js';
import { FormError, useSchemaForm } from '../../components/useSchemaForm.js';
import { setupQuery, useCreateFirstAdmin, useSignIn } from '../../lib/session.js';

/** First run: creates the first administrator, then signs them in. */
export function SetupPage() {
  const { t } = useTranslation('session');
  const setup = useQuery(setupQuery());
  const navigate = useNavigate();
  const create = useCreateFirstAdmin();
  const signIn = useSignIn();
  const form = useSchemaForm(
    setupBody,
    { name: '', email: '', password: '', confirm: '' },
    {
      labels: { name: t('setup.name'), email: t('setup.email'), password: t('setup.password') },
      validate: (v) => ({ confirm: v.confirm !== v.password ? t('setup.mismatch') : undefined }),
    },
  );

  if (setup.isPending) return <FullPageLoader />;
  if (setup.isError) {
    return (
      <AuthLayout title="Partnerhub">
        <ErrorState error={setup.error} onRetry={() => void setup.refetch()} />
      </AuthLayout>
    );
  }
  // Only while no account exists; afterwards the page is gone for good.
  if (!setup.data.needsSetup && !create.isSuccess) return <Navigate to="/sign-in" replace />;

  // The repeated password is not part of the body: the schema leaves it out.
  const submit = form.submit(async (body) => {
    await create.mutateAsync(body);
    try {
      await signIn.mutateAsync({ email: body.email, password: body.password });
      notifications.show({ color: 'teal', title: t('setup.welcome', { name: body.name }), message: t('setup.ready') });
      await navigate('/', { replace: true });
    } catch {
      await navigate('/sign-in', { replace: true });
    }
  });

  // Out of the JSX: eslint-plugin-i18next takes this field name inside a password input's spread for text.
  const passwordProps = form.getInputProps('password');
  const busy = create.isPending || signIn.isPending;
  return (
    <AuthLayout title={t('setup.title')} description={t('setup.description')} footer={t('setup.footer')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError form={form} />
          <TextInput label={t('setup.yourName')} autoComplete="name" required data-autofocus autoFocus {...form.getInputProps('name')} />
          <TextInput label={t('setup.workEmail')} type="email" autoComplete="email" required {...form.getInputProps('email')} />
          <PasswordInput label={t('setup.password')} description={t('setup.passwordHint', { min: PASSWORD_MIN })} autoComplete="new-password" required {...passwordProps} />
          <PasswordInput label={t('setup.repeat')} autoComplete="new-password" required {...form.getInputProps('confirm')} />
          <Button type="submit" loading={busy} fullWidth mt="xs">
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
