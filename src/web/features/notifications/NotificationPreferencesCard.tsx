import { useQuery } from '@tanstack/react-query';
import { Card, Radio, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications as toast } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { DigestFrequency } from '../../../shared/rhythm.js';
import type { NotificationPreferences } from '../../../shared/schemas/notification.js';
import { errorMessage } from '../../api.js';
import { useMe } from '../../components/session.js';
import { ErrorState, LoadingState } from '../../components/states.js';
import { preferencesQuery, useUpdatePreferences } from './queries.js';

// Most often first; their words are `preferences.digestFrequency.<value>`.
const DIGESTS: DigestFrequency[] = ['daily', 'weekly', 'off'];

/** The profile's "Notifications" section: each change is saved at once. */
export function NotificationPreferencesCard() {
  const { t } = useTranslation('notifications');
  const me = useMe();
  const prefs = useQuery(preferencesQuery());
  const update = useUpdatePreferences(me.user.id);
  const save = (change: Partial<NotificationPreferences>) =>
    update.mutate(change, {
      onSuccess: () => toast.show({ color: 'teal', message: t('preferences.saved') }),
      onError: (e) => toast.show({ color: 'red', title: t('preferences.notSaved'), message: errorMessage(e) }),
    });

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="notifications-heading" id="notifications">
      <Title order={2} size="h4" id="notifications-heading" mb={4}>
        {t('preferences.heading')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('preferences.description', { email: me.user.email })}
      </Text>
      {prefs.isPending ? (
        <LoadingState label={t('preferences.loading')} minHeight={120} />
      ) : prefs.isError ? (
        <ErrorState error={prefs.error} onRetry={() => void prefs.refetch()} />
      ) : (
        <Stack gap="lg">
          <Switch
            label={t('preferences.reminders')}
            description={t('preferences.remindersHint')}
            checked={prefs.data.emailReminders}
            onChange={(e) => save({ emailReminders: e.currentTarget.checked })}
          />
          <Radio.Group label={t('preferences.digest')} description={t('preferences.digestHint')} value={prefs.data.digest} onChange={(v) => save({ digest: v as DigestFrequency })}>
            <Stack gap="xs" mt="xs">
              {DIGESTS.map((d) => (
                <Radio key={d} value={d} label={t(`preferences.digestFrequency.${d}`)} description={t(`preferences.digestFrequencyHint.${d}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <Switch
            label={t('preferences.teamDigest')}
            description={t('preferences.teamDigestHint')}
            checked={prefs.data.teamDigest}
            onChange={(e) => save({ teamDigest: e.currentTarget.checked })}
          />
        </Stack>
      )}
    </Card>
  );
}
