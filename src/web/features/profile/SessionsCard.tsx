import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { UserSession } from '../../../shared/schemas/session.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { useMe } from '../../components/session.js';
import { ErrorState, LoadingState } from '../../components/states.js';
import { formatRelative } from '../../lib/format.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { mySessionsQuery, useRevokeSession } from './queries.js';

/** The profile's "Signed-in devices" section: where this account is signed in, and a way to end it there. */
export function SessionsCard() {
  const me = useMe();
  const sessions = useQuery(mySessionsQuery());
  const revoke = useRevokeSession(me.user.id);
  const [revoking, setRevoking] = useState<UserSession | null>(null);

  const confirmRevoke = () => {
    if (!revoking) return;
    revoke.mutate(revoking.id, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: `${revoking.device} is signed out.` });
        setRevoking(null);
      },
    });
  };

  // This device first, then the most recently used.
  const rows = [...(sessions.data ?? [])].sort((a, b) => Number(b.current) - Number(a.current) || b.lastUsedAt.localeCompare(a.lastUsedAt));

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="sessions-heading" mt="lg">
      <Title order={2} size="h4" id="sessions-heading" mb={4}>
        Signed-in devices
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Browsers where you are signed in. Sign out one you do not recognise or no longer use, then change your password if you did not sign in there.
      </Text>
      {sessions.isPending ? (
        <LoadingState label="Loading devices…" minHeight={80} />
      ) : sessions.isError ? (
        <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={0}>
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Caption className="visually-hidden">Your signed-in devices</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Device</Table.Th>
                <Table.Th visibleFrom="sm">Address</Table.Th>
                <Table.Th>Last used</Table.Th>
                <Table.Th visibleFrom="md">Signed in</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((s) => (
                <Table.Tr key={s.id} data-current={s.current || undefined}>
                  <Table.Td>
                    <Group gap="xs">
                      <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                        {s.device}
                      </Text>
                      {s.current && (
                        <Badge variant="light" color="teal">
                          This device
                        </Badge>
                      )}
                    </Group>
                    <Text size="xs" c="dimmed" hiddenFrom="sm">
                      {s.ipAddress ?? 'Unknown address'}
                    </Text>
                  </Table.Td>
                  <Table.Td visibleFrom="sm">
                    <Text size="sm" ff="monospace">
                      {s.ipAddress ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      <RelativeTime iso={s.lastUsedAt} precise />
                    </Text>
                  </Table.Td>
                  <Table.Td visibleFrom="md">
                    <Text size="sm">
                      <RelativeTime iso={s.createdAt} precise />
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {!s.current && (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        aria-label={`Revoke ${s.device}, last used ${formatRelative(s.lastUsedAt)}`}
                        onClick={() => {
                          revoke.reset();
                          setRevoking(s);
                        }}
                      >
                        Revoke
                      </Button>
                    )}
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
        onConfirm={confirmRevoke}
        title="Sign out this device?"
        confirmLabel="Revoke"
        danger
        loading={revoke.isPending}
        error={revoke.error}
      >
        <b>{revoking?.device}</b>
        {revoking?.ipAddress ? ` (${revoking.ipAddress})` : ''} is signed out at its next request and must sign in again to use Partnerhub.
      </ConfirmDialog>
    </Card>
  );
}
