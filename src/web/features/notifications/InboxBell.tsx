import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { ActionIcon, Indicator, Tooltip } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { unreadCountQuery } from './queries.js';

/** The header's way to the inbox, with the number of unread notifications. */
export function InboxBell() {
  const { t } = useTranslation('notifications');
  const unread = useQuery(unreadCountQuery()).data ?? 0;
  const label = unread ? t('bell.unread', { n: unread }) : t('bell.nothingUnread');
  return (
    <Tooltip label={label} withArrow>
      <Indicator label={unread > 99 ? '99+' : unread} size={18} color="red" offset={4} disabled={!unread}>
        <ActionIcon component={Link} to="/inbox" variant="default" size="lg" radius="md" aria-label={label}>
          <IconBell size={18} stroke={1.6} aria-hidden />
        </ActionIcon>
      </Indicator>
    </Tooltip>
  );
}
