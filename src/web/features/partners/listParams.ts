import { listPartnersQuery } from '../../../shared/schemas/partner.js';
import { useListParams } from '../../components/useListParams.js';
import { i18n } from '../../i18n.js';
import type { PartnerListParams } from './queries.js';

/** The columns a user may show besides the name, in table order; each label is read when shown. */
export const COLUMNS = (
  [
    { key: 'types' },
    { key: 'status', sort: 'status' },
    { key: 'importance', sort: 'importance' },
    { key: 'level', sort: 'level' },
    { key: 'owner' },
    { key: 'country', sort: 'country' },
    { key: 'tags' },
    { key: 'lastContact', sort: 'lastContactAt' },
    { key: 'contactDue', sort: 'contactDueAt' },
  ] as const
).map((c) => ({
  ...c,
  get label() {
    return i18n.t(`partners:column.${c.key}`);
  },
}));
export type ColumnKey = (typeof COLUMNS)[number]['key'];
export const DEFAULT_COLUMNS: ColumnKey[] = ['types', 'status', 'importance', 'level', 'owner', 'lastContact', 'contactDue'];
const COLUMN_KEYS = new Set<string>(COLUMNS.map((c) => c.key));
const COLUMNS_STORAGE = 'partnerhub.partners.columns';

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

/** Every filter of the list, for "Clear filters" (the order and the columns stay). */
export const NO_FILTERS = { q: null, type: null, status: null, importance: null, ownerId: null, tag: null, level: null, country: null, overdue: null, archived: null } as const;

/**
 * The list's state lives in the address, read through the API's own list schema: shareable, and
 * back/forward step through filter changes (typing in a text filter replaces the current entry
 * instead of adding one per keystroke). The chosen columns live beside it, and are remembered.
 */
export function usePartnerListParams() {
  const { params: list, update, address, setAddress, search } = useListParams(listPartnersQuery, { names: { ownerId: 'owner' } });
  const types = list.type ?? [];
  const statuses = list.status ?? [];
  const importance = list.importance ?? [];
  const api: PartnerListParams = {
    page: list.page,
    pageSize: list.pageSize,
    sort: list.sort,
    q: list.q || undefined,
    type: types.join(',') || undefined,
    status: statuses.join(',') || undefined,
    importance: importance.join(',') || undefined,
    ownerId: list.ownerId?.trim() || undefined,
    tag: list.tag?.trim() || undefined,
    level: list.level || undefined,
    country: list.country,
    overdue: list.overdue ? 'true' : undefined,
    archived: list.archived,
  };
  const activeFilters = [api.type, api.status, api.importance, api.ownerId, api.tag, api.level, api.country, api.overdue, api.archived !== 'false' ? 'x' : undefined].filter(
    Boolean,
  ).length;
  const state: PartnerListState = {
    api,
    types,
    statuses,
    importance,
    columns: parseColumns(address.get('cols')),
    activeFilters,
    filtered: activeFilters > 0 || Boolean(api.q),
  };

  const setColumns = (cols: ColumnKey[]) => {
    try {
      localStorage.setItem(COLUMNS_STORAGE, JSON.stringify(cols));
    } catch {
      /* private mode: the address still has them */
    }
    setAddress((next) => {
      if (cols.length) next.set('cols', cols.join(','));
      else next.delete('cols');
      next.delete('page');
      return next;
    });
  };

  /** Replaces every filter, the sort and the columns at once (a saved view). */
  const replaceAll = (next: URLSearchParams) => setAddress(next, { push: true });

  return { state, update, setColumns, replaceAll, address, search };
}
