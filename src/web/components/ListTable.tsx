import { Table, type TableProps } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import classes from './list.module.css';

interface Props extends TableProps {
  /** The list's query: while the next page or order loads, the rows shown are marked stale and the table busy. */
  query: Pick<UseQueryResult, 'isPlaceholderData' | 'isFetching'>;
  /** What the table lists and in which order, for screen readers (see sortCaption). */
  caption: string;
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth?: number;
}

/** A list's table: scrolls sideways on narrow screens, keeps the previous rows readable while the next ones load, and says so through aria-busy. */
export function ListTable({ query, caption, minWidth = 0, className, children, ...props }: Props) {
  const stale = query.isPlaceholderData ? classes.stale : undefined;
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table
        verticalSpacing="sm"
        horizontalSpacing="md"
        highlightOnHover
        {...props}
        className={[stale, className].filter(Boolean).join(' ') || undefined}
        aria-busy={query.isFetching}
      >
        <Table.Caption className="visually-hidden">{caption}</Table.Caption>
        {children}
      </Table>
    </Table.ScrollContainer>
  );
}
