import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Divider, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconShieldLock } from '@tabler/icons-react';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../../api.js';
import { i18n } from '../../i18n.js';
import { AuthLayout } from '../../components/AuthLayout.js';
import { FullPageLoader } from '../../components/states.js';
import { FormError, useSchemaForm } from '../../components/useSchemaForm.js';
import { meQuery, safeNext, setupQuery, useSignIn, useSingleSignOn } from '../../lib/session.js';

function signInMessage(e: unknown): string {
  if (e instanceof ApiError) {
    // Deliberately the same sentence whether or not the e-mail has an account.
    if (e.status === 401) return i18n.t('session:signIn.wrongCredentials');
    if (e.status === 429) return i18n.t('session:signIn.tooManyAttempts');
  }
  return errorMessage(e);
}

// The errors better-auth sends back to the page, worded in `session:ssoError`.
const SSO_ERRORS = ['signup_disabled', 'access_denied', 'account_not_linked', 'unable_to_create_session', 'state_mismatch', 'account_deactivated'] as const;
const isSsoError = (code: string): code is (typeof SSO_ERRORS)[number] => (SSO_ERRORS as readonly string[]).includes(code);

// What is sent: the address as typed without surrounding spaces, the password exactly as typed.
const signInSchema = z.object({ email: z.string().trim(), password: z.string() });

export function SignInPage() {
  const { t } = useTranslation('session');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useQuery(meQuery());
  const setup = useQuery(setupQuery());
  const signIn = useSignIn();
  const sso = useSingleSignOn();
  const next = safeNext(params.get('next'));
  const form = useSchemaForm(
    signInSchema,
    { email: '', password: '' },
    {
      labels: { email: t('signIn.email'), password: t('signIn.password') },
      validate: (v) => ({ email: v.email.trim() ? undefined : t('signIn.enterEmail'), password: v.password ? undefined : t('signIn.enterPassword') }),
    },
  );

  if (me.isPending || setup.isPending) return <FullPageLoader />;
  if (me.data) return <Navigate to={next} replace />;
  if (setup.data?.needsSetup) return <Navigate to="/setup" replace />;

  const submit = form.submit(async (body) => {
    try {
      await signIn.mutateAsync(body);
    } catch (e) {
      form.setFieldValue('password', '');
      throw new Error(signInMessage(e), { cause: e });
    }
    await navigate(next, { replace: true });
  });

  // Out of the JSX: eslint-plugin-i18next takes this field name inside a password input's spread for text.
  const passwordProps = form.getInputProps('password');
  const ssoError = params.get('error');
  const ssoName = setup.data?.sso.enabled ? (setup.data.sso.name ?? t('signIn.ssoDefaultName')) : null;

  return (
    <AuthLayout title={t('signIn.title')} description={t('signIn.description')}>
      <Stack gap="md">
        {params.get('signedOut') && !form.formError && (
          <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} role="status">
            {t('signIn.signedOut')}
          </Alert>
        )}
        {ssoError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
            {isSsoError(ssoError) ? t(`ssoError.${ssoError}`) : t('signIn.ssoIncomplete', { code: ssoError })}
          </Alert>
        )}
        {setup.isError && (
          <Alert color="yellow" variant="light" role="status">
            {t('signIn.ssoUnknown', { message: errorMessage(setup.error) })}
          </Alert>
        )}
        {ssoName && (
          <>
            <Button variant="default" size="md" leftSection={<IconShieldLock size={18} aria-hidden />} loading={sso.isPending} onClick={() => sso.mutate(next)} fullWidth>
              {t('signIn.continueWith', { name: ssoName })}
            </Button>
            {sso.isError && (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(sso.error)}
              </Alert>
            )}
            <Divider label={t('signIn.orWithEmail')} labelPosition="center" />
          </>
        )}
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <FormError form={form} />
            <TextInput label={t('signIn.email')} type="email" autoComplete="username" required autoFocus {...form.getInputProps('email')} />
            <PasswordInput label={t('signIn.password')} autoComplete="current-password" required {...passwordProps} />
            <Button type="submit" loading={signIn.isPending} fullWidth mt="xs">
              {t('signIn.submit')}
            </Button>
            <Text size="xs" c="dimmed" ta="center">
              {t('signIn.forgot')}
            </Text>
          </Stack>
        </form>
      </Stack>
    </AuthLayout>
  );
}
