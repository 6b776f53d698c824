import { Badge, Select, Stack, Text, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../shared/roles.js';
import { i18n } from '../../i18n.js';

/** The roles to pick from, in the current language. */
export const roleOptions = () => ROLES.map((r) => ({ value: r, label: i18n.t(`users:role.${r}`) }));

export const ROLE_COLORS: Record<Role, string> = {
  admin: 'grape',
  manager: 'indigo',
  member: 'blue',
  finance: 'teal',
  viewer: 'gray',
};

export function RoleBadge({ role }: { role: Role }) {
  const { t } = useTranslation('users');
  return (
    <Badge variant="light" color={ROLE_COLORS[role]} style={{ whiteSpace: 'nowrap' }}>
      {t(`role.${role}`)}
    </Badge>
  );
}

/** A role picker that says what each role may do. */
export function RoleSelect(props: Omit<SelectProps, 'data'>) {
  const { t } = useTranslation('users');
  const value = props.value as Role | null | undefined;
  return (
    <Select
      data={roleOptions()}
      allowDeselect={false}
      description={value ? t(`roleDescription.${value}`) : undefined}
      renderOption={({ option }) => (
        <Stack gap={0}>
          <Text size="sm">{option.label}</Text>
          <Text size="xs" c="dimmed">
            {t(`roleDescription.${option.value as Role}`)}
          </Text>
        </Stack>
      )}
      {...props}
    />
  );
}
