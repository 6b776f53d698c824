import { Navigate, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { PASSWORD_MIN, setupBody } from '../../../shared/schemas/user.js';
import { AuthLayout } from '../../components/AuthLayout.js';
import { ErrorState, FullPageLoader } from '../../components/states.js';
import { FormError, useSchemaForm } from '../../components/useSchemaForm.js';
import { setupQuery, useCreateFirstAdmin, useSignIn } from '../../lib/session.js';

/** First run: creates the first administrator, then signs them in. */
export function SetupPage() {
  const setup = useQuery(setupQuery());
  const navigate = useNavigate();
  const create = useCreateFirstAdmin();
  const signIn = useSignIn();
  const form = useSchemaForm(
    setupBody,
    { name: '', email: '', password: '', confirm: '' },
    {
      labels: { name: 'Name', email: 'E-mail', password: 'Password' },
      validate: (v) => ({ confirm: v.confirm !== v.password ? 'The two passwords are not the same' : undefined }),
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
      notifications.show({ color: 'teal', title: `Welcome, ${body.name}`, message: 'Your administrator account is ready. Invite your colleagues from Users.' });
      await navigate('/', { replace: true });
    } catch {
      await navigate('/sign-in', { replace: true });
    }
  });

  const busy = create.isPending || signIn.isPending;
  return (
    <AuthLayout
      title="Set up Partnerhub"
      description="Create the first administrator account. You will add your colleagues and their roles afterwards."
      footer="This page is only available until the first account exists."
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError form={form} />
          <TextInput label="Your name" autoComplete="name" required data-autofocus autoFocus {...form.getInputProps('name')} />
          <TextInput label="Work e-mail" type="email" autoComplete="email" required {...form.getInputProps('email')} />
          <PasswordInput
            label="Password"
            description={`At least ${PASSWORD_MIN} characters. A phrase of a few words is easy to remember and hard to guess.`}
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <PasswordInput label="Repeat the password" autoComplete="new-password" required {...form.getInputProps('confirm')} />
          <Button type="submit" loading={busy} fullWidth mt="xs">
            Create administrator
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
