import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { IMPORTANCE, PARTNER_STATUSES, PARTNER_TYPES } from '../../../shared/partners.js';
import { PARTNER_SORTS } from '../../../shared/schemas/partner.js';
import type { PartnerListParams } from './queries.js';

export const PAGE_SIZE = 25;

/** The columns a user may show besides the name, in table order. */
export const COLUMNS = [
  { key: 'types', label: 'Types' },
  { key: 'status', label: 'Status', sort: 'status' },
  { key: 'importance', label: 'Importance', sort: 'importance' },
  { key: 'level', label: 'Level', sort: 'level' },
  { key: 'owner', label: 'Owner' },
  { key: 'country', label: 'Country', sort: 'country' },
  { key: 'tags', label: 'Tags' },
  { key: 'lastContact', label: 'Last contact', sort: 'lastContactAt' },
  { key: 'contactDue', label: 'Next contact', sort: 'contactDueAt' },
] as const;
export type ColumnKey = (typeof COLUMNS)[number]['key'];
export const DEFAULT_COLUMNS: ColumnKey[] = ['types', 'status', 'importance', 'level', 'owner', 'lastContact', 'contactDue'];
const COLUMN_KEYS = new Set<string>(COLUMNS.map((c) => c.key));
const COLUMNS_STORAGE = 'partnerhub.partners.columns';

/** The address's parameters that filter the list (what a saved view keeps, with the sort). */
export const FILTER_KEYS = ['q', 'type', 'status', 'importance', 'owner', 'tag', 'level', 'country', 'overdue', 'archived'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
type Key = FilterKey | 'sort' | 'page' | 'cols';

const pick = <T extends string>(raw: string | null, allowed: readonly T[]) => (raw ?? '').split(',').filter((v): v is T => allowed.includes(v as T));

function storedColumns(): ColumnKey[] | null {
  try {
    const raw = localStorage.getItem(COLUMNS_STORAGE);
    const cols = raw ? (JSON.parse(raw) as unknown) : null;
    return Array.isArray(cols) ? cols.filter((c): c is ColumnKey => COLUMN_KEYS.has(String(c))) : null;
  } catch {
    return null;
  }
}

export function parseColumns(raw: string | null): ColumnKey[] {
  if (raw === null) return storedColumns() ?? DEFAULT_COLUMNS;
  return raw.split(',').filter((c): c is ColumnKey => COLUMN_KEYS.has(c));
}

export interface PartnerListState {
  api: PartnerListParams;
  types: string[];
  statuses: string[];
  importance: string[];
  columns: ColumnKey[];
  /** How many filters other than the search box are on. */
  activeFilters: number;
  filtered: boolean;
}

/**
 * The list's state lives in the address: shareable, and back/forward step through filter changes.
 * Typing in a text filter replaces the current entry instead of adding one per keystroke.
 */
export function usePartnerListParams() {
  const [search, setSearch] = useSearchParams();
  const sortRaw = search.get('sort') ?? 'name';
  const sort = PARTNER_SORTS.some((s) => sortRaw === s || sortRaw === `-${s}`) ? sortRaw : 'name';
  const types = pick(search.get('type'), PARTNER_TYPES);
  const statuses = pick(search.get('status'), PARTNER_STATUSES);
  const importance = pick(search.get('importance'), IMPORTANCE);
  const archivedRaw = search.get('archived');
  const archived = archivedRaw === 'true' || archivedRaw === 'all' ? archivedRaw : 'false';
  const country = /^[A-Z]{2}$/.test(search.get('country') ?? '') ? search.get('country')! : undefined;
  const text = (k: string) => search.get(k)?.trim() || undefined;

  const state: PartnerListState = {
    api: {
      page: Math.max(1, Number(search.get('page')) || 1),
      pageSize: PAGE_SIZE,
      sort,
      q: text('q'),
      type: types.join(',') || undefined,
      status: statuses.join(',') || undefined,
      importance: importance.join(',') || undefined,
      ownerId: text('owner'),
      tag: text('tag'),
      level: text('level'),
      country,
      overdue: search.get('overdue') === 'true' ? 'true' : undefined,
      archived,
    },
    types,
    statuses,
    importance,
    columns: parseColumns(search.get('cols')),
    activeFilters: 0,
    filtered: false,
  };
  const a = state.api;
  state.activeFilters = [a.type, a.status, a.importance, a.ownerId, a.tag, a.level, a.country, a.overdue, a.archived !== 'false' ? 'x' : undefined].filter(Boolean).length;
  state.filtered = state.activeFilters > 0 || Boolean(a.q);

  // Two changes before the next render (a debounced search and a click) must both survive.
  const pending = useRef<URLSearchParams | null>(null);
  useEffect(() => {
    pending.current = null;
  }, [search]);

  const update = (changes: Partial<Record<Key, string | number | null | undefined>>, opts: { replace?: boolean } = {}) => {
    const next = new URLSearchParams(pending.current ?? search);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '' || v === undefined) next.delete(k);
      else next.set(k, String(v));
    }
    // A new filter or order starts again at page one.
    if (!('page' in changes)) next.delete('page');
    if ('cols' in changes) {
      try {
        localStorage.setItem(COLUMNS_STORAGE, JSON.stringify((changes.cols ?? DEFAULT_COLUMNS.join(',')).toString().split(',').filter(Boolean)));
      } catch {
        /* private mode: the address still has them */
      }
    }
    pending.current = next;
    setSearch(next, { replace: opts.replace ?? false });
  };

  /** Replaces every filter, the sort and the columns at once (a saved view, "clear filters"). */
  const replaceAll = (next: URLSearchParams) => {
    pending.current = next;
    setSearch(next);
  };

  return { state, update, replaceAll, search };
}
