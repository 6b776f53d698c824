import { useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useDebouncedValue } from '@mantine/hooks';
import type { z } from 'zod';

type Value = string | number | readonly string[] | null | undefined;
type ListSchema = z.ZodObject<{ page: z.ZodType; sort: z.ZodType; q: z.ZodType }>;

interface Options<K extends string> {
  /** Address names that differ from the schema's (`{ partnerId: 'partner' }` reads `?partner=`). */
  names?: Partial<Record<K, string>>;
}

function toText(v: Value): string | null {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.length ? v.join(',') : null;
  const s = String(v as string | number);
  return s === '' ? null : s;
}

/**
 * A list's page, order, search and filters live in the address (back/forward and shared links
 * work), read through the shared zod list schema the API validates with: a value the schema
 * refuses falls back to its default instead of breaking the page. `update` writes changes back,
 * leaves defaults out of the address and starts again at page one unless the page is what changed.
 */
export function useListParams<S extends ListSchema>(schema: S, { names = {} }: Options<keyof z.output<S> & string> = {}) {
  const [search, setSearch] = useSearchParams();
  const nameOf = (key: string) => (names as Record<string, string | undefined>)[key] ?? key;
  const keys = Object.keys(schema.shape);
  const defaults = useMemo(() => schema.parse({}) as Record<string, unknown>, [schema]);

  const raw: Record<string, string> = {};
  for (const key of keys) {
    const v = search.get(nameOf(key));
    if (v !== null) raw[key] = v;
  }
  let result = schema.safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) delete raw[String(issue.path[0])];
    result = schema.safeParse(raw);
  }
  const params = (result.success ? result.data : defaults) as z.output<S>;

  // Two changes before the next render (a debounced search and a click) must both survive:
  // setSearch's "prev" is the last rendered value, so remember what was already asked for.
  const pending = useRef<URLSearchParams | null>(null);
  useEffect(() => {
    pending.current = null;
  }, [search]);

  // `push` adds a history entry (a click back/forward should step through); typing replaces the current one.
  const update = (changes: Partial<Record<keyof z.output<S> & string, Value>>, { push = false }: { push?: boolean } = {}) => {
    const next = new URLSearchParams(pending.current ?? search);
    for (const [key, v] of Object.entries(changes) as [string, Value][]) {
      const text = toText(v);
      if (text === null || text === toText(defaults[key] as Value)) next.delete(nameOf(key));
      else next.set(nameOf(key), text);
    }
    // A new filter or order starts again at page one.
    if (!('page' in changes)) next.delete(nameOf('page'));
    pending.current = next;
    setSearch(next, { replace: !push });
  };

  /** Writes the whole address, for what lives beside the schema's parameters (a saved view, chosen columns). */
  const setAddress = (next: URLSearchParams | ((current: URLSearchParams) => URLSearchParams), { push = false }: { push?: boolean } = {}) => {
    const value = typeof next === 'function' ? next(new URLSearchParams(pending.current ?? search)) : next;
    pending.current = value;
    setSearch(value, { replace: !push });
  };

  return { params, update, address: search, setAddress, search: useSearchText(params.q as string | undefined, (q) => update({ q } as never)) };
}

/** The search field's text: it reaches the address once typing pauses, and back/forward puts the address's text back. */
function useSearchText(q: string | undefined, write: (q: string | null) => void) {
  const [value, setValue] = useState(q ?? '');
  const [debounced] = useDebouncedValue(value.trim(), 300);
  // Only when typing pauses, not when the address changes: reads the latest address and writer without depending on them.
  const commit = useEffectEvent((typed: string) => {
    if (typed !== (q ?? '')) write(typed || null);
  });
  useEffect(() => commit(debounced), [debounced]);
  // Only when the address changes, not while typing: adjusted while rendering (no effect, no extra paint).
  const [addressQ, setAddressQ] = useState(q);
  if (q !== addressQ) {
    setAddressQ(q);
    if ((q ?? '') !== debounced) setValue(q ?? '');
  }
  return { value, setValue };
}
