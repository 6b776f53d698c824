import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Group, Stack, Switch, Title } from '@mantine/core';
import { IconFiles } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DocumentSubject } from '../../../shared/compliance.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.js';
import { DocumentsTable } from './DocumentsTable.js';
import { subjectDocumentsQuery } from './queries.js';
import { UploadForm } from './UploadForm.js';

export interface DocumentsPanelProps {
  subjectType: DocumentSubject;
  subjectId: string;
  /** The panel's heading; "Documents" when left out. */
  title?: string;
  /** The heading's level where the panel sits (2 on a page's main section, 3 inside one). */
  headingOrder?: 2 | 3 | 4;
}

/**
 * The files attached to one record (a partner, a contract, a risk assessment, a certification):
 * upload, download, new versions, archive. Any page embeds it with the record's type and id;
 * the server says whether the signed-in person may upload.
 */
export function DocumentsPanel({ subjectType, subjectId, title: ownTitle, headingOrder = 2 }: DocumentsPanelProps) {
  const { t } = useTranslation('documents');
  const title = ownTitle ?? t('panel.title');
  const [archived, setArchived] = useState(false);
  const docs = useQuery(subjectDocumentsQuery(subjectType, subjectId, archived));
  const headingId = `documents-${subjectType}-${subjectId}`;

  return (
    <section aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" gap="sm">
          <Title order={headingOrder} size="h4" id={headingId}>
            {title}
          </Title>
          <Switch size="sm" label={t('panel.showArchived')} checked={archived} onChange={(e) => setArchived(e.currentTarget.checked)} />
        </Group>
        {docs.isPending ? (
          <LoadingState label={t('panel.loading')} minHeight={80} />
        ) : docs.isError ? (
          <ErrorState error={docs.error} onRetry={() => void docs.refetch()} />
        ) : (
          <>
            {docs.data.canUpload && <UploadForm subjectType={subjectType} subjectId={subjectId} maxBytes={docs.data.maxBytes} />}
            {docs.data.items.length === 0 ? (
              <EmptyState
                headingLevel={Math.min(headingOrder + 1, 4) as 3 | 4}
                icon={<IconFiles size={24} aria-hidden />}
                title={archived ? t('panel.emptyArchived') : t('panel.empty')}
                description={docs.data.canUpload ? t('panel.emptyUpload') : t('panel.emptyNone')}
              />
            ) : (
              <DocumentsTable items={docs.data.items} maxBytes={docs.data.maxBytes} caption={title} />
            )}
          </>
        )}
      </Stack>
    </section>
  );
}
