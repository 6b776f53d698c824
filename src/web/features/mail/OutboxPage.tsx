import { Fragment } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Anchor, Badge, Card, Code, Drawer, Group, Select, Stack, Table, Text } from '@mantine/core';
import { IconMailOff } from '@tabler/icons-react';
import { MAIL_STATUSES, type MailStatus } from '../../../shared/rhythm.js';
import type { MailSummary } from '../../../shared/schemas/notification.js';
import { ListFooter } from '../../components/ListFooter.js';
import { PageHeader } from '../../components/PageHeader.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.js';
import { formatDateTime } from '../../lib/format.js';
import { MAIL_PAGE_SIZE, mailListQuery, mailQuery } from './queries.js';
import classes from './OutboxPage.module.css';

const STATUS: Record<MailStatus, { label: string; color: string; help: string }> = {
  outbox: { label: 'In the outbox', color: 'gray', help: 'No SMTP server is configured (SMTP_URL): the mail waits here.' },
  queued: { label: 'Sending', color: 'blue', help: 'Being handed to the SMTP server.' },
  sent: { label: 'Sent', color: 'teal', help: 'The SMTP server accepted it.' },
  failed: { label: 'Failed', color: 'red', help: 'The SMTP server could not be reached or refused it; the mail job retries up to five times.' },
};

function StatusBadge({ status }: { status: MailStatus }) {
  return (
    <Badge variant="light" color={STATUS[status].color}>
      {STATUS[status].label}
    </Badge>
  );
}

function MessageDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const mail = useQuery({ ...mailQuery(id ?? ''), enabled: Boolean(id) });
  const m = mail.data;
  return (
    <Drawer opened={Boolean(id)} onClose={onClose} position="right" size="lg" title={m?.subject ?? 'Message'} closeButtonProps={{ 'aria-label': 'Close the message' }}>
      {mail.isPending ? (
        <LoadingState label="Loading the message…" />
      ) : mail.isError ? (
        <ErrorState error={mail.error} onRetry={() => void mail.refetch()} />
      ) : m ? (
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
      ) : null}
    </Drawer>
  );
}

/** Every mail the app sent or holds: administrators read it here, especially when no SMTP server is set up. */
export function OutboxPage() {
  const [search, setSearch] = useSearchParams();
  const status = (MAIL_STATUSES as readonly string[]).includes(search.get('status') ?? '') ? (search.get('status') as MailStatus) : null;
  const page = Math.max(1, Number(search.get('page')) || 1);
  const open = search.get('mail');
  const list = useQuery(mailListQuery({ status, page }));
  const items = list.data?.items ?? [];

  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    setSearch(next, { replace: true });
  };

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
            onChange={(v) => set({ status: v, page: null })}
            data={MAIL_STATUSES.map((s) => ({ value: s, label: STATUS[s].label }))}
          />
        </Group>
        {list.isPending ? (
          <LoadingState label="Loading mail…" />
        ) : list.isError && !list.data ? (
          <Stack p="md">
            <ErrorState error={list.error} onRetry={() => void list.refetch()} />
          </Stack>
        ) : items.length === 0 ? (
          <EmptyState
            icon={<IconMailOff size={24} aria-hidden />}
            title={status ? 'No mail with this status' : 'No mail yet'}
            description="Reminders go out hourly and digests at 07:00."
          />
        ) : (
          <Table.ScrollContainer minWidth={0}>
            <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
              <Table.Caption className="visually-hidden">Mail, newest first</Table.Caption>
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
                      <Anchor component="button" type="button" onClick={() => set({ mail: m.id })} ta="left" size="sm">
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
            </Table>
          </Table.ScrollContainer>
        )}
        <ListFooter total={list.data?.total ?? 0} page={page} pageSize={MAIL_PAGE_SIZE} noun="message" onPage={(p) => set({ page: p === 1 ? null : String(p) })} />
      </Card>
      <MessageDrawer id={open} onClose={() => set({ mail: null })} />
    </>
  );
}
