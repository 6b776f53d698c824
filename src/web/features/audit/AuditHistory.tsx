import type { ReactNode } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Group, Stack, Text, ThemeIcon, Timeline, VisuallyHidden } from '@mantine/core';
import {
  IconArchive,
  IconArrowBackUp,
  IconArrowMerge,
  IconCircleCheck,
  IconCirclePlus,
  IconCircleX,
  IconHistory,
  IconKey,
  IconLink,
  IconPencil,
  IconPlayerPlay,
  IconUnlink,
} from '@tabler/icons-react';
import type { AuditEntry } from '../../../shared/schemas/audit.js';
import { auditHistoryQuery } from './queries.js';
import { formatDateTime, formatRelative, humanize } from '../../lib/format.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.js';
import classes from './AuditHistory.module.css';

const ACTIONS: Record<string, { label: string; icon: typeof IconPencil; color: string }> = {
  create: { label: 'Created', icon: IconCirclePlus, color: 'teal' },
  update: { label: 'Changed', icon: IconPencil, color: 'indigo' },
  deactivate: { label: 'Deactivated', icon: IconCircleX, color: 'red' },
  reactivate: { label: 'Reactivated', icon: IconPlayerPlay, color: 'teal' },
  revoke: { label: 'Revoked', icon: IconCircleX, color: 'red' },
  'set-password': { label: 'Password set', icon: IconKey, color: 'gray' },
  delete: { label: 'Deleted', icon: IconCircleX, color: 'red' },
  archive: { label: 'Archived', icon: IconArchive, color: 'yellow' },
  restore: { label: 'Restored', icon: IconArrowBackUp, color: 'teal' },
  'link-add': { label: 'Linked to another partner', icon: IconLink, color: 'indigo' },
  'link-remove': { label: 'Link removed', icon: IconUnlink, color: 'gray' },
  // Actions that name the other record after a colon (merge:<id>).
  merge: { label: 'A duplicate was merged into this', icon: IconArrowMerge, color: 'grape' },
  'merged-into': { label: 'Merged into another record and archived', icon: IconArrowMerge, color: 'gray' },
  'moved-by-merge': { label: 'Moved by a merge', icon: IconArrowMerge, color: 'gray' },
};
const actionInfo = (action: string) => ACTIONS[action] ?? ACTIONS[action.split(':')[0]!] ?? { label: humanize(action), icon: IconCircleCheck, color: 'gray' };

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** No value worth showing: nothing, an empty text, list or object. */
const isEmpty = (v: unknown) =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0);

function defaultValue(value: unknown): ReactNode {
  if (isEmpty(value)) return <em className={classes.empty}>empty</em>;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string') return ISO.test(value) ? formatDateTime(value) : value;
  if (typeof value === 'number') return value.toLocaleString();
  if (Array.isArray(value)) return value.map(String).join(', ');
  return JSON.stringify(value);
}

export interface AuditHistoryProps {
  entityType: string;
  entityId: string;
  /** Field names as people say them, e.g. `{ deactivatedAt: 'Deactivated' }`; others are humanized. Listed fields are shown first, in this order. */
  fieldLabels?: Record<string, string>;
  /** Shows a value of a field; return undefined to use the default rendering. */
  formatValue?: (field: string, value: unknown) => ReactNode | undefined;
  /** Fields not to show (e.g. internal ids). */
  hiddenFields?: string[];
}

/** Who changed what and when on one record: field, old value → new value. */
export function AuditHistory({ entityType, entityId, fieldLabels = {}, formatValue, hiddenFields = [] }: AuditHistoryProps) {
  const history = useInfiniteQuery(auditHistoryQuery(entityType, entityId));

  if (history.isPending) return <LoadingState label="Loading history…" />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;

  const entries = history.data.pages.flatMap((p) => p.items);
  if (!entries.length) return <EmptyState icon={<IconHistory size={24} aria-hidden />} title="No history yet" description="Changes to this record will be listed here." />;

  const label = (field: string) => fieldLabels[field] ?? humanize(field);
  const show = (field: string, value: unknown) => formatValue?.(field, value) ?? defaultValue(value);

  const renderChanges = (entry: AuditEntry) => {
    const created = entry.action === 'create';
    // A new record's empty fields say nothing.
    const fields = Object.entries(entry.changes).filter(([f, c]) => !hiddenFields.includes(f) && !(created && isEmpty(c.to)));
    // Fields named in fieldLabels come first, in that order; the record's own order is arbitrary.
    const order = Object.keys(fieldLabels);
    const rank = (f: string) => (order.includes(f) ? order.indexOf(f) : order.length);
    fields.sort(([a], [b]) => rank(a) - rank(b));
    if (!fields.length) return null;
    return (
      <ul className={classes.changes}>
        {fields.map(([field, { from, to }]) => (
          <li key={field}>
            <Text span size="sm" fw={500}>
              {label(field)}:
            </Text>{' '}
            {created ? (
              <Text span size="sm">
                {show(field, to)}
              </Text>
            ) : (
              <>
                <VisuallyHidden>changed from</VisuallyHidden>
                <del className={classes.from}>{show(field, from)}</del>
                <span aria-hidden className={classes.arrow}>
                  {' → '}
                </span>
                <VisuallyHidden> to </VisuallyHidden>
                <ins className={classes.to}>{show(field, to)}</ins>
              </>
            )}
          </li>
        ))}
      </ul>
    );
  };

  return (
    <Stack gap="md">
      <Timeline bulletSize={28} lineWidth={2} active={-1}>
        {entries.map((entry) => {
          const info = actionInfo(entry.action);
          return (
            <Timeline.Item
              key={entry.id}
              bullet={
                <ThemeIcon size={28} radius="xl" variant="light" color={info.color}>
                  <info.icon size={16} aria-hidden />
                </ThemeIcon>
              }
              title={
                <Text fw={600} size="sm">
                  {info.label}
                </Text>
              }
            >
              <Text size="xs" c="dimmed">
                by {entry.actor.name ?? 'the system'} ·{' '}
                <time dateTime={entry.at} title={formatDateTime(entry.at)}>
                  {formatRelative(entry.at)}
                </time>
              </Text>
              {renderChanges(entry)}
            </Timeline.Item>
          );
        })}
      </Timeline>
      {history.hasNextPage && (
        <Group justify="center">
          <Button variant="default" size="xs" onClick={() => void history.fetchNextPage()} loading={history.isFetchingNextPage}>
            Show older changes
          </Button>
        </Group>
      )}
    </Stack>
  );
}
