import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
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
import { formatLocale, i18n } from '../../i18n.js';
import { formatDateTime, formatRelative, humanize } from '../../lib/format.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.js';
import classes from './AuditHistory.module.css';

type ActionKey =
  | 'create'
  | 'update'
  | 'deactivate'
  | 'reactivate'
  | 'revoke'
  | 'setPassword'
  | 'delete'
  | 'archive'
  | 'restore'
  | 'linkAdd'
  | 'linkRemove'
  | 'merge'
  | 'mergedInto'
  | 'movedByMerge';
const ACTIONS: Record<string, { key: ActionKey; icon: typeof IconPencil; color: string }> = {
  create: { key: 'create', icon: IconCirclePlus, color: 'teal' },
  update: { key: 'update', icon: IconPencil, color: 'indigo' },
  deactivate: { key: 'deactivate', icon: IconCircleX, color: 'red' },
  reactivate: { key: 'reactivate', icon: IconPlayerPlay, color: 'teal' },
  revoke: { key: 'revoke', icon: IconCircleX, color: 'red' },
  'set-password': { key: 'setPassword', icon: IconKey, color: 'gray' },
  delete: { key: 'delete', icon: IconCircleX, color: 'red' },
  archive: { key: 'archive', icon: IconArchive, color: 'yellow' },
  restore: { key: 'restore', icon: IconArrowBackUp, color: 'teal' },
  'link-add': { key: 'linkAdd', icon: IconLink, color: 'indigo' },
  'link-remove': { key: 'linkRemove', icon: IconUnlink, color: 'gray' },
  // Actions that name the other record after a colon (merge:<id>).
  merge: { key: 'merge', icon: IconArrowMerge, color: 'grape' },
  'merged-into': { key: 'mergedInto', icon: IconArrowMerge, color: 'gray' },
  'moved-by-merge': { key: 'movedByMerge', icon: IconArrowMerge, color: 'gray' },
};
/** An action's words in the current language; an action not known here is shown as its name. */
const actionInfo = (action: string) => {
  const known = ACTIONS[action] ?? ACTIONS[action.split(':')[0]!];
  return known ? { label: i18n.t(`audit:action.${known.key}`), icon: known.icon, color: known.color } : { label: humanize(action), icon: IconCircleCheck, color: 'gray' };
};

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** No value worth showing: nothing, an empty text, list or object. */
const isEmpty = (v: unknown) =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0);

function defaultValue(value: unknown): ReactNode {
  if (isEmpty(value)) return <em className={classes.empty}>{i18n.t('audit:emptyValue')}</em>;
  if (typeof value === 'boolean') return value ? i18n.t('common:state.yes') : i18n.t('common:state.no');
  if (typeof value === 'string') return ISO.test(value) ? formatDateTime(value) : value;
  if (typeof value === 'number') return value.toLocaleString(formatLocale());
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
  const { t } = useTranslation(['audit', 'common']);
  const history = useInfiniteQuery(auditHistoryQuery(entityType, entityId));

  if (history.isPending) return <LoadingState label={t('loading')} />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;

  const entries = history.data.pages.flatMap((p) => p.items);
  if (!entries.length) return <EmptyState icon={<IconHistory size={24} aria-hidden />} title={t('empty.title')} description={t('empty.description')} />;

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
                <VisuallyHidden>{t('changedFrom')}</VisuallyHidden>
                <del className={classes.from}>{show(field, from)}</del>
                <span aria-hidden className={classes.arrow}>
                  {' → '}
                </span>
                <VisuallyHidden>{t('changedTo')}</VisuallyHidden>
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
                {entry.actor.name == null ? t('bySystem') : t('by', { name: entry.actor.name })} ·{' '}
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
            {t('showOlder')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
