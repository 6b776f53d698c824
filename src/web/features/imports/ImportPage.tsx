import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, FileInput, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileImport, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { IMPORT_KINDS, type ImportKind, type ImportSummary } from '../../../shared/schemas/import.js';
import { errorMessage } from '../../api.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ListFooter } from '../../components/ListFooter.js';
import { ListTable } from '../../components/ListTable.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryStates } from '../../components/QueryStates.js';
import { EmptyState } from '../../components/states.js';
import { formatDateTime } from '../../lib/format.js';
import { ImportWizard } from './ImportWizard.js';
import { importsListQuery, useUndo, useUpload } from './queries.js';

const STATUS_COLOR = { pending: 'gray', committing: 'blue', committed: 'green', undone: 'orange' } as const;

/** Administration → Import: upload a file, map and check it, commit it; earlier imports with undo. */
export function ImportPage() {
  const { t } = useTranslation('imports');
  const [address, setAddress] = useSearchParams();
  const openId = address.get('id');
  const open = (id: string | null) => setAddress(id ? { id } : {});

  return (
    <>
      <PageHeader title={t('page.title')} description={t('page.description')} />
      <Stack gap="lg">
        {openId ? <ImportWizard id={openId} onClose={() => open(null)} /> : <UploadCard onUploaded={open} />}
        <History onOpen={open} />
      </Stack>
    </>
  );
}

function UploadCard({ onUploaded }: { onUploaded: (id: string) => void }) {
  const { t } = useTranslation('imports');
  const [kind, setKind] = useState<ImportKind>('partners');
  const [file, setFile] = useState<File | null>(null);
  const upload = useUpload();
  return (
    <Card withBorder radius="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (file) upload.mutate({ kind, file }, { onSuccess: (imp) => onUploaded(imp.id) });
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('upload.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('upload.hint')}
          </Text>
          <Group align="end" gap="sm">
            <div>
              <Text size="sm" fw={500} id="import-kind">
                {t('upload.kind')}
              </Text>
              <SegmentedControl
                aria-labelledby="import-kind"
                value={kind}
                onChange={(v) => setKind(v as ImportKind)}
                data={IMPORT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
              />
            </div>
            <FileInput
              label={t('upload.file')}
              placeholder={t('upload.filePlaceholder')}
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              value={file}
              onChange={setFile}
              miw={260}
              clearable
            />
            <Button type="submit" disabled={!file} loading={upload.isPending} leftSection={<IconUpload size={16} aria-hidden />}>
              {t('upload.submit')}
            </Button>
          </Group>
          {upload.isError && (
            <Alert color="red" role="alert">
              {errorMessage(upload.error)}
            </Alert>
          )}
        </Stack>
      </form>
    </Card>
  );
}

function History({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation('imports');
  const [page, setPage] = useState(1);
  const imports = useQuery(importsListQuery(page));
  const [undoing, setUndoing] = useState<ImportSummary | null>(null);
  const undo = useUndo();
  return (
    <Card withBorder radius="md" padding={0}>
      <Title order={2} size="h4" p="sm">
        {t('history.title')}
      </Title>
      <QueryStates
        query={imports}
        loading={t('history.loading')}
        inset
        isEmpty={(p) => p.items.length === 0}
        empty={<EmptyState icon={<IconFileImport size={24} aria-hidden />} title={t('history.none')} />}
      >
        {(p) => (
          <>
            <ListTable query={imports} caption={t('history.caption')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('history.when')}</Table.Th>
                  <Table.Th>{t('history.file')}</Table.Th>
                  <Table.Th visibleFrom="sm">{t('history.by')}</Table.Th>
                  <Table.Th>{t('history.status')}</Table.Th>
                  <Table.Th visibleFrom="sm">{t('history.result')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.items.map((imp) => (
                  <Table.Tr key={imp.id}>
                    <Table.Td>{formatDateTime(imp.createdAt)}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{imp.fileName}</Text>
                      <Text size="xs" c="dimmed">
                        {t(`kind.${imp.kind}`)} · {t('counts.rows', { count: imp.rowCount })}
                      </Text>
                    </Table.Td>
                    <Table.Td visibleFrom="sm">{imp.createdBy?.name ?? '—'}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={STATUS_COLOR[imp.status]}>
                        {t(`status.${imp.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td visibleFrom="sm">{imp.result ? t('history.resultText', imp.result) : '—'}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" justify="end" wrap="nowrap">
                        {imp.status === 'pending' && (
                          <Button size="xs" variant="default" onClick={() => onOpen(imp.id)}>
                            {t('history.open')}
                          </Button>
                        )}
                        {imp.can.undo && (
                          <Button size="xs" variant="default" color="red" onClick={() => setUndoing(imp)}>
                            {t('history.undo')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ListTable>
            <ListFooter total={p.total} page={p.page} pageSize={p.pageSize} counted={t('history.count', { count: p.total })} onPage={setPage} />
          </>
        )}
      </QueryStates>
      <ConfirmDialog
        opened={undoing !== null}
        onClose={() => {
          setUndoing(null);
          undo.reset();
        }}
        onConfirm={() => undoing && undo.mutate({ id: undoing.id, version: undoing.version }, { onSuccess: () => setUndoing(null) })}
        title={t('history.undoTitle')}
        confirmLabel={t('history.undo')}
        danger
        loading={undo.isPending}
        error={undo.error}
      >
        {t('history.undoText')}
      </ConfirmDialog>
    </Card>
  );
}
