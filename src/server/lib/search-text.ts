/**
 * Query text → search terms. Terms are runs of letters and digits only, so they are safe inside
 * a tsquery and a LIKE pattern needs escaping of nothing but its own wildcards.
 */
const WORD = /[\p{L}\p{N}]+/gu;
const MAX_TERMS = 8;

export function searchTerms(q: string): string[] {
  return [...new Set(q.toLowerCase().match(WORD) ?? [])].slice(0, MAX_TERMS);
}

/**
 * `to_tsquery('simple', …)` input where every term is also a prefix: "kube ope" → "kube:* & ope:*".
 * One-letter terms match whole words only: a one-letter prefix would match most of a million rows.
 */
export function prefixTsQuery(terms: string[]): string | null {
  if (!terms.length) return null;
  return terms.map((t) => (t.length > 1 ? `${t}:*` : t)).join(' & ');
}

export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
