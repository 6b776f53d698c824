import { Link } from 'react-router';
import { Anchor, Badge, Button, Card, Group, PasswordInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Trans, useTranslation } from 'react-i18next';
import { z } from 'zod';
import { password as passwordSchema, PASSWORD_MIN, updateMeBody } from '../../../shared/schemas/user.js';
import { ApiError } from '../../api.js';
import { fieldMessage } from '../../i18n.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useMe } from '../../components/session.js';
import { FormError, useSchemaForm } from '../../components/useSchemaForm.js';
import { useChangePassword, useUpdateMyName } from './queries.js';
import { NotificationPreferencesCard } from '../notifications/NotificationPreferencesCard.js';
import { SessionsCard } from './SessionsCard.js';
import { LanguageCard } from './LanguageCard.js';

function NameCard() {
  const { t } = useTranslation(['profile', 'common', 'users']);
  const me = useMe();
  const update = useUpdateMyName();
  const form = useSchemaForm(updateMeBody, { name: me.user.name }, { labels: { name: t('account.name') } });

  const submit = form.submit(async (body) => {
    const saved = await update.mutateAsync(body);
    form.reset({ name: saved.user.name });
    notifications.show({ color: 'teal', message: t('account.saved') });
  });

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="account-heading">
      <Title order={2} size="h4" id="account-heading" mb="md">
        {t('account.heading')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError form={form} />
          <TextInput label={t('account.displayName')} description={t('account.displayNameHint')} autoComplete="name" required {...form.getInputProps('name')} />
          <TextInput label={t('account.email')} value={me.user.email} readOnly description={t('account.emailHint')} variant="filled" />
          <div>
            <Text size="sm" fw={500}>
              {t('account.role')}
            </Text>
            <Group gap="xs" mt={4}>
              <Badge variant="light">{t(`common:role.${me.user.role}`)}</Badge>
              <Text size="xs" c="dimmed">
                {t(`users:roleDescription.${me.user.role}`)}
              </Text>
            </Group>
          </div>
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
              {t('account.save')}
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
  const { t } = useTranslation('profile');
  const me = useMe();
  const change = useChangePassword();
  const form = useSchemaForm(
    passwordFormSchema,
    { currentPassword: '', newPassword: '', confirm: '' },
    {
      labels: { newPassword: t('password.newField') },
      // The password rule's message for an empty field too ("must be at least 12 characters"), as before.
      validate: (v) => {
        const parsed = passwordSchema.safeParse(v.newPassword);
        return {
          currentPassword: v.currentPassword ? undefined : t('password.enterCurrent'),
          newPassword: parsed.success
            ? v.newPassword === v.currentPassword
              ? t('password.sameAsCurrent')
              : undefined
            : parsed.error.issues[0] && fieldMessage(parsed.error.issues[0]),
          confirm: v.confirm === v.newPassword ? undefined : t('password.mismatch'),
        };
      },
    },
  );

  const submit = form.submit(async (body) => {
    try {
      await change.mutateAsync(body);
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && /invalid password/i.test(e.message)) {
        form.setErrors({ currentPassword: t('password.wrongCurrent') });
        return;
      }
      if (e instanceof ApiError && /credential account not found/i.test(e.message)) {
        throw new Error(t('password.singleSignOn'), { cause: e });
      }
      throw e;
    }
    form.reset();
    notifications.show({ color: 'teal', title: t('password.changed'), message: t('password.changedText') });
  });

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="password-heading">
      <Title order={2} size="h4" id="password-heading" mb={4}>
        {t('password.heading')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('password.description')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError form={form} />
          {/* Lets password managers attach the new password to the right account. */}
          <input type="text" name="username" autoComplete="username" value={me.user.email} readOnly hidden />
          <PasswordInput label={t('password.current')} autoComplete="current-password" required {...form.getInputProps('currentPassword')} />
          <PasswordInput
            label={t('password.new')}
            description={t('password.newHint', { min: PASSWORD_MIN })}
            autoComplete="new-password"
            required
            {...form.getInputProps('newPassword')}
          />
          <PasswordInput label={t('password.repeat')} autoComplete="new-password" required {...form.getInputProps('confirm')} />
          <Group justify="flex-end">
            <Button type="submit" loading={change.isPending}>
              {t('password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

export function ProfilePage() {
  const { t } = useTranslation('profile');
  return (
    <>
      <PageHeader title={t('page.title')} description={<Trans t={t} i18nKey="page.description" components={{ tokens: <Anchor component={Link} to="/tokens" inherit /> }} />} />
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
