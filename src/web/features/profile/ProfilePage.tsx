import { Link } from 'react-router';
import { Anchor, Badge, Button, Card, Group, PasswordInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { z } from 'zod';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '../../../shared/roles.js';
import { password as passwordSchema, PASSWORD_MIN, updateMeBody } from '../../../shared/schemas/user.js';
import { ApiError } from '../../api.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useMe } from '../../components/session.js';
import { FormError, useSchemaForm } from '../../components/useSchemaForm.js';
import { useChangePassword, useUpdateMyName } from './queries.js';
import { NotificationPreferencesCard } from '../notifications/NotificationPreferencesCard.js';
import { SessionsCard } from './SessionsCard.js';
import { LanguageCard } from './LanguageCard.js';

function NameCard() {
  const me = useMe();
  const update = useUpdateMyName();
  const form = useSchemaForm(updateMeBody, { name: me.user.name }, { labels: { name: 'Name' } });

  const submit = form.submit(async (body) => {
    const saved = await update.mutateAsync(body);
    form.reset({ name: saved.user.name });
    notifications.show({ color: 'teal', message: 'Your name is saved.' });
  });

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="account-heading">
      <Title order={2} size="h4" id="account-heading" mb="md">
        Account
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError form={form} />
          <TextInput label="Display name" description="Shown to your colleagues and in the history of records." autoComplete="name" required {...form.getInputProps('name')} />
          <TextInput label="E-mail" value={me.user.email} readOnly description="The address you sign in with." variant="filled" />
          <div>
            <Text size="sm" fw={500}>
              Role
            </Text>
            <Group gap="xs" mt={4}>
              <Badge variant="light">{ROLE_LABELS[me.user.role]}</Badge>
              <Text size="xs" c="dimmed">
                {ROLE_DESCRIPTIONS[me.user.role]}
              </Text>
            </Group>
          </div>
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
              Save name
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

// The body is the two passwords; the repetition only guards against a typo.
const passwordFormSchema = z
  .object({ currentPassword: z.string(), newPassword: passwordSchema, confirm: z.string() })
  .transform(({ currentPassword, newPassword }) => ({ currentPassword, newPassword }));

function PasswordCard() {
  const me = useMe();
  const change = useChangePassword();
  const form = useSchemaForm(
    passwordFormSchema,
    { currentPassword: '', newPassword: '', confirm: '' },
    {
      labels: { newPassword: 'The new password' },
      // The password rule's message for an empty field too ("must be at least 12 characters"), as before.
      validate: (v) => {
        const parsed = passwordSchema.safeParse(v.newPassword);
        return {
          currentPassword: v.currentPassword ? undefined : 'Enter your current password',
          newPassword: parsed.success ? (v.newPassword === v.currentPassword ? 'The new password must differ from the current one' : undefined) : parsed.error.issues[0]?.message,
          confirm: v.confirm === v.newPassword ? undefined : 'The two new passwords are not the same',
        };
      },
    },
  );

  const submit = form.submit(async (body) => {
    try {
      await change.mutateAsync(body);
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && /invalid password/i.test(e.message)) {
        form.setErrors({ currentPassword: 'This is not your current password' });
        return;
      }
      if (e instanceof ApiError && /credential account not found/i.test(e.message)) {
        throw new Error('Your account signs in with single sign-on and has no Partnerhub password to change.', { cause: e });
      }
      throw e;
    }
    form.reset();
    notifications.show({ color: 'teal', title: 'Password changed', message: 'You stay signed in here; your other sessions were signed out.' });
  });

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="password-heading">
      <Title order={2} size="h4" id="password-heading" mb={4}>
        Password
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Changing it signs you out on every other device.
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError form={form} />
          {/* Lets password managers attach the new password to the right account. */}
          <input type="text" name="username" autoComplete="username" value={me.user.email} readOnly hidden />
          <PasswordInput label="Current password" autoComplete="current-password" required {...form.getInputProps('currentPassword')} />
          <PasswordInput label="New password" description={`At least ${PASSWORD_MIN} characters.`} autoComplete="new-password" required {...form.getInputProps('newPassword')} />
          <PasswordInput label="Repeat the new password" autoComplete="new-password" required {...form.getInputProps('confirm')} />
          <Group justify="flex-end">
            <Button type="submit" loading={change.isPending}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

export function ProfilePage() {
  return (
    <>
      <PageHeader
        title="Profile"
        description={
          <>
            Your name, password, notifications and signed-in devices. Scripts and integrations use{' '}
            <Anchor component={Link} to="/tokens" inherit>
              API tokens
            </Anchor>{' '}
            instead.
          </>
        }
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <NameCard />
        <PasswordCard />
        <NotificationPreferencesCard />
        <LanguageCard />
      </SimpleGrid>
      <SessionsCard />
    </>
  );
}
