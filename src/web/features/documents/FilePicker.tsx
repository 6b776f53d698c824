import { forwardRef, useId } from 'react';
import { Input } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_EXTENSIONS, formatBytes } from '../../../shared/schemas/document.js';
import { formatLocale } from '../../i18n.js';

const ACCEPT = Object.keys(DOCUMENT_EXTENSIONS)
  .map((e) => `.${e}`)
  .join(',');

interface Props {
  label: string;
  maxBytes: number;
  error?: string | null;
  disabled?: boolean;
  onChange: (file: File | null) => void;
}

/**
 * A native file input in Mantine's frame: screen readers, keyboards and test tools (which set files
 * on an <input type=file> found by its label) all get the real control, not a button standing in for it.
 */
export const FilePicker = forwardRef<HTMLInputElement, Props>(function FilePicker({ label, maxBytes, error, disabled, onChange }, ref) {
  const { t } = useTranslation('documents');
  const id = useId();
  return (
    <Input.Wrapper label={label} id={id} description={t('typesHint', { limit: formatBytes(maxBytes, formatLocale()) })} error={error || undefined}>
      <Input
        ref={ref}
        id={id}
        component="input"
        type="file"
        accept={ACCEPT}
        disabled={disabled}
        error={Boolean(error)}
        styles={{ input: { paddingTop: 4, cursor: 'pointer' } }}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange(e.currentTarget.files?.[0] ?? null)}
      />
    </Input.Wrapper>
  );
});
