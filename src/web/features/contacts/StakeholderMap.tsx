import { Card, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { StakeholderMap as StakeholderMapData } from '../../../shared/schemas/contact.js';
import { EmptyState } from '../../components/states.js';
import { groupLabel } from './labels.js';
import { InfluenceBadge, PrimaryStar, StrengthMeter } from './Ratings.js';
import classes from './StakeholderMap.module.css';
import { RelativeTime } from '../../components/RelativeTime.js';

/** The partner's current people by role: influence, strength, last contact. Empty roles are named as gaps. */
export function StakeholderMap({ map, onSelect }: { map: StakeholderMapData; onSelect?: (contactId: string) => void }) {
  const { t } = useTranslation('contacts');
  const filled = map.groups.filter((g) => g.contacts.length);
  const gaps = map.groups.filter((g) => !g.contacts.length && g.role !== 'unassigned');

  if (!filled.length) {
    return <EmptyState headingLevel={3} icon={<IconUsersGroup size={24} aria-hidden />} title={t('map.none')} description={t('map.noneHint', { partner: map.partner.name })} />;
  }

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {filled.map((g) => (
          <Card key={g.role} withBorder radius="md" padding="sm" component="section" aria-labelledby={`stakeholders-${g.role}`} className={classes.group}>
            <Group justify="space-between" gap="xs" mb="xs">
              <Title order={3} size="h6" id={`stakeholders-${g.role}`}>
                {groupLabel(g.role)}
              </Title>
              <Text size="xs" c="dimmed">
                {g.contacts.length}
              </Text>
            </Group>
            <Stack gap="xs" component="ul" className={classes.list}>
              {g.contacts.map((c) => (
                <Paper key={c.id} component="li" withBorder radius="sm" p="xs" className={classes.person}>
                  <Group gap={6} wrap="nowrap" align="center">
                    {c.isPrimary && <PrimaryStar />}
                    {onSelect ? (
                      <button type="button" className={classes.name} onClick={() => onSelect(c.id)}>
                        {c.fullName}
                      </button>
                    ) : (
                      <Text size="sm" fw={600} className={classes.wrap}>
                        {c.fullName}
                      </Text>
                    )}
                  </Group>
                  {c.title && (
                    <Text size="xs" c="dimmed" className={classes.wrap}>
                      {c.title}
                    </Text>
                  )}
                  <Group gap="xs" mt={6} justify="space-between" wrap="wrap">
                    <InfluenceBadge influence={c.influence} />
                    <StrengthMeter strength={c.strength} />
                  </Group>
                  <Text size="xs" c="dimmed" mt={4}>
                    {t('map.lastContact')}
                    <RelativeTime iso={c.lastContactAt} empty={t('map.never')} />
                  </Text>
                </Paper>
              ))}
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      {gaps.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('map.gaps', { roles: gaps.map((g) => t(`roleInSentence.${g.role}`)).join(', ') })}
        </Text>
      )}
    </Stack>
  );
}
