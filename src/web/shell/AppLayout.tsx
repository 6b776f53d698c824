import { Suspense, useEffect } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { AppShell, Burger, Group, NavLink, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { navFor, sectionLabel, type NavEntry } from '../components/nav.js';
import { useMe } from '../components/session.js';
import { Logo } from '../components/Logo.js';
import { LoadingState } from '../components/states.js';
import { LocalizedDates } from '../components/LocalizedDates.js';
import { UserMenu } from './UserMenu.js';
import { CommandPalette, CommandPaletteButton } from './CommandPalette.js';
import { InboxBell } from '../features/notifications/InboxBell.js';
import classes from './AppLayout.module.css';

function isActive(entry: NavEntry, pathname: string) {
  return entry.to === '/' ? pathname === '/' : pathname === entry.to || pathname.startsWith(`${entry.to}/`);
}

export function AppLayout() {
  const { t } = useTranslation('common');
  const me = useMe();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  const entries = navFor(me.can);
  const sections = (['main', 'compliance', 'admin', 'account'] as const).map((s) => ({ section: s, items: entries.filter((e) => e.section === s) })).filter((s) => s.items.length);

  // On a phone the navbar covers the page: close it once the user picked a destination.
  useEffect(close, [pathname, close]);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding={{ base: 'sm', sm: 'lg' }}>
      <a href="#main" className={classes.skipLink}>
        {t('shell.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('shell.closeNavigation') : t('shell.openNavigation')}
              aria-expanded={opened}
              aria-controls="main-navigation"
            />
            <UnstyledButton component={Link} to="/" aria-label={t('shell.home')} className={classes.brand}>
              <Logo />
            </UnstyledButton>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <CommandPaletteButton />
            <InboxBell />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" id="main-navigation" aria-label={t('shell.mainNavigation')}>
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap="md">
            {sections.map(({ section, items }) => (
              <div key={section}>
                <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={4} id={`nav-${section}`}>
                  {sectionLabel(section)}
                </Text>
                <Stack gap={2} component="ul" className={classes.navList} aria-labelledby={`nav-${section}`}>
                  {items.map((e) => {
                    const active = isActive(e, pathname);
                    return (
                      <li key={e.to}>
                        <NavLink
                          component={Link}
                          to={e.to}
                          label={e.label}
                          leftSection={<e.icon size={18} stroke={1.6} aria-hidden />}
                          active={active}
                          aria-current={active ? 'page' : undefined}
                          variant="light"
                          className={classes.navLink}
                        />
                      </li>
                    );
                  })}
                </Stack>
              </div>
            ))}
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
        <div className={classes.content}>
          {/* A page whose words are still loading shows the loader in the frame, not a blank app. */}
          <Suspense fallback={<LoadingState />}>
            {/* The date pickers' language: here rather than around the app, so sign-in does not load it. */}
            <LocalizedDates>
              <Outlet />
            </LocalizedDates>
          </Suspense>
        </div>
      </AppShell.Main>
      <CommandPalette />
    </AppShell>
  );
}
