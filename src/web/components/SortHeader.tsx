import { Group, Table, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { i18n } from '../i18n.js';
import classes from './list.module.css';

interface Props {
  field: string;
  label: string;
  /** The list's current order: a field, `-` in front for descending. */
  sort: string;
  onSort: (sort: string) => void;
  visibleFrom?: 'xs' | 'sm' | 'md' | 'lg';
}

/** A column header that orders the list: a button, with the order announced through aria-sort. */
export function SortHeader({ field, label, sort, onSort, visibleFrom }: Props) {
  const active = sort === field || sort === `-${field}`;
  const desc = sort === `-${field}`;
  const Icon = !active ? IconArrowsSort : desc ? IconArrowDown : IconArrowUp;
  return (
    <Table.Th aria-sort={active ? (desc ? 'descending' : 'ascending') : 'none'} visibleFrom={visibleFrom}>
      <UnstyledButton onClick={() => onSort(active && !desc ? `-${field}` : field)} className={classes.sortButton}>
        <Group gap={4} wrap="nowrap">
          <span>{label}</span>
          <Icon size={14} aria-hidden className={active ? undefined : classes.sortIdle} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

/** "Contacts, sorted by name, descending": the table's caption for screen readers. */
export function sortCaption(what: string, sort: string, words: Record<string, string> = {}): string {
  const field = sort.replace(/^-/, '');
  const values = { what, field: words[field] ?? field };
  return sort.startsWith('-') ? i18n.t('common:list.sortedDescending', values) : i18n.t('common:list.sorted', values);
}

/** The class of a list whose rows are from before (the next page or order is loading); ListTable applies it itself. */
export const staleClass = classes.stale;
