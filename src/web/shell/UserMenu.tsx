import { Link } from 'react-router';
import { Avatar, Group, Menu, Text, UnstyledButton, useMantineColorScheme, VisuallyHidden, type MantineColorScheme } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconChevronDown, IconDeviceDesktop, IconKey, IconLogout, IconMoon, IconSun, IconUserCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api.js';
import { useSignOut } from '../lib/session.js';
import { initials } from '../lib/format.js';
import { useMe } from '../components/session.js';

// Their names are in `common:scheme`, under the scheme's value.
export const SCHEMES: { value: MantineColorScheme & ('light' | 'dark' | 'auto'); icon: typeof IconSun }[] = [
  { value: 'light', icon: IconSun },
  { value: 'dark', icon: IconMoon },
  { value: 'auto', icon: IconDeviceDesktop },
];

export function UserMenu() {
  const { t } = useTranslation('common');
  const me = useMe();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const signOut = useSignOut();

  const onSignOut = () =>
    signOut.mutate(undefined, {
      onError: (e) => notifications.show({ color: 'red', title: t('userMenu.signOutFailed'), message: errorMessage(e) }),
    });

  return (
    <Menu position="bottom-end" width={240} shadow="md" withinPortal>
      <Menu.Target>
        {/* The name starts with the visible text (WCAG 2.5.3, label in name); the initials are decoration. */}
        <UnstyledButton aria-label={t('userMenu.label', { name: me.user.name })} style={{ borderRadius: 'var(--mantine-radius-xl)' }}>
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
            {me.user.email} · {t(`role.${me.user.role}`)}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item component={Link} to="/profile" leftSection={<IconUserCircle size={16} aria-hidden />}>
          {t('userMenu.profile')}
        </Menu.Item>
        <Menu.Item component={Link} to="/tokens" leftSection={<IconKey size={16} aria-hidden />}>
          {t('userMenu.tokens')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Label>{t('userMenu.appearance')}</Menu.Label>
        {SCHEMES.map((s) => (
          <Menu.Item
            key={s.value}
            leftSection={<s.icon size={16} aria-hidden />}
            rightSection={colorScheme === s.value ? <IconCheck size={14} aria-hidden /> : null}
            onClick={() => setColorScheme(s.value)}
          >
            {t(`scheme.${s.value}`)}
            {colorScheme === s.value && <VisuallyHidden>{t('scheme.current')}</VisuallyHidden>}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item className="menu-danger" leftSection={<IconLogout size={16} aria-hidden />} onClick={onSignOut} disabled={signOut.isPending}>
          {t('userMenu.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
