import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Anchor, Breadcrumbs, Button, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArchiveOff, IconPencil, IconStairsUp } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api.js';
import { AuditHistory } from '../audit/AuditHistory.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useMe } from '../../components/session.js';
import { ErrorState, LoadingState } from '../../components/states.js';
import { LadderEditorModal } from './LadderEditorModal.js';
import { ProgramFormModal } from './ProgramFormModal.js';
import { ProgramStanding } from './ProgramStanding.js';
import { programQuery, useArchiveProgram } from './queries.js';

/** One programme: where we stand, its ladder (editable by managers) and its history. */
export function ProgramPage() {
  const { t } = useTranslation(['programs', 'common']);
  const { id = '' } = useParams();
  const me = useMe();
  const canManage = me.can.managePrograms;
  const program = useQuery(programQuery(id));
  const archive = useArchiveProgram();
  const [editing, setEditing] = useState(false);
  const [ladder, setLadder] = useState(false);

  if (program.isPending) return <LoadingState label={t('page.loading')} />;
  if (program.isError || !program.data) return <ErrorState error={program.error} onRetry={() => void program.refetch()} />;
  const p = program.data;
  const live = !p.archivedAt;

  return (
    <>
      <Breadcrumbs mb="xs">
        <Anchor component={Link} to="/programs" size="sm">
          {t('list.title')}
        </Anchor>
        <Text size="sm">{p.name}</Text>
      </Breadcrumbs>
      <PageHeader
        title={p.name}
        description={
          <>
            {p.vendor}
            {p.partner && (
              <>
                {' · '}
                {t('page.partner')}{' '}
                <Anchor component={Link} to={`/partners/${p.partner.id}/programs`} size="sm">
                  {p.partner.name}
                </Anchor>
              </>
            )}
            {p.archivedAt && ` · ${t('page.archived')}`}
          </>
        }
        actions={
          canManage && (
            <>
              {live && (
                <>
                  <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
                    {t('page.edit')}
                  </Button>
                  <Button leftSection={<IconStairsUp size={16} aria-hidden />} onClick={() => setLadder(true)}>
                    {t('page.editLevels')}
                  </Button>
                </>
              )}
              <Button
                variant="subtle"
                color="gray"
                leftSection={live ? <IconArchive size={16} aria-hidden /> : <IconArchiveOff size={16} aria-hidden />}
                loading={archive.isPending}
                onClick={() =>
                  archive.mutate(
                    { program: p, archived: live },
                    { onError: (e) => notifications.show({ color: 'red', title: live ? t('page.notArchived') : t('page.notRestored'), message: errorMessage(e) }) },
                  )
                }
              >
                {live ? t('common:action.archive') : t('common:action.restore')}
              </Button>
            </>
          )
        }
      />
      <Stack gap="lg">
        {p.description && <Text size="sm">{p.description}</Text>}
        <ProgramStanding program={p} canManage={canManage} showName={false} />
        <Stack gap="xs" component="section" aria-labelledby="program-history">
          <Title order={2} size="h4" id="program-history">
            {t('page.history')}
          </Title>
          <AuditHistory
            entityType="partner_program"
            entityId={p.id}
            fieldLabels={{
              levels: t('field.levels'),
              heldLevel: t('field.heldLevel'),
              heldSince: t('field.heldSince'),
              nextReviewOn: t('field.nextReviewOn'),
              partner: t('field.partner'),
              // After the five above, in the record's own order (as before they had labels).
              name: t('field.name'),
              vendor: t('field.vendor'),
              description: t('field.description'),
              url: t('field.url'),
              archivedAt: t('field.archivedAt'),
            }}
          />
        </Stack>
      </Stack>
      <ProgramFormModal opened={editing} program={p} onClose={() => setEditing(false)} />
      <LadderEditorModal opened={ladder} program={p} onClose={() => setLadder(false)} />
    </>
  );
}
