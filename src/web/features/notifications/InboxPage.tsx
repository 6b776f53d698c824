import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Anchor, Badge, Button, Card, Group, SegmentedControl, Stack, Text, ThemeIcon } from '@mantine/core';
import { notifications as toast } from '@mantine/notifications';
import { IconBellOff, IconCheck, IconChecks } from '@tabler/icons-react';
import { Trans, useTranslation } from 'react-i18next';
import { z } from 'zod';
import { listNotificationsQuery, type Notification } from '../../../shared/schemas/notification.js';
import { errorMessage } from '../../api.js';
import { ListFooter } from '../../components/ListFooter.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryStates } from '../../components/QueryStates.js';
import { EmptyState } from '../../components/states.js';
import { ExportMenu } from '../../components/ExportMenu.js';
import { useListParams } from '../../components/useListParams.js';
import { formatDateTime, formatRelative } from '../../lib/format.js';
import { KIND_LABELS } from './labels.js';
import { notificationsQuery, PAGE_SIZE, unreadCountQuery, useMarkAllRead, useMarkRead } from './queries.js';
import classes from './InboxPage.module.css';

// The address keeps the page's own words (`?show=all`, unread being the default) where the API takes `?unread=true`;
// the page size is the app's, not the address's.
const inboxParams = listNotificationsQuery.omit({ unread: true, pageSize: true }).extend({ show: z.enum(['unread', 'all']).default('unread') });

function Item({ n }: { n: Notification }) {
  const { t } = useTranslation('notifications');
  const markRead = useMarkRead();
  const kind = KIND_LABELS[n.kind];
  const unread = !n.readAt;
  const open = () => {
    if (unread) markRead.mutate(n.id);
  };
  return (
    <li className={classes.item} data-unread={unread || undefined}>
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <ThemeIcon variant="light" color={kind.color} size="lg" radius="md" aria-hidden>
          <kind.icon size={18} stroke={1.6} aria-hidden />
        </ThemeIcon>
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Badge size="xs" variant="light" color={kind.color}>
              {t(`kind.${n.kind}`)}
            </Badge>
            {unread && (
              <Badge size="xs" variant="filled" color="dark">
                {t('inbox.unreadBadge')}
              </Badge>
            )}
            <Text size="xs" c="dimmed" component="time" dateTime={n.createdAt} title={formatDateTime(n.createdAt)}>
              {formatRelative(n.createdAt)}
            </Text>
          </Group>
          {n.link ? (
            <Anchor component={Link} to={n.link} onClick={open} fw={unread ? 600 : 400} className={classes.title}>
              {n.title}
            </Anchor>
          ) : (
            <Text fw={unread ? 600 : 400} className={classes.title}>
              {n.title}
            </Text>
          )}
          {n.body && (
            <Text size="sm" c="dimmed">
              {n.body}
            </Text>
          )}
        </Stack>
        {unread && (
          <Button
            size="compact-sm"
            variant="subtle"
            leftSection={<IconCheck size={14} aria-hidden />}
            loading={markRead.isPending}
            onClick={open}
            aria-label={t('inbox.markReadLabel', { title: n.title })}
          >
            {t('inbox.markRead')}
          </Button>
        )}
      </Group>
    </li>
  );
}

/** Reminders and digests: what the scheduler found for you, newest first. */
export function InboxPage() {
  const { t } = useTranslation('notifications');
  const { params, update } = useListParams(inboxParams);
  const unreadOnly = params.show === 'unread';
  const list = useQuery(notificationsQuery({ unread: unreadOnly, page: params.page }));
  const unread = useQuery(unreadCountQuery()).data ?? 0;
  const markAll = useMarkAllRead();

  const readAll = () =>
    markAll.mutate(undefined, {
      onSuccess: (r) => toast.show({ color: 'teal', message: t('inbox.markedAll', { count: r.marked }) }),
      onError: (e) => toast.show({ color: 'red', title: t('inbox.markFailed'), message: errorMessage(e) }),
    });

  return (
    <>
      <PageHeader
        title={t('inbox.title')}
        description={<Trans t={t} i18nKey="inbox.description" components={{ profile: <Anchor component={Link} to="/profile#notifications" inherit /> }} />}
        actions={
          <Button variant="default" leftSection={<IconChecks size={16} aria-hidden />} onClick={readAll} loading={markAll.isPending} disabled={!unread}>
            {t('inbox.markAll')}
          </Button>
        }
      />
      <Card withBorder radius="md" padding={0}>
        <Group p="sm" justify="space-between" className={classes.toolbar}>
          <SegmentedControl
            aria-label={t('inbox.show')}
            value={params.show}
            onChange={(show) => update({ show })}
            data={[
              { value: 'unread', label: t('inbox.unreadTab', { n: unread }) },
              { value: 'all', label: t('inbox.allTab') },
            ]}
          />
          <ExportMenu path="/api/notifications/export" params={{ unread: unreadOnly ? 'true' : undefined, sort: params.sort }} />
        </Group>
        <QueryStates
          query={list}
          loading={t('inbox.loading')}
          inset
          isEmpty={(page) => page.items.length === 0}
          empty={
            <EmptyState
              icon={<IconBellOff size={24} aria-hidden />}
              title={unreadOnly ? t('inbox.nothingUnread') : t('inbox.empty')}
              description={unreadOnly ? t('inbox.upToDate') : t('inbox.emptyHint')}
              action={
                unreadOnly ? (
                  <Button variant="default" onClick={() => update({ show: 'all' })}>
                    {t('inbox.showAll')}
                  </Button>
                ) : undefined
              }
            />
          }
        >
          {({ items }) => (
            <ul className={classes.list} aria-label={unreadOnly ? t('inbox.unreadList') : t('inbox.allList')}>
              {items.map((n) => (
                <Item key={n.id} n={n} />
              ))}
            </ul>
          )}
        </QueryStates>
        <ListFooter
          total={list.data?.total ?? 0}
          page={params.page}
          pageSize={PAGE_SIZE}
          counted={t('inbox.count', { count: list.data?.total ?? 0 })}
          onPage={(page) => update({ page })}
        />
      </Card>
    </>
  );
}
