import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Code, CopyButton, Group, Paper, Select, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarPlus, IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CALENDAR_FEED_SCOPES, type CalendarFeedScope } from '../../../shared/rhythm.js';
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
  const { t } = useTranslation('calendar');
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
        {t('feeds.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('feeds.intro')}
      </Text>
      <Paper withBorder radius="md" p="sm" mb="sm">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select
            label={t('feeds.feedOf')}
            allowDeselect={false}
            data={CALENDAR_FEED_SCOPES.map((s) => ({ value: s, label: t(`feeds.scope.${s}`) }))}
            value={scope}
            onChange={(v) => setScope((v ?? 'user') as CalendarFeedScope)}
            w={220}
          />
          {scope === 'partner' && <PartnerFilter value={partnerId} onChange={setPartnerId} />}
          <Button leftSection={<IconCalendarPlus size={16} aria-hidden />} onClick={add} loading={create.isPending} disabled={scope === 'partner' && !partnerId}>
            {t('feeds.create')}
          </Button>
        </Group>
      </Paper>
      {created && (
        <Alert color="teal" variant="light" mb="sm" title={t('feeds.createdTitle')} withCloseButton closeButtonLabel={t('feeds.hideUrl')} onClose={() => setCreated(null)}>
          <Stack gap="xs">
            <Text size="sm">{t('feeds.copyNow')}</Text>
            <Code block style={{ wordBreak: 'break-all' }} data-testid="feed-url">
              {created.url}
            </Code>
            <CopyButton value={created.url}>
              {({ copied, copy }) => (
                <Button size="xs" variant="light" onClick={copy} leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />} w="fit-content">
                  {copied ? t('feeds.copied') : t('feeds.copy')}
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
          {t('feeds.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing="xs" aria-label={t('feeds.table')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('feeds.feed')}</Table.Th>
                <Table.Th>{t('feeds.startsWith')}</Table.Th>
                <Table.Th>{t('feeds.lastUsed')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('feeds.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {active.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>{f.partner ? t('feeds.ofPartner', { partner: f.partner.name }) : t('feeds.scope.user')}</Table.Td>
                  <Table.Td>
                    <Code>{f.prefix}…</Code>
                  </Table.Td>
                  <Table.Td>{f.lastUsedAt ? formatDateTime(f.lastUsedAt) : t('feeds.never')}</Table.Td>
                  <Table.Td ta="right">
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => setRevoking(f.id)}
                      aria-label={f.partner ? t('feeds.revokePartner', { partner: f.partner.name, prefix: f.prefix }) : t('feeds.revokeMine', { prefix: f.prefix })}
                    >
                      {t('feeds.revoke')}
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
        title={t('feeds.revokeTitle')}
        confirmLabel={t('feeds.revoke')}
        danger
        loading={revoke.isPending}
        error={revoke.error}
        onConfirm={() =>
          revoking &&
          revoke.mutate(revoking, {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('feeds.revoked') });
              setRevoking(null);
            },
          })
        }
      >
        {t('feeds.revokeText')}
      </ConfirmDialog>
    </section>
  );
}
