import { Link } from 'react-router';
import { Avatar, Group, Menu, Text, UnstyledButton, useMantineColorScheme, VisuallyHidden, type MantineColorScheme } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconChevronDown, IconDeviceDesktop, IconKey, IconLogout, IconMoon, IconSun, IconUserCircle } from '@tabler/icons-react';
import { ROLE_LABELS } from '../../shared/roles.js';
import { errorMessage } from '../api.js';
import { useSignOut } from '../lib/session.js';
import { initials } from '../lib/format.js';
import { useMe } from '../components/session.js';

export const SCHEMES: { value: MantineColorScheme; label: string; icon: typeof IconSun }[] = [
  { value: 'light', label: 'Light', icon: IconSun },
  { value: 'dark', label: 'Dark', icon: IconMoon },
  { value: 'auto', label: 'Same as system', icon: IconDeviceDesktop },
];

export function UserMenu() {
  const me = useMe();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const signOut = useSignOut();

  const onSignOut = () =>
    signOut.mutate(undefined, {
      onError: (e) => notifications.show({ color: 'red', title: 'Sign-out failed', message: errorMessage(e) }),
    });

  return (
    <Menu position="bottom-end" width={240} shadow="md" withinPortal>
      <Menu.Target>
        {/* The name starts with the visible text (WCAG 2.5.3, label in name); the initials are decoration. */}
        <UnstyledButton aria-label={`${me.user.name}: account menu`} style={{ borderRadius: 'var(--mantine-radius-xl)' }}>
          <Group gap={8} wrap="nowrap">
            <Avatar color="initials" name={me.user.name} radius="xl" size={34} aria-hidden>
              {initials(me.user.name)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="md" maw={160} truncate>
              {me.user.name}
            </Text>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)" truncate>
            {me.user.name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {me.user.email} · {ROLE_LABELS[me.user.role]}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item component={Link} to="/profile" leftSection={<IconUserCircle size={16} aria-hidden />}>
          Profile
        </Menu.Item>
        <Menu.Item component={Link} to="/tokens" leftSection={<IconKey size={16} aria-hidden />}>
          API tokens
        </Menu.Item>
        <Menu.Divider />
        <Menu.Label>Appearance</Menu.Label>
        {SCHEMES.map((s) => (
          <Menu.Item
            key={s.value}
            leftSection={<s.icon size={16} aria-hidden />}
            rightSection={colorScheme === s.value ? <IconCheck size={14} aria-hidden /> : null}
            onClick={() => setColorScheme(s.value)}
          >
            {s.label}
            {colorScheme === s.value && <VisuallyHidden> (current)</VisuallyHidden>}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item className="menu-danger" leftSection={<IconLogout size={16} aria-hidden />} onClick={onSignOut} disabled={signOut.isPending}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
