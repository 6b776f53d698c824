import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { ActionIcon, Group, Kbd, Text, UnstyledButton, useMantineColorScheme } from '@mantine/core';
import { Spotlight, spotlight } from '@mantine/spotlight';
import { useTranslation } from 'react-i18next';
import { IconLogout, IconSearch } from '@tabler/icons-react';
import { useSignOut } from '../lib/session.js';
import type { CommandAction, CommandGroup } from '../components/commands.js';
import { useProvidedCommands } from './commands.js';
import { navFor } from '../components/nav.js';
import { useMe } from '../components/session.js';
import { SCHEMES } from './UserMenu.js';
import classes from './CommandPalette.module.css';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);

const text = (a: CommandAction) => [a.label, a.description, ...[a.keywords ?? []].flat()].join(' ').toLowerCase();

/** Every word of the query must appear in the label, description or keywords. */
const matches = (a: CommandAction, words: string[]) => words.every((w) => text(a).includes(w));

export function CommandPalette() {
  const { t } = useTranslation('common');
  const me = useMe();
  const navigate = useNavigate();
  const { setColorScheme } = useMantineColorScheme();
  const signOut = useSignOut();
  const [query, setQuery] = useState('');

  const provided = useProvidedCommands(query);

  const staticGroups = useMemo<CommandGroup[]>(
    () => [
      {
        group: t('palette.goTo'),
        actions: navFor(me.can).map((e) => ({
          id: `nav:${e.to}`,
          label: e.label,
          description: e.description,
          keywords: e.keywords,
          leftSection: <e.icon size={20} stroke={1.5} aria-hidden />,
          onClick: () => void navigate(e.to),
        })),
      },
      {
        group: t('palette.appearance'),
        actions: SCHEMES.map((s) => ({
          id: `scheme:${s.value}`,
          label: t('palette.appearanceScheme', { scheme: t(`scheme.${s.value}`) }),
          description: t(`scheme.${s.value}Description`),
          keywords: ['theme', 'color', 'colour', 'dark mode', 'light mode'],
          leftSection: <s.icon size={20} stroke={1.5} aria-hidden />,
          onClick: () => setColorScheme(s.value),
        })),
      },
      {
        group: t('palette.account'),
        actions: [
          {
            id: 'sign-out',
            label: t('userMenu.signOut'),
            description: t('palette.signOutDescription'),
            keywords: ['log out', 'logout'],
            leftSection: <IconLogout size={20} stroke={1.5} aria-hidden />,
            onClick: () => signOut.mutate(),
          },
        ],
      },
    ],
    [me.can, navigate, setColorScheme, signOut, t],
  );

  const providedIds = new Set(provided.flatMap((g) => g.actions.map((a) => a.id)));
  const filter = (q: string, groups: CommandGroup[]): CommandGroup[] => {
    const words = q.trim().toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.length) return groups;
    return groups.map((g) => ({ ...g, actions: g.actions.filter((a) => providedIds.has(a.id) || matches(a, words)) })).filter((g) => g.actions.length > 0);
  };

  return (
    <Spotlight
      actions={[...provided, ...staticGroups]}
      query={query}
      onQueryChange={setQuery}
      filter={filter as never}
      nothingFound={t('palette.nothingFound')}
      highlightQuery
      shortcut={['mod + K']}
      // Names the dialog for screen readers; the header itself is hidden.
      title={t('palette.title')}
      classNames={{ header: 'visually-hidden' }}
      // The result list scrolls; keyboard users can focus it to scroll (axe: scrollable-region-focusable).
      scrollAreaProps={{ viewportProps: { tabIndex: 0, 'aria-label': t('palette.results') } as never }}
      searchProps={{ leftSection: <IconSearch size={18} stroke={1.5} aria-hidden />, placeholder: t('palette.placeholder'), 'aria-label': t('palette.searchLabel') }}
    />
  );
}

/**
 * The header's search field look-alike; Ctrl+K / ⌘K opens the same palette. Its visible text is its
 * accessible name (WCAG 2.5.3, label in name): a voice user says what they see.
 */
export function CommandPaletteButton() {
  const { t } = useTranslation('common');
  return (
    <>
      <UnstyledButton onClick={() => spotlight.open()} className={classes.search} visibleFrom="sm" aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'}>
        <Group gap="xs" wrap="nowrap" justify="space-between">
          <Group gap={8} wrap="nowrap">
            <IconSearch size={16} stroke={1.6} aria-hidden />
            <Text size="sm" c="dimmed">
              {t('palette.button')}
            </Text>
          </Group>
          <Kbd size="xs">{isMac ? '⌘ K' : 'Ctrl K'}</Kbd>
        </Group>
      </UnstyledButton>
      <ActionIcon variant="default" size="lg" hiddenFrom="sm" onClick={() => spotlight.open()} aria-label={t('palette.open')}>
        <IconSearch size={18} stroke={1.6} aria-hidden />
      </ActionIcon>
    </>
  );
}
