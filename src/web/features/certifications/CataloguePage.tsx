import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Group, Stack, Switch, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { IconArchive, IconArchiveOff, IconCertificate, IconPencil, IconPlus, IconSparkles } from '@tabler/icons-react';
import type { Certification } from '../../../shared/schemas/certification.js';
import { errorMessage } from '../../api.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ExportMenu } from '../../components/ExportMenu.js';
import { PageHeader } from '../../components/PageHeader.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.js';
import { i18n } from '../../i18n.js';
import { CertificationFormModal, type CertificationFormTarget } from './CertificationFormModal.js';
import { categoryLabel } from './labels.js';
import { catalogueQuery, programOptionsQuery, useAddStarterCatalogue, useArchiveCertification, type ProgramOption } from './queries.js';

const validity = (months: number | null) =>
  months === null
    ? i18n.t('certifications:catalogue.doesNotExpire')
    : months % 12 === 0
      ? i18n.t('certifications:catalogue.years', { count: months / 12 })
      : i18n.t('certifications:catalogue.months', { count: months });

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
  const { t } = useTranslation(['certifications', 'common']);
  const headingId = `program-${program.id}`;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" mb="sm">
        <Stack gap={2}>
          <Title order={2} size="h4" id={headingId}>
            {program.name}
          </Title>
          <Text size="sm" c="dimmed">
            {t('catalogue.vendorCount', { vendor: program.vendor, count: certs.filter((c) => !c.archivedAt).length })}
          </Text>
        </Stack>
        <Button size="xs" variant="default" leftSection={<IconPlus size={14} aria-hidden />} onClick={onAdd} aria-label={t('catalogue.addTo', { programme: program.name })}>
          {t('catalogue.add')}
        </Button>
      </Group>
      {!certs.length ? (
        <Text size="sm" c="dimmed">
          {t('catalogue.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs" aria-labelledby={headingId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('catalogue.certification')}</Table.Th>
                <Table.Th scope="col">{t('catalogue.category')}</Table.Th>
                <Table.Th scope="col">{t('catalogue.validFor')}</Table.Th>
                <Table.Th scope="col">{t('catalogue.renewedBy')}</Table.Th>
                <Table.Th scope="col">{t('catalogue.holders')}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t('catalogue.actions')}</VisuallyHidden>
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
                          {t('catalogue.archived')}
                        </Badge>
                      )}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {[c.examCode, c.issuer].filter(Boolean).join(' · ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>{categoryLabel(c.category)}</Table.Td>
                  <Table.Td>{validity(c.validityMonths)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{c.renewedBy.length ? c.renewedBy.map((r) => r.name).join(', ') : '—'}</Text>
                  </Table.Td>
                  <Table.Td>{c.holderCount}</Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      {!c.archivedAt && (
                        <Button
                          size="xs"
                          variant="default"
                          leftSection={<IconPencil size={14} aria-hidden />}
                          onClick={() => onEdit(c)}
                          aria-label={t('catalogue.editLabel', { name: c.name })}
                        >
                          {t('common:action.edit')}
                        </Button>
                      )}
                      <Button
                        size="xs"
                        variant="subtle"
                        color="gray"
                        leftSection={c.archivedAt ? <IconArchiveOff size={14} aria-hidden /> : <IconArchive size={14} aria-hidden />}
                        onClick={() => onArchive(c)}
                        aria-label={c.archivedAt ? t('catalogue.restoreLabel', { name: c.name }) : t('catalogue.archiveLabel', { name: c.name })}
                      >
                        {c.archivedAt ? t('common:action.restore') : t('common:action.archive')}
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
  const { t } = useTranslation(['certifications', 'common']);
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
            ? t('catalogue.starterAdded', {
                programmes: t('catalogue.starterProgrammes', { count: r.programs.length }),
                certifications: t('catalogue.starterCertifications', { count: r.certifications.length }),
              })
            : t('catalogue.starterComplete'),
        }),
      onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
    });

  return (
    <>
      <PageHeader
        title={t('catalogue.title')}
        description={t('catalogue.description')}
        actions={
          <>
            <Button variant="default" leftSection={<IconSparkles size={16} aria-hidden />} loading={starter.isPending} onClick={addStarter}>
              {t('catalogue.addStarter')}
            </Button>
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setTarget({})} disabled={!sorted.length}>
              {t('catalogue.add')}
            </Button>
          </>
        }
      />
      <Group justify="space-between" align="center" mb="md">
        <Switch label={t('catalogue.showArchived')} checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} />
        <ExportMenu path="/api/certifications/export" params={{ includeArchived: showArchived ? 'true' : undefined }} />
      </Group>
      {catalogue.isPending ? (
        <LoadingState label={t('catalogue.loading')} />
      ) : catalogue.isError ? (
        <ErrorState error={catalogue.error} onRetry={() => void catalogue.refetch()} />
      ) : !sorted.length ? (
        <EmptyState icon={<IconCertificate size={28} aria-hidden />} title={t('catalogue.empty')} description={t('catalogue.emptyText')} />
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
        title={t('catalogue.archiveTitle')}
        confirmLabel={t('common:action.archive')}
        loading={archive.isPending}
        error={archive.error}
      >
        {archiving ? t('catalogue.archiveText', { name: archiving.name, count: archiving.holderCount }) : null}
      </ConfirmDialog>
    </>
  );
}
