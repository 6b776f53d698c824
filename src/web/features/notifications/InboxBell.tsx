import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { ActionIcon, Indicator, Tooltip } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { unreadCountQuery } from './queries.js';

/** The header's way to the inbox, with the number of unread notifications. */
export function InboxBell() {
  const unread = useQuery(unreadCountQuery()).data ?? 0;
  const label = unread ? `Inbox, ${unread} unread` : 'Inbox, nothing unread';
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
