import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { i18n } from '../i18n.js';
import classes from './ListFooter.module.css';

interface Props {
  total: number;
  page: number;
  pageSize: number;
  /** The total worded from the list's catalogue ("112 contacts", a `_one`/`_other` key with `count`). */
  counted: string;
  onPage: (page: number) => void;
}

/** "26–50 of 112 contacts" when the list has more than one page, else "12 contacts". */
export function listCount({ total, page, pageSize, counted }: Omit<Props, 'onPage'>): string {
  if (total <= pageSize) return counted;
  return i18n.t('common:list.range', { from: (page - 1) * pageSize + 1, to: Math.min(total, page * pageSize), total: counted });
}

/** The pager of a list with more than one page (nothing otherwise). */
export function ListPager({ total, page, pageSize, onPage }: Pick<Props, 'total' | 'page' | 'pageSize' | 'onPage'>) {
  const { t } = useTranslation('common');
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return <Pagination total={pages} value={page} onChange={onPage} size="sm" siblings={1} boundaries={1} getControlProps={(c) => ({ 'aria-label': t(`pager.${c}`) })} />;
}

/** The foot of a paged list card: "26–50 of 112 contacts" (read out when it changes) and the pager. */
export function ListFooter(props: Props) {
  if (props.total <= 0) return null;
  return (
    <Group justify="space-between" p="sm" gap="sm" className={classes.footer}>
      <Text size="sm" c="dimmed" aria-live="polite">
        {listCount(props)}
      </Text>
      <ListPager {...props} />
    </Group>
  );
}
