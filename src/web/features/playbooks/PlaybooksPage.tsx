import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Group, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArchiveOff, IconListCheck, IconPencil, IconPlus, IconSparkles } from '@tabler/icons-react';
import { PARTNER_TYPE_LABELS } from '../../../shared/partners.js';
import type { Playbook } from '../../../shared/schemas/playbook.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useMe } from '../../components/session.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.js';
import { errorMessage } from '../../api.js';
import { plural } from '../../lib/format.js';
import { TEAM_ROLE_LABELS } from '../team/labels.js';
import { PlaybookFormModal } from './PlaybookFormModal.js';
import { playbooksQuery, useAddStarterPlaybooks, useArchivePlaybook } from './queries.js';

export const dueAfterLabel = (days: number) => (days === 0 ? 'On the first day' : `After ${plural(days, 'day')}`);

function PlaybookCard({ playbook, canEdit, onEdit, onArchive }: { playbook: Playbook; canEdit: boolean; onEdit: () => void; onArchive: () => void }) {
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
              {PARTNER_TYPE_LABELS[playbook.partnerType]}
            </Badge>
            <Badge variant="outline" color="gray">
              {plural(playbook.steps.length, 'step')}
            </Badge>
            {playbook.archivedAt && (
              <Badge variant="outline" color="gray">
                Archived
              </Badge>
            )}
          </Group>
        </Stack>
        {canEdit && (
          <Group gap="xs">
            {!playbook.archivedAt && (
              <Button size="xs" variant="default" leftSection={<IconPencil size={14} aria-hidden />} onClick={onEdit} aria-label={`Edit ${playbook.name}`}>
                Edit
              </Button>
            )}
            <Button
              size="xs"
              variant="subtle"
              color="gray"
              leftSection={playbook.archivedAt ? <IconArchiveOff size={14} aria-hidden /> : <IconArchive size={14} aria-hidden />}
              onClick={onArchive}
              aria-label={`${playbook.archivedAt ? 'Restore' : 'Archive'} ${playbook.name}`}
            >
              {playbook.archivedAt ? 'Restore' : 'Archive'}
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
          <Table.Caption className="visually-hidden">Steps of {playbook.name}, in order</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={32}>#</Table.Th>
              <Table.Th>Step</Table.Th>
              <Table.Th>Owner</Table.Th>
              <Table.Th>Due</Table.Th>
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
            ? `Added ${plural(r.created.length, 'starter playbook')}${r.skipped.length ? `; ${plural(r.skipped.length, 'name')} already in use were left alone` : ''}.`
            : 'Every starter playbook is here already.',
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
          notifications.show({ color: 'teal', message: p.archivedAt ? `${p.name} is archived.` : `${p.name} is back in use.` });
          setArchiving(null);
        },
      },
    );
  };

  const actions = canEdit ? (
    <>
      <Button variant="default" leftSection={<IconSparkles size={16} aria-hidden />} onClick={addStarter} loading={starter.isPending}>
        Add starter playbooks
      </Button>
      <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => openForm(null)}>
        New playbook
      </Button>
    </>
  ) : null;

  return (
    <>
      <PageHeader
        title="Onboarding playbooks"
        description="The path a new partner takes, per partner type. Starting an onboarding on a partner’s Onboarding tab turns each step into a task, due relative to the start."
        actions={actions}
      />
      <Stack gap="md">
        <SegmentedControl
          aria-label="Which playbooks"
          value={archived}
          onChange={(v) => setArchived(v as 'false' | 'true')}
          data={[
            { value: 'false', label: 'In use' },
            { value: 'true', label: 'Archived' },
          ]}
          style={{ alignSelf: 'flex-start' }}
        />
        {playbooks.isPending ? (
          <LoadingState label="Loading playbooks…" />
        ) : playbooks.isError ? (
          <ErrorState error={playbooks.error} onRetry={() => void playbooks.refetch()} />
        ) : playbooks.data.length === 0 ? (
          <Card withBorder radius="md">
            <EmptyState
              icon={<IconListCheck size={24} aria-hidden />}
              title={archived === 'true' ? 'No archived playbooks' : 'No playbooks yet'}
              description={
                archived === 'true'
                  ? 'Archived playbooks show here; they can be restored.'
                  : canEdit
                    ? 'Start from the starter set (one per partner type) and adapt it, or write your own.'
                    : 'An administrator sets up the onboarding playbooks.'
              }
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
        title={archiving?.archivedAt ? `Restore ${archiving.name}?` : `Archive ${archiving?.name ?? 'playbook'}?`}
        confirmLabel={archiving?.archivedAt ? 'Restore' : 'Archive'}
        loading={archive.isPending}
        error={archive.error}
      >
        {archiving?.archivedAt
          ? 'It can be picked again when starting an onboarding.'
          : 'It can no longer be picked when starting an onboarding. Onboardings already started with it go on unchanged.'}
      </ConfirmDialog>
    </>
  );
}
