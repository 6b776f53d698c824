import { Avatar, Badge, Group, type AvatarProps } from '@mantine/core';
import { PARTNER_TYPE_LABELS, type Importance, type PartnerStatus, type PartnerType } from '../../../shared/partners.js';
import { initials } from '../../lib/format.js';
import { IMPORTANCE_COLORS, IMPORTANCE_LABELS, STATUS_COLORS, STATUS_LABELS } from './labels.js';

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
    <Avatar src={logoUrl ?? undefined} alt="" name={name} color="initials" radius="md" imageProps={{ referrerPolicy: 'no-referrer', loading: 'lazy' }} {...rest}>
      {initials(name)}
    </Avatar>
  );
}
