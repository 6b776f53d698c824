import { Avatar, Badge, Group, type AvatarProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Importance, PartnerStatus, PartnerType } from '../../../shared/partners.js';
import { initials } from '../../lib/format.js';
import { IMPORTANCE_COLORS, STATUS_COLORS } from './labels.js';

export function StatusBadge({ status, size }: { status: PartnerStatus; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation('partners');
  return (
    <Badge variant="dot" color={STATUS_COLORS[status]} size={size}>
      {t(`status.${status}`)}
    </Badge>
  );
}

export function ImportanceBadge({ importance, size }: { importance: Importance; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation('partners');
  return (
    <Badge variant={importance === 'standard' ? 'outline' : 'light'} color={IMPORTANCE_COLORS[importance]} size={size}>
      {t(`importance.${importance}`)}
    </Badge>
  );
}

export function TypeBadges({ types, size = 'sm' }: { types: PartnerType[]; size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useTranslation('partners');
  return (
    <Group gap={4} wrap="wrap">
      {types.map((type) => (
        <Badge key={type} variant="default" size={size} tt="none" fw={500}>
          {t(`type.${type}`)}
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
