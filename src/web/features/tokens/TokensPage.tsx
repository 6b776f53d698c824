import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ActionIcon, Badge, Button, Card, Code, Group, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Trans, useTranslation } from 'react-i18next';
import { IconKey, IconPlus, IconTrash } from '@tabler/icons-react';
import type { ApiToken } from '../../../shared/schemas/token.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryStates } from '../../components/QueryStates.js';
import { EmptyState } from '../../components/states.js';
import { formatDate, formatDateTime, formatRelative } from '../../lib/format.js';
import { CreateTokenModal } from './CreateTokenModal.js';
import { tokensQuery, tokenStatus, useRevokeToken, type TokenStatus } from './queries.js';

const STATUS_COLOR: Record<TokenStatus, string> = { active: 'teal', expired: 'orange', revoked: 'gray' };

function When({ iso, relative }: { iso: string | null; relative?: boolean }) {
  if (!iso) return <>—</>;
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {relative ? formatRelative(iso) : formatDate(iso)}
    </time>
  );
}

export function TokensPage() {
  const { t } = useTranslation('tokens');
  const tokens = useQuery(tokensQuery());
  const revoke = useRevokeToken();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  const confirmRevoke = () => {
    if (!revoking) return;
    revoke.mutate(revoking.id, {
      onSuccess: (token) => {
        setRevoking(null);
        notifications.show({ color: 'teal', message: t('page.revoked', { name: token.name }) });
      },
    });
  };

  const newButton = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
      {t('page.new')}
    </Button>
  );

  // Usable tokens first, then the newest.
  const rows = [...(tokens.data ?? [])].sort((a, b) => Number(tokenStatus(a) !== 'active') - Number(tokenStatus(b) !== 'active') || b.createdAt.localeCompare(a.createdAt));

  return (
    <>
      <PageHeader title={t('page.title')} description={t('page.description')} actions={tokens.data?.length ? newButton : undefined} />
      <QueryStates
        query={tokens}
        loading={t('page.loading')}
        isEmpty={(list) => list.length === 0}
        empty={
          <Card withBorder radius="md">
            <EmptyState icon={<IconKey size={24} aria-hidden />} title={t('page.none')} description={t('page.noneHint')} action={newButton} />
          </Card>
        }
      >
        {() => (
          <Card withBorder radius="md" padding={0}>
            <Table.ScrollContainer minWidth={0}>
              <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
                <Table.Caption className="visually-hidden">{t('page.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('column.name')}</Table.Th>
                    <Table.Th visibleFrom="sm">{t('column.token')}</Table.Th>
                    <Table.Th visibleFrom="sm">{t('column.lastUsed')}</Table.Th>
                    <Table.Th visibleFrom="md">{t('column.created')}</Table.Th>
                    <Table.Th visibleFrom="md">{t('column.expires')}</Table.Th>
                    <Table.Th>{t('column.status')}</Table.Th>
                    <Table.Th>
                      <span className="visually-hidden">{t('column.actions')}</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((token) => {
                    const status = tokenStatus(token);
                    return (
                      <Table.Tr key={token.id} data-status={status}>
                        <Table.Td>
                          <Text size="sm" fw={500} c={status === 'active' ? undefined : 'dimmed'} style={{ overflowWrap: 'anywhere' }}>
                            {token.name}
                          </Text>
                          <Text size="xs" c="dimmed" hiddenFrom="sm">
                            {token.lastUsedAt ? <Trans t={t} i18nKey="page.lastUsedAt" components={{ when: <When iso={token.lastUsedAt} relative /> }} /> : t('page.lastUsedNever')}
                            {token.expiresAt && status === 'active' ? (
                              <>
                                {' '}
                                <Trans t={t} i18nKey="page.expiresAt" components={{ when: <When iso={token.expiresAt} /> }} />
                              </>
                            ) : null}
                          </Text>
                        </Table.Td>
                        <Table.Td visibleFrom="sm">
                          <Code>{token.prefix}…</Code>
                        </Table.Td>
                        <Table.Td visibleFrom="sm">
                          <Text size="sm">
                            {token.lastUsedAt ? (
                              <When iso={token.lastUsedAt} relative />
                            ) : (
                              <Text span size="sm" c="dimmed">
                                {t('page.never')}
                              </Text>
                            )}
                          </Text>
                        </Table.Td>
                        <Table.Td visibleFrom="md">
                          <Text size="sm">
                            <When iso={token.createdAt} />
                          </Text>
                        </Table.Td>
                        <Table.Td visibleFrom="md">
                          <Text size="sm">{token.expiresAt ? <When iso={token.expiresAt} /> : t('page.never')}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={STATUS_COLOR[status]}>
                            {t(`status.${status}`)}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          {status !== 'revoked' && (
                            <Tooltip label={t('page.revoke')}>
                              <ActionIcon
                                variant="subtle"
                                color="red"
                                aria-label={t('page.revokeNamed', { name: token.name })}
                                onClick={() => {
                                  revoke.reset();
                                  setRevoking(token);
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
            <Trans t={t} i18nKey="page.hint" components={{ code: <Code /> }} />
          </Text>
        </Group>
      )}

      <CreateTokenModal opened={creating} onClose={() => setCreating(false)} />
      <ConfirmDialog
        opened={revoking !== null}
        onClose={() => setRevoking(null)}
        onConfirm={confirmRevoke}
        title={t('page.revokeTitle')}
        confirmLabel={t('page.revokeConfirm')}
        danger
        loading={revoke.isPending}
        error={revoke.error}
      >
        <Trans t={t} i18nKey="page.revokeBody" values={{ name: revoking?.name }} components={{ b: <b /> }} />
      </ConfirmDialog>
    </>
  );
}
