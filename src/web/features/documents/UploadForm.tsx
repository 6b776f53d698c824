import { useRef, useState } from 'react';
import { Alert, Button, Group, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DocumentSubject } from '../../../shared/compliance.js';
import { DOCUMENT_TITLE_MAX, formatBytes } from '../../../shared/schemas/document.js';
import { formatLocale } from '../../i18n.js';
import { ApiError, errorMessage } from '../../api.js';
import { FilePicker } from './FilePicker.js';
import { useUploadDocument } from './queries.js';

/** Problems about the file itself go under the file input; anything else above the button. */
const fileProblem = (e: unknown) => e instanceof ApiError && ([413, 415].includes(e.status) || 'file' in e.fieldErrors);

export function UploadForm({ subjectType, subjectId, maxBytes }: { subjectType: DocumentSubject; subjectId: string; maxBytes: number }) {
  const { t } = useTranslation('documents');
  const upload = useUploadDocument();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const choose = (f: File | null) => {
    upload.reset();
    setFile(f);
    // The server checks the size as well; saying it here saves waiting for a large upload to fail.
    setLocalError(f && f.size > maxBytes ? t('tooLarge', { limit: formatBytes(maxBytes, formatLocale()) }) : null);
  };

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!file) return setLocalError(t('upload.chooseFile'));
    if (localError) return;
    upload.mutate(
      { subjectType, subjectId, title, file },
      {
        onSuccess: (d) => {
          notifications.show({ color: 'green', message: t('upload.uploaded', { file: d.current.fileName }) });
          setFile(null);
          setTitle('');
          if (input.current) input.current.value = '';
        },
      },
    );
  };

  const serverFileError = upload.isError && fileProblem(upload.error) ? errorMessage(upload.error) : null;
  return (
    <form onSubmit={submit} aria-label={t('upload.form')}>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <div style={{ flex: '2 1 18rem' }}>
          <FilePicker ref={input} label={t('upload.file')} maxBytes={maxBytes} error={localError ?? serverFileError} disabled={upload.isPending} onChange={choose} />
        </div>
        <TextInput
          style={{ flex: '1 1 12rem' }}
          label={t('upload.title')}
          description={t('upload.titleHint')}
          maxLength={DOCUMENT_TITLE_MAX}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          disabled={upload.isPending}
        />
        <Button type="submit" mt={44} leftSection={<IconUpload size={16} aria-hidden />} loading={upload.isPending}>
          {t('upload.submit')}
        </Button>
      </Group>
      {upload.isError && !fileProblem(upload.error) && (
        <Alert color="red" variant="light" role="alert" mt="sm">
          {errorMessage(upload.error)}
        </Alert>
      )}
    </form>
  );
}
