import { Link } from 'react-router';
import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { Partner } from '../../../shared/schemas/partner.js';
import { partnerProgramsQuery } from './queries.js';

/**
 * The partner header's "Level": the levels we hold in the partner's linked programmes, whether we
 * meet them today; the free-text level recorded on the partner when no programme is linked.
 */
export function HeldLevels({ partner }: { partner: Partner }) {
  const { data } = useQuery(partnerProgramsQuery(partner.id));
  const held = (data ?? []).filter((p) => p.held);
  if (held.length) {
    return (
      <Stack gap={2}>
        {held.map((p) => (
          <div key={p.id}>
            <Group gap={6} wrap="nowrap">
              <Anchor component={Link} to={`/partners/${partner.id}/programs`} size="sm" fw={500}>
                {p.held!.level.name}
              </Anchor>
              <Badge size="xs" variant="light" color={p.held!.met ? 'teal' : 'red'}>
                {p.held!.met ? 'met' : 'below'}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed">
              {p.name}
            </Text>
          </div>
        ))}
      </Stack>
    );
  }
  if (partner.level || partner.program) {
    return (
      <>
        <Text span size="sm" fw={500}>
          {partner.level ?? '—'}
        </Text>
        {partner.program && (
          <Text size="xs" c="dimmed">
            {partner.program}
          </Text>
        )}
      </>
    );
  }
  return (
    <Text span size="sm" c="dimmed">
      Not recorded
    </Text>
  );
}
