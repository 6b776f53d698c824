import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Trans, useTranslation } from 'react-i18next';
import type { UserSession } from '../../../shared/schemas/session.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { useMe } from '../../components/session.js';
import { ErrorState, LoadingState } from '../../components/states.js';
import { formatRelative } from '../../lib/format.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { mySessionsQuery, useRevokeSession } from './queries.js';

// The device's name is the browser's own text: a component, so that Trans never reads it as markup.
const DeviceName = ({ name }: { name: string }) => <b>{name}</b>;

/** The profile's "Signed-in devices" section: where this account is signed in, and a way to end it there. */
export function SessionsCard() {
  const { t } = useTranslation('profile');
  const me = useMe();
  const sessions = useQuery(mySessionsQuery());
  const revoke = useRevokeSession(me.user.id);
  const [revoking, setRevoking] = useState<UserSession | null>(null);

  const confirmRevoke = () => {
    if (!revoking) return;
    revoke.mutate(revoking.id, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('sessions.revoked', { device: revoking.device }) });
        setRevoking(null);
      },
    });
  };

  // This device first, then the most recently used.
  const rows = [...(sessions.data ?? [])].sort((a, b) => Number(b.current) - Number(a.current) || b.lastUsedAt.localeCompare(a.lastUsedAt));

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="sessions-heading" mt="lg">
      <Title order={2} size="h4" id="sessions-heading" mb={4}>
        {t('sessions.heading')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('sessions.description')}
      </Text>
      {sessions.isPending ? (
        <LoadingState label={t('sessions.loading')} minHeight={80} />
      ) : sessions.isError ? (
        <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={0}>
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Caption className="visually-hidden">{t('sessions.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sessions.device')}</Table.Th>
                <Table.Th visibleFrom="sm">{t('sessions.address')}</Table.Th>
                <Table.Th>{t('sessions.lastUsed')}</Table.Th>
                <Table.Th visibleFrom="md">{t('sessions.signedIn')}</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">{t('sessions.actions')}</span>
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
                          {t('sessions.thisDevice')}
                        </Badge>
                      )}
                    </Group>
                    <Text size="xs" c="dimmed" hiddenFrom="sm">
                      {s.ipAddress ?? t('sessions.unknownAddress')}
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
                        aria-label={t('sessions.revokeLabel', { device: s.device, when: formatRelative(s.lastUsedAt) })}
                        onClick={() => {
                          revoke.reset();
                          setRevoking(s);
                        }}
                      >
                        {t('sessions.revoke')}
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
        title={t('sessions.confirmTitle')}
        confirmLabel={t('sessions.revoke')}
        danger
        loading={revoke.isPending}
        error={revoke.error}
      >
        {revoking && (
          <Trans
            t={t}
            i18nKey={revoking.ipAddress ? 'sessions.confirmTextWithAddress' : 'sessions.confirmText'}
            values={{ address: revoking.ipAddress }}
            components={{ device: <DeviceName name={revoking.device} /> }}
          />
        )}
      </ConfirmDialog>
    </Card>
  );
}
