import { Link } from 'react-router';
import { Badge, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title, UnstyledButton } from '@mantine/core';
import { IconArrowRight, IconBriefcase, IconCoins, IconSpeakerphone } from '@tabler/icons-react';
import { ROLE_LABELS } from '../../../shared/roles.js';
import { PageHeader } from '../../components/PageHeader.js';
import { navFor } from '../../components/nav.js';
import { useMe } from '../../components/session.js';
import { DemoDataOffer } from '../partners/DemoData.js';
import classes from './HomePage.module.css';

const COMING = [
  { icon: IconBriefcase, title: 'Deals & registrations', text: 'Joint opportunities and deal registrations with their status and expiry.' },
  { icon: IconCoins, title: 'Funds & invoices', text: 'Marketing development funds, claims and the invoices that collect them.' },
  { icon: IconSpeakerphone, title: 'Campaigns & events', text: 'Webinars, roadshows and joint campaigns planned with each partner.' },
];

function greeting(now = new Date()) {
  const h = now.getHours();
  return h < 5 ? 'Good evening' : h < 12 ? 'Good morning' : h < 18 ? 'Good afternoon' : 'Good evening';
}

export function HomePage() {
  const me = useMe();
  const firstName = me.user.name.split(/\s+/)[0] ?? me.user.name;
  const shortcuts = navFor(me.can).filter((e) => e.to !== '/');

  return (
    <>
      <PageHeader title={`${greeting()}, ${firstName}`} description={`Signed in as ${ROLE_LABELS[me.user.role]}.`} />
      <Stack gap="xl">
        <DemoDataOffer />
        <section aria-labelledby="shortcuts">
          <Title order={2} size="h4" mb="sm" id="shortcuts">
            Jump to
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
              Coming to Partnerhub
            </Title>
            <Badge variant="light" color="gray">
              In development
            </Badge>
          </Group>
          <Text size="sm" c="dimmed" mb="sm">
            Partners, their people and the timeline, the relationship rhythm and compliance (certifications, levels, supplier risk, contracts) are in place. These parts follow,
            each appearing in the navigation as it arrives.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            {COMING.map((c) => (
              <Card key={c.title} withBorder padding="md" radius="md">
                <Group gap="sm" wrap="nowrap" align="flex-start">
                  <ThemeIcon variant="light" color="gray" size={34} radius="md">
                    <c.icon size={18} aria-hidden />
                  </ThemeIcon>
                  <div>
                    <Text fw={600} size="sm">
                      {c.title}
                    </Text>
                    <Text size="xs" c="dimmed" mt={2}>
                      {c.text}
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
