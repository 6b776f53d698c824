import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Group, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { IconArchive, IconArchiveOff, IconListCheck, IconPencil, IconPlus, IconSparkles } from '@tabler/icons-react';
import type { Playbook } from '../../../shared/schemas/playbook.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useMe } from '../../components/session.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.js';
import { errorMessage } from '../../api.js';
import { i18n } from '../../i18n.js';
import { typeLabel } from '../partners/labels.js';
import { TEAM_ROLE_LABELS } from '../team/labels.js';
import { PlaybookFormModal } from './PlaybookFormModal.js';
import { playbooksQuery, useAddStarterPlaybooks, useArchivePlaybook } from './queries.js';

export const dueAfterLabel = (days: number) => (days === 0 ? i18n.t('playbooks:card.firstDay') : i18n.t('playbooks:card.after', { count: days }));

function PlaybookCard({ playbook, canEdit, onEdit, onArchive }: { playbook: Playbook; canEdit: boolean; onEdit: () => void; onArchive: () => void }) {
  const { t } = useTranslation(['playbooks', 'common']);
  const headingId = `playbook-${playbook.id}`;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" gap="xs" mb="xs">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 12rem' }}>
          <Title order={2} size="h4" id={headingId}>
            {playbook.name}
          </Title>
          <Group gap={6}>
            <Badge variant="light" color="indigo">
              {typeLabel(playbook.partnerType)}
            </Badge>
            <Badge variant="outline" color="gray">
              {t('card.steps', { count: playbook.steps.length })}
            </Badge>
            {playbook.archivedAt && (
              <Badge variant="outline" color="gray">
                {t('card.archived')}
              </Badge>
            )}
          </Group>
        </Stack>
        {canEdit && (
          <Group gap="xs">
            {!playbook.archivedAt && (
              <Button size="xs" variant="default" leftSection={<IconPencil size={14} aria-hidden />} onClick={onEdit} aria-label={t('card.editLabel', { name: playbook.name })}>
                {t('common:action.edit')}
              </Button>
            )}
            <Button
              size="xs"
              variant="subtle"
              color="gray"
              leftSection={playbook.archivedAt ? <IconArchiveOff size={14} aria-hidden /> : <IconArchive size={14} aria-hidden />}
              onClick={onArchive}
              aria-label={playbook.archivedAt ? t('card.restoreLabel', { name: playbook.name }) : t('card.archiveLabel', { name: playbook.name })}
            >
              {playbook.archivedAt ? t('common:action.restore') : t('common:action.archive')}
            </Button>
          </Group>
        )}
      </Group>
      {playbook.description && (
        <Text size="sm" c="dimmed" mb="sm">
          {playbook.description}
        </Text>
      )}
      <Table.ScrollContainer minWidth={0}>
        <Table verticalSpacing={6} horizontalSpacing="xs" fz="sm">
          <Table.Caption className="visually-hidden">{t('card.caption', { name: playbook.name })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={32}>#</Table.Th>
              <Table.Th>{t('card.step')}</Table.Th>
              <Table.Th>{t('card.owner')}</Table.Th>
              <Table.Th>{t('card.due')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {playbook.steps.map((s, i) => (
              <Table.Tr key={s.id}>
                <Table.Td>{i + 1}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {s.title}
                  </Text>
                  {s.description && (
                    <Text size="xs" c="dimmed">
                      {s.description}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{TEAM_ROLE_LABELS[s.ownerRole]}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{dueAfterLabel(s.dueAfterDays)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

/** The onboarding playbooks: templates per partner type whose steps become tasks when an onboarding starts. */
export function PlaybooksPage() {
  const { t } = useTranslation(['playbooks', 'common']);
  const me = useMe();
  const canEdit = me.user.role === 'admin';
  const [archived, setArchived] = useState<'false' | 'true'>('false');
  const playbooks = useQuery(playbooksQuery(archived));
  const starter = useAddStarterPlaybooks();
  const archive = useArchivePlaybook();
  const [editing, setEditing] = useState<Playbook | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [archiving, setArchiving] = useState<Playbook | null>(null);

  const addStarter = () =>
    starter.mutate(undefined, {
      onSuccess: (r) =>
        notifications.show({
          color: 'teal',
          message: r.created.length
            ? r.skipped.length
              ? t('page.starterAddedSkipped', { count: r.created.length, skipped: t('page.skipped', { count: r.skipped.length }) })
              : t('page.starterAdded', { count: r.created.length })
            : t('page.starterComplete'),
        }),
      onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
    });
  const openForm = (p: Playbook | null) => {
    setEditing(p);
    setFormOpen(true);
  };
  const confirmArchive = () => {
    if (!archiving) return;
    archive.mutate(
      { playbook: archiving, archived: !archiving.archivedAt },
      {
        onSuccess: (p) => {
          notifications.show({ color: 'teal', message: p.archivedAt ? t('page.archivedDone', { name: p.name }) : t('page.restoredDone', { name: p.name }) });
          setArchiving(null);
        },
      },
    );
  };

  const actions = canEdit ? (
    <>
      <Button variant="default" leftSection={<IconSparkles size={16} aria-hidden />} onClick={addStarter} loading={starter.isPending}>
        {t('page.addStarter')}
      </Button>
      <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => openForm(null)}>
        {t('page.new')}
      </Button>
    </>
  ) : null;

  return (
    <>
      <PageHeader title={t('page.title')} description={t('page.description')} actions={actions} />
      <Stack gap="md">
        <SegmentedControl
          aria-label={t('page.which')}
          value={archived}
          onChange={(v) => setArchived(v as 'false' | 'true')}
          data={[
            { value: 'false', label: t('page.inUse') },
            { value: 'true', label: t('page.archived') },
          ]}
          style={{ alignSelf: 'flex-start' }}
        />
        {playbooks.isPending ? (
          <LoadingState label={t('page.loading')} />
        ) : playbooks.isError ? (
          <ErrorState error={playbooks.error} onRetry={() => void playbooks.refetch()} />
        ) : playbooks.data.length === 0 ? (
          <Card withBorder radius="md">
            <EmptyState
              icon={<IconListCheck size={24} aria-hidden />}
              title={archived === 'true' ? t('page.emptyArchived') : t('page.empty')}
              description={archived === 'true' ? t('page.emptyArchivedText') : canEdit ? t('page.emptyAdminText') : t('page.emptyText')}
              action={archived === 'false' ? actions : undefined}
            />
          </Card>
        ) : (
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            {playbooks.data.map((p) => (
              <PlaybookCard
                key={p.id}
                playbook={p}
                canEdit={canEdit}
                onEdit={() => openForm(p)}
                onArchive={() => {
                  archive.reset();
                  setArchiving(p);
                }}
              />
            ))}
          </SimpleGrid>
        )}
      </Stack>
      <PlaybookFormModal opened={formOpen} playbook={editing} onClose={() => setFormOpen(false)} />
      <ConfirmDialog
        opened={archiving !== null}
        onClose={() => setArchiving(null)}
        onConfirm={confirmArchive}
        title={
          archiving?.archivedAt ? t('page.restoreTitle', { name: archiving.name }) : archiving ? t('page.archiveTitle', { name: archiving.name }) : t('page.archiveTitleUnnamed')
        }
        confirmLabel={archiving?.archivedAt ? t('common:action.restore') : t('common:action.archive')}
        loading={archive.isPending}
        error={archive.error}
      >
        {archiving?.archivedAt ? t('page.restoreText') : t('page.archiveText')}
      </ConfirmDialog>
    </>
  );
}
