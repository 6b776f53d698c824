import { Fragment } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Anchor, Badge, Card, Code, Drawer, Group, Select, Stack, Table, Text } from '@mantine/core';
import { IconMailOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { MAIL_STATUSES, type MailStatus } from '../../../shared/rhythm.js';
import { listMailQuery, type MailSummary } from '../../../shared/schemas/notification.js';
import { ListFooter } from '../../components/ListFooter.js';
import { ListTable } from '../../components/ListTable.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryStates } from '../../components/QueryStates.js';
import { EmptyState } from '../../components/states.js';
import { ExportMenu } from '../../components/ExportMenu.js';
import { useListParams } from '../../components/useListParams.js';
import { formatDateTime } from '../../lib/format.js';
import { MAIL_PAGE_SIZE, mailListQuery, mailQuery } from './queries.js';
import classes from './OutboxPage.module.css';

// Each status's words are `mail:status.<status>` and `mail:statusHelp.<status>`.
const STATUS_COLORS: Record<MailStatus, string> = { outbox: 'gray', queued: 'blue', sent: 'teal', failed: 'red' };

// `?mail=` names the message open in the drawer, so a link can show it; the page size is the app's, not the address's.
const outboxParams = listMailQuery.omit({ pageSize: true }).extend({ mail: z.string().optional() });

function StatusBadge({ status }: { status: MailStatus }) {
  const { t } = useTranslation('mail');
  return (
    <Badge variant="light" color={STATUS_COLORS[status]}>
      {t(`status.${status}`)}
    </Badge>
  );
}

function MessageDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation('mail');
  const mail = useQuery({ ...mailQuery(id ?? ''), enabled: Boolean(id) });
  return (
    <Drawer
      opened={Boolean(id)}
      onClose={onClose}
      position="right"
      size="lg"
      title={mail.data?.subject ?? t('message.title')}
      closeButtonProps={{ 'aria-label': t('message.close') }}
    >
      <QueryStates query={mail} loading={t('message.loading')}>
        {(m) => (
          <Stack gap="md">
            <dl className={classes.meta}>
              <dt>{t('message.to')}</dt>
              <dd>{m.user ? `${m.user.name} <${m.to}>` : m.to}</dd>
              <dt>{t('message.created')}</dt>
              <dd>{formatDateTime(m.createdAt)}</dd>
              <dt>{t('message.status')}</dt>
              <dd>
                <StatusBadge status={m.status} />{' '}
                <Text span size="sm" c="dimmed">
                  {t(`statusHelp.${m.status}`)}
                </Text>
              </dd>
              {m.sentAt && (
                <>
                  <dt>{t('message.sent')}</dt>
                  <dd>{formatDateTime(m.sentAt)}</dd>
                </>
              )}
              <dt>{t('message.attempts')}</dt>
              <dd>{m.attempts}</dd>
              {Object.entries(m.headers).map(([k, v]) => (
                <Fragment key={k}>
                  <dt>{k}</dt>
                  <dd className={classes.wrap}>{v}</dd>
                </Fragment>
              ))}
            </dl>
            {m.lastError && (
              <Alert color="red" variant="light" title={t('message.lastError')}>
                {m.lastError}
              </Alert>
            )}
            <div>
              <Text fw={600} size="sm" mb={4} id="mail-body-label">
                {t('message.text')}
              </Text>
              <Code block className={classes.body} aria-labelledby="mail-body-label" tabIndex={0}>
                {m.text}
              </Code>
            </div>
          </Stack>
        )}
      </QueryStates>
    </Drawer>
  );
}

/** Every mail the app sent or holds: administrators read it here, especially when no SMTP server is set up. */
export function OutboxPage() {
  const { t } = useTranslation('mail');
  const { params, update } = useListParams(outboxParams);
  const status = params.status ?? null;
  const list = useQuery(mailListQuery({ status, page: params.page }));
  // Opening or closing a message is not a new filter: the list stays on its page.
  const openMail = (mail: string | null) => update({ mail, page: params.page });

  return (
    <>
      <PageHeader title={t('outbox.title')} description={t('outbox.description')} />
      <Card withBorder radius="md" padding={0}>
        <Group p="sm" justify="space-between" align="flex-end" className={classes.toolbar}>
          <Select
            label={t('outbox.status')}
            placeholder={t('outbox.anyStatus')}
            clearable
            w={220}
            value={status}
            onChange={(v) => update({ status: v })}
            data={MAIL_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          />
          <ExportMenu path="/api/mail/export" params={{ status: status ?? undefined, sort: params.sort }} />
        </Group>
        <QueryStates
          query={list}
          loading={t('outbox.loading')}
          inset
          isEmpty={(page) => page.items.length === 0}
          empty={<EmptyState icon={<IconMailOff size={24} aria-hidden />} title={status ? t('outbox.noneWithStatus') : t('outbox.none')} description={t('outbox.noneHint')} />}
        >
          {({ items }) => (
            <ListTable query={list} caption={t('outbox.caption')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('outbox.subject')}</Table.Th>
                  <Table.Th visibleFrom="sm">{t('outbox.to')}</Table.Th>
                  <Table.Th>{t('outbox.status')}</Table.Th>
                  <Table.Th visibleFrom="md">{t('outbox.created')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((m: MailSummary) => (
                  <Table.Tr key={m.id}>
                    <Table.Td className={classes.wrap}>
                      <Anchor component="button" type="button" onClick={() => openMail(m.id)} ta="left" size="sm">
                        {m.subject}
                      </Anchor>
                    </Table.Td>
                    <Table.Td visibleFrom="sm" className={classes.wrap}>
                      <Text size="sm">{m.user?.name ?? m.to}</Text>
                      {m.user && (
                        <Text size="xs" c="dimmed">
                          {m.to}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={m.status} />
                    </Table.Td>
                    <Table.Td visibleFrom="md">
                      <Text size="sm">{formatDateTime(m.createdAt)}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ListTable>
          )}
        </QueryStates>
        <ListFooter
          total={list.data?.total ?? 0}
          page={params.page}
          pageSize={MAIL_PAGE_SIZE}
          counted={t('outbox.count', { count: list.data?.total ?? 0 })}
          onPage={(page) => update({ page })}
        />
      </Card>
      <MessageDrawer id={params.mail ?? null} onClose={() => openMail(null)} />
    </>
  );
}
