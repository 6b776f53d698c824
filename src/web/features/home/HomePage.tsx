import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title, UnstyledButton } from '@mantine/core';
import { IconArrowRight, IconBriefcase, IconCoins, IconSpeakerphone } from '@tabler/icons-react';
import { PageHeader } from '../../components/PageHeader.js';
import { navFor } from '../../components/nav.js';
import { useMe } from '../../components/session.js';
import { DemoDataOffer } from '../partners/DemoData.js';
import classes from './HomePage.module.css';

const COMING = [
  { key: 'deals', icon: IconBriefcase },
  { key: 'funds', icon: IconCoins },
  { key: 'campaigns', icon: IconSpeakerphone },
] as const;

function greeting(now = new Date()) {
  const h = now.getHours();
  return h < 5 ? 'evening' : h < 12 ? 'morning' : h < 18 ? 'afternoon' : 'evening';
}

export function HomePage() {
  const { t } = useTranslation(['home', 'common']);
  const me = useMe();
  const firstName = me.user.name.split(/\s+/)[0] ?? me.user.name;
  const shortcuts = navFor(me.can).filter((e) => e.to !== '/');

  return (
    <>
      <PageHeader title={t(`greeting.${greeting()}`, { name: firstName })} description={t('signedInAs', { role: t(`common:role.${me.user.role}`) })} />
      <Stack gap="xl">
        <DemoDataOffer />
        <section aria-labelledby="shortcuts">
          <Title order={2} size="h4" mb="sm" id="shortcuts">
            {t('jumpTo')}
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
            {shortcuts.map((e) => (
              <UnstyledButton key={e.to} component={Link} to={e.to} className={classes.shortcut}>
                <Group wrap="nowrap" gap="sm">
                  <ThemeIcon variant="light" size={38} radius="md">
                    <e.icon size={20} aria-hidden />
                  </ThemeIcon>
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <Text fw={600} size="sm">
                      {e.label}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {e.description}
                    </Text>
                  </div>
                  <IconArrowRight size={16} aria-hidden className={classes.arrow} />
                </Group>
              </UnstyledButton>
            ))}
          </SimpleGrid>
        </section>

        <section aria-labelledby="coming">
          <Group gap="xs" mb={4}>
            <Title order={2} size="h4" id="coming">
              {t('coming.title')}
            </Title>
            <Badge variant="light" color="gray">
              {t('coming.badge')}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed" mb="sm">
            {t('coming.intro')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            {COMING.map((c) => (
              <Card key={c.key} withBorder padding="md" radius="md">
                <Group gap="sm" wrap="nowrap" align="flex-start">
                  <ThemeIcon variant="light" color="gray" size={34} radius="md">
                    <c.icon size={18} aria-hidden />
                  </ThemeIcon>
                  <div>
                    <Text fw={600} size="sm">
                      {t(`coming.${c.key}.title`)}
                    </Text>
                    <Text size="xs" c="dimmed" mt={2}>
                      {t(`coming.${c.key}.text`)}
                    </Text>
                  </div>
                </Group>
              </Card>
            ))}
          </SimpleGrid>
        </section>
      </Stack>
    </>
  );
}
