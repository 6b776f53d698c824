import { Button, Menu } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconFileTypeCsv } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat } from '../../shared/schemas/common.js';
import { currentLocale } from '../i18n.js';

/**
 * A list's export: what the list shows (its filters, its sort, its chosen columns) as CSV or XLSX.
 * A plain download link: the browser sends the session cookie, and a GET needs no CSRF token.
 */
export function ExportMenu({ path, params, columns }: { path: string; params: URLSearchParams | Record<string, string | undefined>; columns?: readonly string[] }) {
  const { t } = useTranslation('common');
  const href = (format: ExportFormat) => {
    const q = new URLSearchParams();
    const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
    for (const [k, v] of entries) if (v !== undefined && v !== '' && k !== 'page' && k !== 'pageSize' && k !== 'cols') q.set(k, v);
    q.set('format', format);
    q.set('lang', currentLocale());
    if (columns?.length) q.set('columns', columns.join(','));
    return `${path}?${q}`;
  };
  return (
    <Menu position="bottom-end" withinPortal shadow="md">
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />}>
          {t('action.export')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href={href('csv')} download leftSection={<IconFileTypeCsv size={16} aria-hidden />}>
          {t('export.csv')}
        </Menu.Item>
        <Menu.Item component="a" href={href('xlsx')} download leftSection={<IconFileSpreadsheet size={16} aria-hidden />}>
          {t('export.xlsx')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
