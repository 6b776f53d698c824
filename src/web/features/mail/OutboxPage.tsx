import { Fragment } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Anchor, Badge, Card, Code, Drawer, Group, Select, Stack, Table, Text } from '@mantine/core';
import { IconMailOff } from '@tabler/icons-react';
import { z } from 'zod';
import { MAIL_STATUSES, type MailStatus } from '../../../shared/rhythm.js';
import { listMailQuery, type MailSummary } from '../../../shared/schemas/notification.js';
import { ListFooter } from '../../components/ListFooter.js';
import { ListTable } from '../../components/ListTable.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryStates } from '../../components/QueryStates.js';
import { EmptyState } from '../../components/states.js';
import { useListParams } from '../../components/useListParams.js';
import { formatDateTime } from '../../lib/format.js';
import { MAIL_PAGE_SIZE, mailListQuery, mailQuery } from './queries.js';
import classes from './OutboxPage.module.css';

const STATUS: Record<MailStatus, { label: string; color: string; help: string }> = {
  outbox: { label: 'In the outbox', color: 'gray', help: 'No SMTP server is configured (SMTP_URL): the mail waits here.' },
  queued: { label: 'Sending', color: 'blue', help: 'Being handed to the SMTP server.' },
  sent: { label: 'Sent', color: 'teal', help: 'The SMTP server accepted it.' },
  failed: { label: 'Failed', color: 'red', help: 'The SMTP server could not be reached or refused it; the mail job retries up to five times.' },
};

// `?mail=` names the message open in the drawer, so a link can show it; the page size is the app's, not the address's.
const outboxParams = listMailQuery.omit({ pageSize: true }).extend({ mail: z.string().optional() });

function StatusBadge({ status }: { status: MailStatus }) {
  return (
    <Badge variant="light" color={STATUS[status].color}>
      {STATUS[status].label}
    </Badge>
  );
}

function MessageDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const mail = useQuery({ ...mailQuery(id ?? ''), enabled: Boolean(id) });
  return (
    <Drawer opened={Boolean(id)} onClose={onClose} position="right" size="lg" title={mail.data?.subject ?? 'Message'} closeButtonProps={{ 'aria-label': 'Close the message' }}>
      <QueryStates query={mail} loading="Loading the message…">
        {(m) => (
          <Stack gap="md">
            <dl className={classes.meta}>
              <dt>To</dt>
              <dd>{m.user ? `${m.user.name} <${m.to}>` : m.to}</dd>
              <dt>Created</dt>
              <dd>{formatDateTime(m.createdAt)}</dd>
              <dt>Status</dt>
              <dd>
                <StatusBadge status={m.status} />{' '}
                <Text span size="sm" c="dimmed">
                  {STATUS[m.status].help}
                </Text>
              </dd>
              {m.sentAt && (
                <>
                  <dt>Sent</dt>
                  <dd>{formatDateTime(m.sentAt)}</dd>
                </>
              )}
              <dt>Attempts</dt>
              <dd>{m.attempts}</dd>
              {Object.entries(m.headers).map(([k, v]) => (
                <Fragment key={k}>
                  <dt>{k}</dt>
                  <dd className={classes.wrap}>{v}</dd>
                </Fragment>
              ))}
            </dl>
            {m.lastError && (
              <Alert color="red" variant="light" title="Last error">
                {m.lastError}
              </Alert>
            )}
            <div>
              <Text fw={600} size="sm" mb={4} id="mail-body-label">
                Text of the message
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
  const { params, update } = useListParams(outboxParams);
  const status = params.status ?? null;
  const list = useQuery(mailListQuery({ status, page: params.page }));
  // Opening or closing a message is not a new filter: the list stays on its page.
  const openMail = (mail: string | null) => update({ mail, page: params.page });

  return (
    <>
      <PageHeader title="Outbox" description="Every reminder and digest the app mailed, or keeps here when no SMTP server is configured (SMTP_URL)." />
      <Card withBorder radius="md" padding={0}>
        <Group p="sm" className={classes.toolbar}>
          <Select
            label="Status"
            placeholder="Any status"
            clearable
            w={220}
            value={status}
            onChange={(v) => update({ status: v })}
            data={MAIL_STATUSES.map((s) => ({ value: s, label: STATUS[s].label }))}
          />
        </Group>
        <QueryStates
          query={list}
          loading="Loading mail…"
          inset
          isEmpty={(page) => page.items.length === 0}
          empty={
            <EmptyState
              icon={<IconMailOff size={24} aria-hidden />}
              title={status ? 'No mail with this status' : 'No mail yet'}
              description="Reminders go out hourly and digests at 07:00."
            />
          }
        >
          {({ items }) => (
            <ListTable query={list} caption="Mail, newest first">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Subject</Table.Th>
                  <Table.Th visibleFrom="sm">To</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th visibleFrom="md">Created</Table.Th>
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
        <ListFooter total={list.data?.total ?? 0} page={params.page} pageSize={MAIL_PAGE_SIZE} noun="message" onPage={(page) => update({ page })} />
      </Card>
      <MessageDrawer id={params.mail ?? null} onClose={() => openMail(null)} />
    </>
  );
}
