import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Code, CopyButton, Group, Paper, Select, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarPlus, IconCheck, IconCopy } from '@tabler/icons-react';
import type { CalendarFeedScope } from '../../../shared/rhythm.js';
import type { CreatedCalendarFeed } from '../../../shared/schemas/calendar.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ErrorState, LoadingState } from '../../components/states.js';
import { formatDateTime } from '../../lib/format.js';
import { PartnerFilter } from '../contacts/PartnerFilter.js';
import { feedsQuery, useCreateFeed, useRevokeFeed } from './queries.js';

/**
 * Secret calendar URLs for calendar programs: your meetings and deadlines, or one partner's. The URL is
 * shown once (only a hash is kept); a leaked URL is revoked here and a new one made.
 */
export function CalendarFeeds() {
  const feeds = useQuery(feedsQuery());
  const create = useCreateFeed();
  const revoke = useRevokeFeed();
  const [scope, setScope] = useState<CalendarFeedScope>('user');
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedCalendarFeed | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);

  const add = () =>
    create.mutate(scope === 'user' ? { scope } : { scope, partnerId: partnerId ?? undefined }, {
      onSuccess: (f) => setCreated(f),
      onError: (e) => notifications.show({ color: 'red', message: e.message }),
    });

  const active = (feeds.data ?? []).filter((f) => !f.revokedAt);
  return (
    <section aria-labelledby="feeds-heading">
      <Title order={2} size="h4" id="feeds-heading" mb={4}>
        Calendar feeds
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Subscribe in Outlook, Google Calendar or Apple Calendar to see meetings and due dates. Anyone with the URL can read the feed: keep it to yourself, and revoke it if it
        leaks.
      </Text>
      <Paper withBorder radius="md" p="sm" mb="sm">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select
            label="Feed of"
            allowDeselect={false}
            data={[
              { value: 'user', label: 'My meetings and tasks' },
              { value: 'partner', label: 'One partner' },
            ]}
            value={scope}
            onChange={(v) => setScope((v ?? 'user') as CalendarFeedScope)}
            w={220}
          />
          {scope === 'partner' && <PartnerFilter value={partnerId} onChange={setPartnerId} />}
          <Button leftSection={<IconCalendarPlus size={16} aria-hidden />} onClick={add} loading={create.isPending} disabled={scope === 'partner' && !partnerId}>
            Create feed URL
          </Button>
        </Group>
      </Paper>
      {created && (
        <Alert color="teal" variant="light" mb="sm" title="Your new feed URL" withCloseButton closeButtonLabel="Hide the URL" onClose={() => setCreated(null)}>
          <Stack gap="xs">
            <Text size="sm">Copy it now: it is not shown again.</Text>
            <Code block style={{ wordBreak: 'break-all' }} data-testid="feed-url">
              {created.url}
            </Code>
            <CopyButton value={created.url}>
              {({ copied, copy }) => (
                <Button size="xs" variant="light" onClick={copy} leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />} w="fit-content">
                  {copied ? 'Copied' : 'Copy URL'}
                </Button>
              )}
            </CopyButton>
          </Stack>
        </Alert>
      )}
      {feeds.isPending ? (
        <LoadingState />
      ) : feeds.isError ? (
        <ErrorState error={feeds.error} onRetry={() => void feeds.refetch()} />
      ) : active.length === 0 ? (
        <Text size="sm" c="dimmed">
          You have no calendar feed yet.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing="xs" aria-label="Your calendar feeds">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Feed</Table.Th>
                <Table.Th>Starts with</Table.Th>
                <Table.Th>Last used</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {active.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>{f.partner ? `Partner: ${f.partner.name}` : 'My meetings and tasks'}</Table.Td>
                  <Table.Td>
                    <Code>{f.prefix}…</Code>
                  </Table.Td>
                  <Table.Td>{f.lastUsedAt ? formatDateTime(f.lastUsedAt) : 'Never'}</Table.Td>
                  <Table.Td ta="right">
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => setRevoking(f.id)}
                      aria-label={`Revoke the feed ${f.partner ? `of ${f.partner.name}` : 'of my meetings and tasks'} starting with ${f.prefix}`}
                    >
                      Revoke
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ConfirmDialog
        opened={revoking !== null}
        onClose={() => setRevoking(null)}
        title="Revoke this feed?"
        confirmLabel="Revoke"
        danger
        loading={revoke.isPending}
        error={revoke.error}
        onConfirm={() =>
          revoking &&
          revoke.mutate(revoking, {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: 'The feed URL no longer works. Calendars subscribed to it stop updating.' });
              setRevoking(null);
            },
          })
        }
      >
        Calendars subscribed to this URL stop updating. You can create a new URL at any time.
      </ConfirmDialog>
    </section>
  );
}
