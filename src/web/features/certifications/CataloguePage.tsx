import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Group, Stack, Switch, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArchiveOff, IconCertificate, IconPencil, IconPlus, IconSparkles } from '@tabler/icons-react';
import { CERTIFICATION_CATEGORY_LABELS, type Certification } from '../../../shared/schemas/certification.js';
import { errorMessage } from '../../api.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { PageHeader } from '../../components/PageHeader.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.js';
import { plural } from '../../lib/format.js';
import { CertificationFormModal, type CertificationFormTarget } from './CertificationFormModal.js';
import { catalogueQuery, programOptionsQuery, useAddStarterCatalogue, useArchiveCertification, type ProgramOption } from './queries.js';

const validity = (months: number | null) => (months === null ? 'Does not expire' : months % 12 === 0 ? plural(months / 12, 'year') : plural(months, 'month'));

function ProgramCatalogue({
  program,
  certs,
  onAdd,
  onEdit,
  onArchive,
}: {
  program: ProgramOption;
  certs: Certification[];
  onAdd: () => void;
  onEdit: (c: Certification) => void;
  onArchive: (c: Certification) => void;
}) {
  const headingId = `program-${program.id}`;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" mb="sm">
        <Stack gap={2}>
          <Title order={2} size="h4" id={headingId}>
            {program.name}
          </Title>
          <Text size="sm" c="dimmed">
            {program.vendor} · {plural(certs.filter((c) => !c.archivedAt).length, 'certification')}
          </Text>
        </Stack>
        <Button size="xs" variant="default" leftSection={<IconPlus size={14} aria-hidden />} onClick={onAdd} aria-label={`Add a certification to ${program.name}`}>
          Add certification
        </Button>
      </Group>
      {!certs.length ? (
        <Text size="sm" c="dimmed">
          No certifications yet.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs" aria-labelledby={headingId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Certification</Table.Th>
                <Table.Th scope="col">Category</Table.Th>
                <Table.Th scope="col">Valid for</Table.Th>
                <Table.Th scope="col">Renewed by</Table.Th>
                <Table.Th scope="col">Holders</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {certs.map((c) => (
                <Table.Tr key={c.id} c={c.archivedAt ? 'dimmed' : undefined}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {c.name}
                      {c.archivedAt && (
                        <Badge ml={6} size="xs" variant="outline" color="gray">
                          Archived
                        </Badge>
                      )}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {[c.examCode, c.issuer].filter(Boolean).join(' · ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>{CERTIFICATION_CATEGORY_LABELS[c.category]}</Table.Td>
                  <Table.Td>{validity(c.validityMonths)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{c.renewedBy.length ? c.renewedBy.map((r) => r.name).join(', ') : '—'}</Text>
                  </Table.Td>
                  <Table.Td>{c.holderCount}</Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      {!c.archivedAt && (
                        <Button size="xs" variant="default" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => onEdit(c)} aria-label={`Edit ${c.name}`}>
                          Edit
                        </Button>
                      )}
                      <Button
                        size="xs"
                        variant="subtle"
                        color="gray"
                        leftSection={c.archivedAt ? <IconArchiveOff size={14} aria-hidden /> : <IconArchive size={14} aria-hidden />}
                        onClick={() => onArchive(c)}
                        aria-label={`${c.archivedAt ? 'Restore' : 'Archive'} ${c.name}`}
                      >
                        {c.archivedAt ? 'Restore' : 'Archive'}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

/** The administrator's catalogue: per programme, its certifications, their validity and renewal rules. */
export function CataloguePage() {
  const [showArchived, setShowArchived] = useState(false);
  const catalogue = useQuery(catalogueQuery(showArchived));
  const programsQuery = useQuery(programOptionsQuery());
  const starter = useAddStarterCatalogue();
  const archive = useArchiveCertification();
  const [target, setTarget] = useState<CertificationFormTarget | null>(null);
  const [archiving, setArchiving] = useState<Certification | null>(null);

  // Programmes come from the programmes feature; ones only the catalogue knows (it failed to load) still show.
  const programs = new Map<string, ProgramOption>((programsQuery.data ?? []).map((p) => [p.id, p]));
  for (const c of catalogue.data ?? []) if (!programs.has(c.program.id)) programs.set(c.program.id, { id: c.program.id, name: c.program.name, vendor: c.issuer });
  const sorted = [...programs.values()].sort((a, b) => a.name.localeCompare(b.name));

  const addStarter = () =>
    starter.mutate(undefined, {
      onSuccess: (r) =>
        notifications.show({
          color: 'teal',
          message: r.certifications.length
            ? `Added ${plural(r.programs.length, 'programme')} and ${plural(r.certifications.length, 'certification')}.`
            : 'The starter catalogue is complete already: nothing to add.',
        }),
      onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
    });

  return (
    <>
      <PageHeader
        title="Certification catalogue"
        description="The certifications of each partner programme: how long they are valid and which higher exams renew them. Colleagues record theirs on the Certifications page."
        actions={
          <>
            <Button variant="default" leftSection={<IconSparkles size={16} aria-hidden />} loading={starter.isPending} onClick={addStarter}>
              Add starter catalogue
            </Button>
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setTarget({})} disabled={!sorted.length}>
              Add certification
            </Button>
          </>
        }
      />
      <Switch mb="md" label="Show archived" checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} />
      {catalogue.isPending ? (
        <LoadingState label="Loading the catalogue…" />
      ) : catalogue.isError ? (
        <ErrorState error={catalogue.error} onRetry={() => void catalogue.refetch()} />
      ) : !sorted.length ? (
        <EmptyState
          icon={<IconCertificate size={28} aria-hidden />}
          title="No programmes yet"
          description="Add the starter catalogue (AWS, CNCF, Red Hat, Microsoft) to begin, or create a programme under Partner programmes first."
        />
      ) : (
        <Stack gap="lg">
          {sorted.map((p) => (
            <ProgramCatalogue
              key={p.id}
              program={p}
              certs={(catalogue.data ?? []).filter((c) => c.program.id === p.id)}
              onAdd={() => setTarget({ programId: p.id })}
              onEdit={(c) => setTarget({ cert: c })}
              onArchive={(c) =>
                c.archivedAt ? archive.mutate({ cert: c, archived: false }, { onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }) }) : setArchiving(c)
              }
            />
          ))}
        </Stack>
      )}
      <CertificationFormModal target={target} onClose={() => setTarget(null)} programs={sorted} catalogue={catalogue.data ?? []} />
      <ConfirmDialog
        opened={archiving !== null}
        onClose={() => {
          setArchiving(null);
          archive.reset();
        }}
        onConfirm={() => archive.mutate({ cert: archiving!, archived: true }, { onSuccess: () => setArchiving(null) })}
        title="Archive this certification?"
        confirmLabel="Archive"
        loading={archive.isPending}
        error={archive.error}
      >
        {archiving
          ? `${archiving.name} can no longer be chosen for new records. ${plural(archiving.holderCount, 'colleague holds', 'colleagues hold')} it: their records stay. You can restore it later.`
          : null}
      </ConfirmDialog>
    </>
  );
}
