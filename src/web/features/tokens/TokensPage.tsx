import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ActionIcon, Badge, Button, Card, Code, Group, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconKey, IconPlus, IconTrash } from '@tabler/icons-react';
import type { ApiToken } from '../../../shared/schemas/token.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryStates } from '../../components/QueryStates.js';
import { EmptyState } from '../../components/states.js';
import { formatDate, formatDateTime, formatRelative } from '../../lib/format.js';
import { CreateTokenModal } from './CreateTokenModal.js';
import { tokensQuery, tokenStatus, useRevokeToken, type TokenStatus } from './queries.js';

const STATUS: Record<TokenStatus, { label: string; color: string }> = {
  active: { label: 'Active', color: 'teal' },
  expired: { label: 'Expired', color: 'orange' },
  revoked: { label: 'Revoked', color: 'gray' },
};

function When({ iso, relative }: { iso: string | null; relative?: boolean }) {
  if (!iso) return <>—</>;
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {relative ? formatRelative(iso) : formatDate(iso)}
    </time>
  );
}

export function TokensPage() {
  const tokens = useQuery(tokensQuery());
  const revoke = useRevokeToken();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  const confirmRevoke = () => {
    if (!revoking) return;
    revoke.mutate(revoking.id, {
      onSuccess: (t) => {
        setRevoking(null);
        notifications.show({ color: 'teal', message: `“${t.name}” is revoked. Requests with it are refused from now on.` });
      },
    });
  };

  const newButton = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
      New token
    </Button>
  );

  // Usable tokens first, then the newest.
  const rows = [...(tokens.data ?? [])].sort((a, b) => Number(tokenStatus(a) !== 'active') - Number(tokenStatus(b) !== 'active') || b.createdAt.localeCompare(a.createdAt));

  return (
    <>
      <PageHeader
        title="API tokens"
        description="Tokens let scripts and integrations use the Partnerhub API as you, with your role’s permissions."
        actions={tokens.data?.length ? newButton : undefined}
      />
      <QueryStates
        query={tokens}
        loading="Loading tokens…"
        isEmpty={(list) => list.length === 0}
        empty={
          <Card withBorder radius="md">
            <EmptyState
              icon={<IconKey size={24} aria-hidden />}
              title="No API tokens yet"
              description="Create one for each script or integration, so you can revoke one without breaking the others."
              action={newButton}
            />
          </Card>
        }
      >
        {() => (
          <Card withBorder radius="md" padding={0}>
            <Table.ScrollContainer minWidth={0}>
              <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
                <Table.Caption className="visually-hidden">Your API tokens</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th visibleFrom="sm">Token</Table.Th>
                    <Table.Th visibleFrom="sm">Last used</Table.Th>
                    <Table.Th visibleFrom="md">Created</Table.Th>
                    <Table.Th visibleFrom="md">Expires</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>
                      <span className="visually-hidden">Actions</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((t) => {
                    const status = tokenStatus(t);
                    return (
                      <Table.Tr key={t.id} data-status={status}>
                        <Table.Td>
                          <Text size="sm" fw={500} c={status === 'active' ? undefined : 'dimmed'} style={{ overflowWrap: 'anywhere' }}>
                            {t.name}
                          </Text>
                          <Text size="xs" c="dimmed" hiddenFrom="sm">
                            Last used {t.lastUsedAt ? <When iso={t.lastUsedAt} relative /> : 'never'}
                            {t.expiresAt && status === 'active' ? (
                              <>
                                {' '}
                                · expires <When iso={t.expiresAt} />
                              </>
                            ) : null}
                          </Text>
                        </Table.Td>
                        <Table.Td visibleFrom="sm">
                          <Code>{t.prefix}…</Code>
                        </Table.Td>
                        <Table.Td visibleFrom="sm">
                          <Text size="sm">
                            {t.lastUsedAt ? (
                              <When iso={t.lastUsedAt} relative />
                            ) : (
                              <Text span size="sm" c="dimmed">
                                Never
                              </Text>
                            )}
                          </Text>
                        </Table.Td>
                        <Table.Td visibleFrom="md">
                          <Text size="sm">
                            <When iso={t.createdAt} />
                          </Text>
                        </Table.Td>
                        <Table.Td visibleFrom="md">
                          <Text size="sm">{t.expiresAt ? <When iso={t.expiresAt} /> : 'Never'}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={STATUS[status].color}>
                            {STATUS[status].label}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          {status !== 'revoked' && (
                            <Tooltip label="Revoke">
                              <ActionIcon
                                variant="subtle"
                                color="red"
                                aria-label={`Revoke ${t.name}`}
                                onClick={() => {
                                  revoke.reset();
                                  setRevoking(t);
                                }}
                              >
                                <IconTrash size={18} aria-hidden />
                              </ActionIcon>
                            </Tooltip>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
        )}
      </QueryStates>
      {tokens.data && tokens.data.length > 0 && (
        <Group mt="sm">
          <Text size="xs" c="dimmed">
            Send a token in the header <Code>Authorization: Bearer ph_…</Code>. “Last used” is updated at most once a minute. Deactivating an account revokes all its tokens.
          </Text>
        </Group>
      )}

      <CreateTokenModal opened={creating} onClose={() => setCreating(false)} />
      <ConfirmDialog
        opened={revoking !== null}
        onClose={() => setRevoking(null)}
        onConfirm={confirmRevoke}
        title="Revoke this token?"
        confirmLabel="Revoke token"
        danger
        loading={revoke.isPending}
        error={revoke.error}
      >
        Scripts using <b>{revoking?.name}</b> will be refused from now on. This cannot be undone; create a new token if you need one again.
      </ConfirmDialog>
    </>
  );
}
