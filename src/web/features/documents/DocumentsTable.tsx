import { Fragment, useRef, useState } from 'react';
import { Anchor, Badge, Button, Group, Modal, Stack, Table, Text, Alert } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { IconArchive, IconDownload, IconHistory, IconRestore, IconUpload } from '@tabler/icons-react';
import { formatBytes, type DocumentItem } from '../../../shared/schemas/document.js';
import { formatLocale } from '../../i18n.js';
import { errorMessage } from '../../api.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { formatDateTime } from '../../lib/format.js';
import { FilePicker } from './FilePicker.js';
import { useArchiveDocument, useUploadVersion } from './queries.js';

function NewVersionModal({ document, maxBytes, onClose }: { document: DocumentItem; maxBytes: number; onClose: () => void }) {
  const { t } = useTranslation(['documents', 'common']);
  const upload = useUploadVersion();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!file) return setError(t('version.chooseFile'));
    if (error) return;
    upload.mutate(
      { document, file },
      {
        onSuccess: (d) => {
          notifications.show({ color: 'green', message: t('version.uploaded', { title: d.title, version: d.currentVersion }) });
          onClose();
        },
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('version.modalTitle', { title: document.title })} centered>
      <form onSubmit={submit}>
        <Stack gap="md">
          <Text size="sm">{t('version.text', { next: document.currentVersion + 1, current: document.currentVersion })}</Text>
          <FilePicker
            ref={input}
            label={t('version.file')}
            maxBytes={maxBytes}
            error={error}
            disabled={upload.isPending}
            onChange={(f) => {
              upload.reset();
              setFile(f);
              setError(f && f.size > maxBytes ? t('tooLarge', { limit: formatBytes(maxBytes, formatLocale()) }) : null);
            }}
          />
          {upload.isError && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(upload.error)}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={upload.isPending}>
              {t('common:action.cancel')}
            </Button>
            <Button type="submit" loading={upload.isPending} leftSection={<IconUpload size={16} aria-hidden />}>
              {t('version.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function Versions({ d }: { d: DocumentItem }) {
  const { t } = useTranslation('documents');
  return (
    <Stack gap={4} py={4} pl="md">
      {d.versions.map((v) => (
        <Group key={v.id} gap="xs" wrap="wrap" fz="sm">
          <Badge size="sm" variant={v.versionNo === d.currentVersion ? 'filled' : 'light'} color="gray">
            {t('version.badge', { version: v.versionNo })}
          </Badge>
          <Text size="sm">{v.fileName}</Text>
          <Text size="sm" c="dimmed">
            {t('version.line', { size: formatBytes(v.sizeBytes, formatLocale()), by: v.uploadedBy?.name ?? t('version.someone'), at: formatDateTime(v.uploadedAt) })}
          </Text>
          <Anchor href={v.downloadUrl} size="sm" aria-label={t('version.downloadLabel', { version: v.versionNo, file: v.fileName })}>
            {t('version.download')}
          </Anchor>
        </Group>
      ))}
    </Stack>
  );
}

/** Documents with their current version; a row opens its version history. */
export function DocumentsTable({ items, maxBytes, caption, showSubject }: { items: DocumentItem[]; maxBytes: number; caption: string; showSubject?: boolean }) {
  const { t } = useTranslation('documents');
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [versioning, setVersioning] = useState<DocumentItem | null>(null);
  const [archiving, setArchiving] = useState<DocumentItem | null>(null);
  const archive = useArchiveDocument();
  const toggle = (id: string) => setOpen((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));

  return (
    <>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="xs" fz="sm">
          <Table.Caption className="visually-hidden">{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('table.document')}</Table.Th>
              <Table.Th>{t('table.version')}</Table.Th>
              <Table.Th>{t('table.size')}</Table.Th>
              <Table.Th>{t('table.uploaded')}</Table.Th>
              <Table.Th>
                <span className="visually-hidden">{t('table.actions')}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((d) => (
              <Fragment key={d.id}>
                <Table.Tr>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {d.title}
                      {d.archivedAt && (
                        <Badge ml={6} size="xs" color="gray" variant="outline">
                          {t('table.archived')}
                        </Badge>
                      )}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {d.current.fileName}
                      {showSubject ? ` · ${d.subjectLabel}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>{t('version.badge', { version: d.currentVersion })}</Table.Td>
                  <Table.Td>{formatBytes(d.current.sizeBytes, formatLocale())}</Table.Td>
                  <Table.Td>
                    {d.current.uploadedBy?.name ?? '—'}
                    <Text size="xs" c="dimmed">
                      {formatDateTime(d.current.uploadedAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Button
                        component="a"
                        href={d.current.downloadUrl}
                        size="compact-sm"
                        variant="light"
                        leftSection={<IconDownload size={14} aria-hidden />}
                        aria-label={t('table.downloadLabel', { file: d.current.fileName })}
                      >
                        {t('table.download')}
                      </Button>
                      {d.current.inlineUrl && (
                        <Button
                          component="a"
                          href={d.current.inlineUrl}
                          target="_blank"
                          rel="noopener noreferrer"
                          size="compact-sm"
                          variant="subtle"
                          aria-label={t('table.openLabel', { file: d.current.fileName })}
                        >
                          {t('table.open')}
                        </Button>
                      )}
                      {d.versions.length > 1 && (
                        <Button size="compact-sm" variant="subtle" leftSection={<IconHistory size={14} aria-hidden />} aria-expanded={open.has(d.id)} onClick={() => toggle(d.id)}>
                          {open.has(d.id) ? t('table.hideVersions') : t('table.versions', { count: d.versions.length })}
                        </Button>
                      )}
                      {d.canEdit && !d.archivedAt && (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          leftSection={<IconUpload size={14} aria-hidden />}
                          onClick={() => setVersioning(d)}
                          aria-label={t('table.newVersionLabel', { title: d.title })}
                        >
                          {t('table.newVersion')}
                        </Button>
                      )}
                      {d.canEdit && (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="gray"
                          leftSection={d.archivedAt ? <IconRestore size={14} aria-hidden /> : <IconArchive size={14} aria-hidden />}
                          aria-label={d.archivedAt ? t('table.restoreLabel', { title: d.title }) : t('table.archiveLabel', { title: d.title })}
                          onClick={() =>
                            d.archivedAt
                              ? archive.mutate({ document: d, archived: false }, { onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }) })
                              : setArchiving(d)
                          }
                        >
                          {d.archivedAt ? t('table.restore') : t('table.archive')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
                {open.has(d.id) && (
                  <Table.Tr>
                    <Table.Td colSpan={5}>
                      <Versions d={d} />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {versioning && <NewVersionModal document={versioning} maxBytes={maxBytes} onClose={() => setVersioning(null)} />}
      <ConfirmDialog
        opened={archiving !== null}
        onClose={() => {
          archive.reset();
          setArchiving(null);
        }}
        onConfirm={() => archiving && archive.mutate({ document: archiving, archived: true }, { onSuccess: () => setArchiving(null) })}
        title={t('table.archiveTitle')}
        confirmLabel={t('table.archive')}
        loading={archive.isPending}
        error={archive.error}
      >
        {t('table.archiveText', { title: archiving?.title ?? '' })}
      </ConfirmDialog>
    </>
  );
}
