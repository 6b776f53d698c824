import { Link } from 'react-router';
import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PartnerDetail } from '../../../shared/schemas/partner.js';

/**
 * The partner header's "Level": the levels we hold in the partner's linked programmes, whether we
 * meet them today. They come with the partner (`heldLevels`), not from requests of their own.
 */
export function HeldLevels({ partner }: { partner: PartnerDetail }) {
  const { t } = useTranslation('programs');
  const held = partner.heldLevels;
  if (held.length) {
    return (
      <Stack gap={2}>
        {held.map((p) => (
          <div key={p.programId}>
            <Group gap={6} wrap="nowrap">
              <Anchor component={Link} to={`/partners/${partner.id}/programs`} size="sm" fw={500}>
                {p.level.name}
              </Anchor>
              <Badge size="xs" variant="light" color={p.met ? 'teal' : 'red'}>
                {p.met ? t('held.met') : t('held.below')}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed">
              {p.programName}
            </Text>
          </div>
        ))}
      </Stack>
    );
  }
  return (
    <Text span size="sm" c="dimmed">
      {t('held.none')}
    </Text>
  );
}
