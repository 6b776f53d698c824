/** Search highlighting: the text is HTML-escaped and matching words wrapped in <mark>, so the result is safe to render. */
const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

const WORD = /[\p{L}\p{N}]+/gu;
/** Word similarity from which a misspelling counts as a match ("schmitt" ~ "schmidt" is 0.45). */
const SIMILAR = 0.4;

/** pg_trgm's trigrams of one word: lower case, two spaces before and one after. */
function trigrams(word: string): Set<string> {
  const padded = `  ${word} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}

export function similarity(a: string, b: string): number {
  const ta = trigrams(a.toLowerCase());
  const tb = trigrams(b.toLowerCase());
  let common = 0;
  for (const t of ta) if (tb.has(t)) common++;
  return common / (ta.size + tb.size - common);
}

/** Whether a word of the text matches a query term: as a prefix, or similar enough to be a typo. */
export function wordMatches(word: string, terms: string[]): boolean {
  const w = word.toLowerCase();
  return terms.some((t) => w.startsWith(t) || (t.length >= 3 && w.length >= 3 && similarity(w, t) >= SIMILAR));
}

/** Index of the first matching word, or -1. */
export function firstMatch(text: string, terms: string[]): number {
  for (const m of text.matchAll(WORD)) if (wordMatches(m[0], terms)) return m.index;
  return -1;
}

/** A window of at most `max` characters around the first match, cut at spaces, with … where text was left out. */
function snippet(text: string, at: number, max: number): { text: string; before: boolean; after: boolean } {
  if (text.length <= max) return { text, before: false, after: false };
  let start = Math.max(0, at - Math.floor(max / 4));
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space >= 0 && space < at ? space + 1 : start;
  }
  let end = Math.min(text.length, start + max);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    end = space > at ? space : end;
  }
  return { text: text.slice(start, end), before: start > 0, after: end < text.length };
}

/** The text (or a snippet of it around the first match) as safe HTML with the matching words marked. */
export function highlight(text: string, terms: string[], max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const cut = snippet(flat, Math.max(0, firstMatch(flat, terms)), max);
  let html = '';
  let last = 0;
  for (const m of cut.text.matchAll(WORD)) {
    if (!wordMatches(m[0], terms)) continue;
    html += `${escapeHtml(cut.text.slice(last, m.index))}<mark>${escapeHtml(m[0])}</mark>`;
    last = m.index + m[0].length;
  }
  html += escapeHtml(cut.text.slice(last));
  return `${cut.before ? '…' : ''}${html}${cut.after ? '…' : ''}`;
}

/** Highlights the first of the texts that contains a match (or the first text, unmarked). */
export function highlightFirst(texts: (string | null | undefined)[], terms: string[], max?: number): string {
  const present = texts.filter((t): t is string => !!t);
  const hit = present.find((t) => firstMatch(t, terms) >= 0) ?? present[0] ?? '';
  return highlight(hit, terms, max);
}
