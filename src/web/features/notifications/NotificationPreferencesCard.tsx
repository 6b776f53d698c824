import { useQuery } from '@tanstack/react-query';
import { Card, Radio, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications as toast } from '@mantine/notifications';
import type { DigestFrequency } from '../../../shared/rhythm.js';
import type { NotificationPreferences } from '../../../shared/schemas/notification.js';
import { errorMessage } from '../../api.js';
import { useMe } from '../../components/session.js';
import { ErrorState, LoadingState } from '../../components/states.js';
import { preferencesQuery, useUpdatePreferences } from './queries.js';

const DIGESTS: { value: DigestFrequency; label: string; description: string }[] = [
  { value: 'daily', label: 'Daily', description: 'Every morning at 07:00' },
  { value: 'weekly', label: 'Weekly', description: 'Mondays at 07:00' },
  { value: 'off', label: 'Off', description: 'No personal digest' },
];

/** The profile's "Notifications" section: each change is saved at once. */
export function NotificationPreferencesCard() {
  const me = useMe();
  const prefs = useQuery(preferencesQuery());
  const update = useUpdatePreferences(me.user.id);
  const save = (change: Partial<NotificationPreferences>) =>
    update.mutate(change, {
      onSuccess: () => toast.show({ color: 'teal', message: 'Notification settings saved.' }),
      onError: (e) => toast.show({ color: 'red', title: 'Not saved', message: errorMessage(e) }),
    });

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="notifications-heading" id="notifications">
      <Title order={2} size="h4" id="notifications-heading" mb={4}>
        Notifications
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Reminders always reach your inbox. Choose what also comes by e-mail to {me.user.email}; every mail has a link to stop it.
      </Text>
      {prefs.isPending ? (
        <LoadingState label="Loading your settings…" minHeight={120} />
      ) : prefs.isError ? (
        <ErrorState error={prefs.error} onRetry={() => void prefs.refetch()} />
      ) : (
        <Stack gap="lg">
          <Switch
            label="Reminders by e-mail"
            description="Tasks due or overdue, partners overdue for contact, meetings in the next 24 hours, onboarding steps due."
            checked={prefs.data.emailReminders}
            onChange={(e) => save({ emailReminders: e.currentTarget.checked })}
          />
          <Radio.Group
            label="Personal digest"
            description="Your tasks, partners to contact, meetings ahead and news about your partners."
            value={prefs.data.digest}
            onChange={(v) => save({ digest: v as DigestFrequency })}
          >
            <Stack gap="xs" mt="xs">
              {DIGESTS.map((d) => (
                <Radio key={d.value} value={d.value} label={d.label} description={d.description} />
              ))}
            </Stack>
          </Radio.Group>
          <Switch
            label="Weekly team digest"
            description="Mondays: the topics marked “inform the team” and the important timeline entries of the past week."
            checked={prefs.data.teamDigest}
            onChange={(e) => save({ teamDigest: e.currentTarget.checked })}
          />
        </Stack>
      )}
    </Card>
  );
}
