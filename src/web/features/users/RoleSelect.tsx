import { Badge, Select, Stack, Text, type SelectProps } from '@mantine/core';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES, type Role } from '../../../shared/roles.js';

export const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

export const ROLE_COLORS: Record<Role, string> = {
  admin: 'grape',
  manager: 'indigo',
  member: 'blue',
  finance: 'teal',
  viewer: 'gray',
};

export function RoleBadge({ role }: { role: Role }) {
  return (
    <Badge variant="light" color={ROLE_COLORS[role]} style={{ whiteSpace: 'nowrap' }}>
      {ROLE_LABELS[role]}
    </Badge>
  );
}

/** A role picker that says what each role may do. */
export function RoleSelect(props: Omit<SelectProps, 'data'>) {
  const value = props.value as Role | null | undefined;
  return (
    <Select
      data={ROLE_OPTIONS}
      allowDeselect={false}
      description={value ? ROLE_DESCRIPTIONS[value] : undefined}
      renderOption={({ option }) => (
        <Stack gap={0}>
          <Text size="sm">{option.label}</Text>
          <Text size="xs" c="dimmed">
            {ROLE_DESCRIPTIONS[option.value as Role]}
          </Text>
        </Stack>
      )}
      {...props}
    />
  );
}
