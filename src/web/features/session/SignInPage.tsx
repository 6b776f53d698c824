import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Divider, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconShieldLock } from '@tabler/icons-react';
import { z } from 'zod';
import { ApiError, errorMessage } from '../../api.js';
import { AuthLayout } from '../../components/AuthLayout.js';
import { FullPageLoader } from '../../components/states.js';
import { FormError, useSchemaForm } from '../../components/useSchemaForm.js';
import { meQuery, safeNext, setupQuery, useSignIn, useSingleSignOn } from '../../lib/session.js';

function signInMessage(e: unknown): string {
  if (e instanceof ApiError) {
    // Deliberately the same sentence whether or not the e-mail has an account.
    if (e.status === 401) return 'The e-mail or the password is wrong. Check both and try again.';
    if (e.status === 429) return 'Too many attempts. Wait a minute, then try again.';
  }
  return errorMessage(e);
}

const SSO_ERRORS: Record<string, string> = {
  signup_disabled: 'Your single sign-on account has no Partnerhub account yet. Ask an administrator to add you.',
  access_denied: 'Single sign-on was cancelled.',
  account_not_linked: 'This e-mail already has a Partnerhub account that is not linked to single sign-on. Sign in with your password, or ask an administrator.',
  unable_to_create_session: 'Partnerhub could not start your session. If your account was deactivated, ask an administrator.',
  state_mismatch: 'The single sign-on attempt expired or was started in another tab. Try again.',
  account_deactivated: 'Your Partnerhub account is deactivated. Ask an administrator.',
};

// What is sent: the address as typed without surrounding spaces, the password exactly as typed.
const signInSchema = z.object({ email: z.string().trim(), password: z.string() });

export function SignInPage() {
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
      labels: { email: 'E-mail', password: 'Password' },
      validate: (v) => ({ email: v.email.trim() ? undefined : 'Enter your e-mail address', password: v.password ? undefined : 'Enter your password' }),
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

  const ssoError = params.get('error');
  const ssoName = setup.data?.sso.enabled ? (setup.data.sso.name ?? 'single sign-on') : null;

  return (
    <AuthLayout title="Sign in to Partnerhub" description="Your partners, deals and certifications in one place.">
      <Stack gap="md">
        {params.get('signedOut') && !form.formError && (
          <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} role="status">
            You are signed out.
          </Alert>
        )}
        {ssoError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
            {SSO_ERRORS[ssoError] ?? `Single sign-on did not complete (${ssoError}). Try again or use your password.`}
          </Alert>
        )}
        {setup.isError && (
          <Alert color="yellow" variant="light" role="status">
            Partnerhub could not tell whether single sign-on is available: {errorMessage(setup.error)}
          </Alert>
        )}
        {ssoName && (
          <>
            <Button variant="default" size="md" leftSection={<IconShieldLock size={18} aria-hidden />} loading={sso.isPending} onClick={() => sso.mutate(next)} fullWidth>
              Continue with {ssoName}
            </Button>
            {sso.isError && (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(sso.error)}
              </Alert>
            )}
            <Divider label="or with your e-mail" labelPosition="center" />
          </>
        )}
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <FormError form={form} />
            <TextInput label="E-mail" type="email" autoComplete="username" required autoFocus {...form.getInputProps('email')} />
            <PasswordInput label="Password" autoComplete="current-password" required {...form.getInputProps('password')} />
            <Button type="submit" loading={signIn.isPending} fullWidth mt="xs">
              Sign in
            </Button>
            <Text size="xs" c="dimmed" ta="center">
              Forgot your password? Contact your Partnerhub administrator.
            </Text>
          </Stack>
        </form>
      </Stack>
    </AuthLayout>
  );
}
