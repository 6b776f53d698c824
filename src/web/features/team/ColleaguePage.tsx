import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Anchor, Avatar, Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconBuildingStore, IconCrown } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TeamRole } from '../../../shared/partners.js';
import type { ColleagueDetail } from '../../../shared/schemas/team.js';
import { PageHeader } from '../../components/PageHeader.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.js';
import { initials } from '../../lib/format.js';
import { importanceLabel, statusLabel } from '../partners/labels.js';
import { RoleBadge } from '../users/RoleSelect.js';
import { colleagueQuery } from './queries.js';

type Row = { partner: ColleagueDetail['assignments'][number]['partner']; roles: TeamRole[] };

/** One row per partner with every role the colleague holds there. */
function byPartner(detail: ColleagueDetail): Row[] {
  const rows = new Map<string, Row>();
  for (const a of detail.assignments) {
    const row = rows.get(a.partner.id) ?? { partner: a.partner, roles: [] };
    row.roles.push(a.role);
    rows.set(a.partner.id, row);
  }
  return [...rows.values()];
}

const partnerPath = (id: string) => `/partners/${encodeURIComponent(id)}`;

export function ColleaguePage() {
  const { t } = useTranslation('team');
  const { id = '' } = useParams();
  const colleague = useQuery(colleagueQuery(id));

  if (colleague.isPending) return <LoadingState label={t('colleague.loading')} />;
  if (colleague.isError) return <ErrorState error={colleague.error} onRetry={() => void colleague.refetch()} />;

  const { user, owned } = colleague.data;
  const rows = byPartner(colleague.data);

  return (
    <>
      <PageHeader
        title={user.name}
        description={
          <Group gap="xs" component="span">
            <Anchor href={`mailto:${user.email}`} size="sm">
              {user.email}
            </Anchor>
            <RoleBadge role={user.role} />
            {!user.active && (
              <Badge variant="dot" color="red">
                {t('deactivated')}
              </Badge>
            )}
          </Group>
        }
      />
      <Stack gap="lg">
        <Card withBorder radius="md" padding="md" component="section" aria-labelledby="owned-heading">
          <Group gap="xs" mb="sm">
            <IconCrown size={18} aria-hidden />
            <Title order={2} size="h4" id="owned-heading">
              {t('colleague.owned', { name: user.name })}
            </Title>
          </Group>
          {owned.length ? (
            <Group gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {owned.map((p) => (
                <li key={p.id}>
                  <Badge component={Link} to={partnerPath(p.id)} variant="light" size="lg" style={{ cursor: 'pointer', textTransform: 'none' }}>
                    {p.name}
                  </Badge>
                </li>
              ))}
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              {t('colleague.ownsNone', { name: user.name })}
            </Text>
          )}
        </Card>

        <Card withBorder radius="md" padding={0} component="section" aria-labelledby="roles-heading">
          <Group gap="xs" p="md" pb="xs">
            <IconBuildingStore size={18} aria-hidden />
            <Title order={2} size="h4" id="roles-heading">
              {t('colleague.teamRoles')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('colleague.partners', { count: rows.length })}
            </Text>
          </Group>
          {rows.length === 0 ? (
            <EmptyState headingLevel={3} title={t('colleague.noTeam')} description={t('colleague.noTeamHint', { name: user.name })} />
          ) : (
            <Table.ScrollContainer minWidth={0}>
              <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
                <Table.Caption className="visually-hidden">{t('colleague.caption', { name: user.name })}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('colleague.partner')}</Table.Th>
                    <Table.Th>{t('colleague.roles')}</Table.Th>
                    <Table.Th visibleFrom="sm">{t('colleague.status')}</Table.Th>
                    <Table.Th visibleFrom="sm">{t('colleague.importance')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={r.partner.id}>
                      <Table.Td>
                        <Group gap="sm" wrap="nowrap">
                          <Avatar name={r.partner.name} color="initials" radius="sm" size={28} visibleFrom="xs">
                            {initials(r.partner.name)}
                          </Avatar>
                          <Anchor component={Link} to={partnerPath(r.partner.id)} size="sm" fw={500}>
                            {r.partner.name}
                          </Anchor>
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {r.roles.map((role) => (
                            <Badge key={role} variant="light" color="indigo" style={{ textTransform: 'none' }}>
                              {t(`role.${role}`)}
                            </Badge>
                          ))}
                        </Group>
                      </Table.Td>
                      <Table.Td visibleFrom="sm">
                        <Text size="sm">{statusLabel(r.partner.status)}</Text>
                      </Table.Td>
                      <Table.Td visibleFrom="sm">
                        <Text size="sm">{importanceLabel(r.partner.importance)}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Card>
      </Stack>
    </>
  );
}
