import { Group, Pagination, Text } from '@mantine/core';
import { plural } from '../lib/format.js';
import classes from './ListFooter.module.css';

interface Props {
  total: number;
  page: number;
  pageSize: number;
  /** What the list counts, singular ("contact"); `many` when the plural is not just an added s. */
  noun: string;
  many?: string;
  onPage: (page: number) => void;
}

/** The foot of a paged list card: "26–50 of 112 contacts" (read out when it changes) and the pager. */
export function ListFooter({ total, page, pageSize, noun, many, onPage }: Props) {
  if (total <= 0) return null;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const count = plural(total, noun, many);
  return (
    <Group justify="space-between" p="sm" gap="sm" className={classes.footer}>
      <Text size="sm" c="dimmed" aria-live="polite">
        {total > pageSize ? `${first}–${last} of ${count}` : count}
      </Text>
      {pages > 1 && <Pagination total={pages} value={page} onChange={onPage} size="sm" siblings={1} boundaries={1} getControlProps={(c) => ({ 'aria-label': `${c} page` })} />}
    </Group>
  );
}
