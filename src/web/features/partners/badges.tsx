import { Avatar, Badge, Group, Text, Tooltip, type AvatarProps } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import { PARTNER_TYPE_LABELS, type Importance, type PartnerStatus, type PartnerType } from '../../../shared/partners.js';
import { formatDateTime, formatRelative, initials } from '../../lib/format.js';
import { CONTACT_DUE_DAYS, IMPORTANCE_COLORS, IMPORTANCE_LABELS, STATUS_COLORS, STATUS_LABELS } from './labels.js';

export function StatusBadge({ status, size }: { status: PartnerStatus; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  return (
    <Badge variant="dot" color={STATUS_COLORS[status]} size={size}>
      {STATUS_LABELS[status]}
    </Badge>
  );
}

export function ImportanceBadge({ importance, size }: { importance: Importance; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  return (
    <Badge variant={importance === 'standard' ? 'outline' : 'light'} color={IMPORTANCE_COLORS[importance]} size={size}>
      {IMPORTANCE_LABELS[importance]}
    </Badge>
  );
}

export function TypeBadges({ types, size = 'sm' }: { types: PartnerType[]; size?: 'xs' | 'sm' | 'md' }) {
  return (
    <Group gap={4} wrap="wrap">
      {types.map((t) => (
        <Badge key={t} variant="default" size={size} tt="none" fw={500}>
          {PARTNER_TYPE_LABELS[t]}
        </Badge>
      ))}
    </Group>
  );
}

/** Logos are fetched from the partner's own site; without one (or when it fails) the initials stand in. */
export function PartnerLogo({ name, logoUrl, ...rest }: { name: string; logoUrl?: string | null } & Omit<AvatarProps, 'src' | 'name'>) {
  return (
    <Avatar
      src={logoUrl ?? undefined}
      alt=""
      name={name}
      color="initials"
      radius="md"
      imageProps={{ referrerPolicy: 'no-referrer', loading: 'lazy' }}
      {...rest}
    >
      {initials(name)}
    </Avatar>
  );
}

const DAY = 86_400_000;

/** Whether a partner is due for contact by its importance; null when never contacted counts too. */
export function contactOverdue(lastContactAt: string | null, importance: Importance, now = Date.now()): boolean {
  if (!lastContactAt) return true;
  return now - new Date(lastContactAt).getTime() > CONTACT_DUE_DAYS[importance] * DAY;
}

/** "3 weeks ago", marked when a partner of this importance should have heard from us by now. */
export function LastContact({ at, importance, size = 'sm' }: { at: string | null; importance: Importance; size?: 'xs' | 'sm' }) {
  const overdue = contactOverdue(at, importance);
  const hint = `${IMPORTANCE_LABELS[importance]} partners are due for contact every ${CONTACT_DUE_DAYS[importance]} days`;
  if (!at) {
    return (
      <Text size={size} c="dimmed" span>
        No contact yet
      </Text>
    );
  }
  const text = (
    <Text size={size} span c={overdue ? 'var(--mantine-color-orange-light-color)' : undefined} fw={overdue ? 500 : undefined} style={{ whiteSpace: 'nowrap' }}>
      {overdue && <IconClockExclamation size={14} aria-hidden style={{ verticalAlign: '-2px', marginRight: 4 }} />}
      <time dateTime={at} title={formatDateTime(at)}>
        {formatRelative(at)}
      </time>
      {overdue && <span className="visually-hidden"> (contact overdue)</span>}
    </Text>
  );
  return overdue ? (
    <Tooltip label={hint} withArrow>
      {text}
    </Tooltip>
  ) : (
    text
  );
}
