import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { ActionIcon, Anchor, Avatar, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserMinus, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { TEAM_ROLES, type TeamRole } from '../../../shared/partners.js';
import type { TeamAssignment } from '../../../shared/schemas/team.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ErrorState, LoadingState } from '../../components/states.js';
import { initials } from '../../lib/format.js';
import type { PartnerTabProps } from '../partners/tabs.js';
import { AddTeamMemberModal } from './AddTeamMemberModal.js';
import { colleaguePath, teamRoleInSentence } from './labels.js';
import { partnerTeamQuery, useRemoveTeamMember } from './queries.js';
import classes from './TeamTab.module.css';

function Person({ id, name, email, inactive, badge, action }: { id: string; name: string; email?: string; inactive?: boolean; badge?: string; action?: ReactNode }) {
  const { t } = useTranslation('team');
  return (
    <Group gap="sm" wrap="nowrap" justify="space-between" component="li" className={classes.person}>
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
        <Avatar name={name} color="initials" radius="xl" size={32}>
          {initials(name)}
        </Avatar>
        <div style={{ minWidth: 0 }}>
          <Group gap={6} wrap="wrap">
            <Anchor component={Link} to={colleaguePath(id)} size="sm" fw={500} className={classes.wrap}>
              {name}
            </Anchor>
            {inactive && (
              <Badge size="xs" variant="outline" color="gray">
                {t('deactivated')}
              </Badge>
            )}
            {badge && (
              <Badge size="xs" variant="light" color="indigo">
                {badge}
              </Badge>
            )}
          </Group>
          {email && (
            <Text size="xs" c="dimmed" className={classes.wrap}>
              {email}
            </Text>
          )}
        </div>
      </Group>
      {action}
    </Group>
  );
}

/** Our team on this partner: who does what, by role; the colleague's name leads to their page. */
export function TeamTab({ partner }: PartnerTabProps) {
  const { t } = useTranslation(['team', 'common']);
  const team = useQuery(partnerTeamQuery(partner.id));
  // An archived partner's team is read-only until the partner is restored.
  const canEdit = partner.can.edit;
  const remove = useRemoveTeamMember(partner.id);
  const [adding, setAdding] = useState<{ role?: TeamRole } | null>(null);
  const [removing, setRemoving] = useState<TeamAssignment | null>(null);

  if (team.isPending) return <LoadingState label={t('tab.loading')} />;
  if (team.isError) return <ErrorState error={team.error} onRetry={() => void team.refetch()} />;

  const byRole = (role: TeamRole) => team.data.filter((a) => a.role === role);
  // The partner's owner is a field of the partner; show them with the owners even when not assigned as one.
  const ownerListed = !partner.owner || byRole('owner').some((a) => a.user.id === partner.owner!.id);

  const confirmRemove = () => {
    if (!removing) return;
    remove.mutate(removing, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('tab.removed', { name: removing.user.name, role: teamRoleInSentence(removing.role), partner: partner.name }) });
        setRemoving(null);
      },
    });
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Text size="sm" c="dimmed" style={{ flex: '1 1 20rem' }}>
          {t('tab.intro', { partner: partner.name })}
        </Text>
        {canEdit && (
          <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setAdding({})}>
            {t('tab.addColleague')}
          </Button>
        )}
      </Group>

      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {TEAM_ROLES.map((role) => {
          const people = byRole(role);
          const extraOwner = role === 'owner' && !ownerListed ? partner.owner : null;
          const empty = !people.length && !extraOwner;
          return (
            <Card key={role} withBorder radius="md" padding="md" component="section" aria-labelledby={`team-role-${role}`}>
              <Group justify="space-between" gap="xs" wrap="nowrap" mb={4}>
                <Title order={2} size="h5" id={`team-role-${role}`}>
                  {t(`role.${role}`)}
                </Title>
                {canEdit && (
                  <Tooltip label={t('tab.addInRole', { role: teamRoleInSentence(role) })}>
                    <ActionIcon variant="subtle" color="gray" aria-label={t('tab.addInRoleLabel', { role: teamRoleInSentence(role) })} onClick={() => setAdding({ role })}>
                      <IconUserPlus size={16} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                )}
              </Group>
              <Text size="xs" c="dimmed" mb="sm">
                {t(`roleDescription.${role}`)}
              </Text>
              {empty ? (
                <Text size="sm" c="dimmed" fs="italic">
                  {t('tab.nobody')}
                </Text>
              ) : (
                <Stack gap="xs" component="ul" className={classes.list}>
                  {extraOwner && <Person id={extraOwner.id} name={extraOwner.name} badge={t('tab.partnerOwner')} />}
                  {people.map((a) => (
                    <Person
                      key={a.id}
                      id={a.user.id}
                      name={a.user.name}
                      email={a.user.email}
                      inactive={!a.user.active}
                      badge={role === 'owner' && a.user.id === partner.owner?.id ? t('tab.partnerOwner') : undefined}
                      action={
                        canEdit ? (
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            aria-label={t('tab.removeLabel', { name: a.user.name, role: teamRoleInSentence(role) })}
                            onClick={() => {
                              remove.reset();
                              setRemoving(a);
                            }}
                          >
                            <IconUserMinus size={16} aria-hidden />
                          </ActionIcon>
                        ) : undefined
                      }
                    />
                  ))}
                </Stack>
              )}
            </Card>
          );
        })}
      </SimpleGrid>

      <AddTeamMemberModal partnerId={partner.id} partnerName={partner.name} opened={adding !== null} defaultRole={adding?.role} onClose={() => setAdding(null)} />
      <ConfirmDialog
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        onConfirm={confirmRemove}
        title={removing ? t('tab.removeTitle', { name: removing.user.name }) : t('tab.removeTitleLoading')}
        confirmLabel={t('common:action.remove')}
        danger
        loading={remove.isPending}
        error={remove.error}
      >
        {removing && t('tab.removeText', { name: removing.user.name, role: teamRoleInSentence(removing.role), partner: partner.name })}
      </ConfirmDialog>
    </Stack>
  );
}
