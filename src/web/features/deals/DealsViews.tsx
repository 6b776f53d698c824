import { Link, useLocation } from 'react-router';
import { Button, Group, Menu } from '@mantine/core';
import { IconChartBar, IconLayoutKanban, IconList, IconSettings } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../components/session.js';

const VIEWS = [
  { to: '/deals', key: 'board', Icon: IconLayoutKanban },
  { to: '/deals/list', key: 'list', Icon: IconList },
  { to: '/deals/pipeline', key: 'pipeline', Icon: IconChartBar },
] as const;

/** The ways to look at the deals (board, list, pipeline), and the settings of those who keep the stages and rates. */
export function DealsViews() {
  const { t } = useTranslation('deals');
  const { pathname } = useLocation();
  const me = useMe();
  return (
    <Group gap="xs" mb="md" wrap="wrap" justify="space-between">
      <Group component="nav" gap={4} aria-label={t('views.label')}>
        {VIEWS.map(({ to, key, Icon }) => (
          <Button
            key={key}
            component={Link}
            to={to}
            size="xs"
            variant={pathname === to ? 'light' : 'subtle'}
            aria-current={pathname === to ? 'page' : undefined}
            leftSection={<Icon size={16} aria-hidden />}
          >
            {t(`views.${key}`)}
          </Button>
        ))}
      </Group>
      {(me.can.manageDealStages || me.can.readFxRates) && (
        <Menu position="bottom-end" withinPortal shadow="md">
          <Menu.Target>
            <Button size="xs" variant="subtle" color="gray" leftSection={<IconSettings size={16} aria-hidden />}>
              {t('views.settings')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {me.can.manageDealStages && (
              <Menu.Item component={Link} to="/admin/deal-stages">
                {t('stages.title')}
              </Menu.Item>
            )}
            {me.can.readFxRates && (
              <Menu.Item component={Link} to="/admin/fx-rates">
                {t('rates.title')}
              </Menu.Item>
            )}
          </Menu.Dropdown>
        </Menu>
      )}
    </Group>
  );
}
