/**
 * Customer identity of joint business (issue 13): what makes two end customers the same, for the
 * deduplication of customers (by registrable domain) and the conflict check of inbound registrations
 * (domain, or a name match tolerant of legal forms and typos). See docs/decisions/0025-joint-business-design.md.
 */
import { parse } from 'tldts';

/**
 * The registrable domain ("eTLD+1" of the public suffix list) of a domain, URL or e-mail address, lower
 * case and in its ASCII (punycode) form so "müller.ch" and "xn--mller-kva.ch" are one customer:
 * "https://www.muster.ch/x" → "muster.ch", "info@shop.muster.co.uk" → "muster.co.uk".
 * Private suffixes count ("muster.github.io" stays itself: github.io's tenants are different customers).
 * Null for an IP address, "localhost", a suffix the list does not know ("muster.local") or nothing parseable.
 */
export function registrableDomain(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  const p = parse(text, { allowPrivateDomains: true });
  if (p.isIp || !p.domain || !(p.isIcann || p.isPrivate)) return null;
  try {
    return new URL(`http://${p.domain}`).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * Words that name a legal form, not the company (after folding: "Sàrl" is "sarl", "S.A." is "sa"). Not
 * here: "Holding" and "Group" name a different legal entity; the word-similarity match below still
 * finds "Muster Holding" for "Muster". Short words that are also ordinary words ("as", "ab", "eg") are
 * left out for the same reason.
 */
export const LEGAL_FORMS: readonly string[] = [
  // Switzerland, Germany, Austria
  'ag',
  'gmbh',
  'mbh',
  'kg',
  'kgaa',
  'ohg',
  'gbr',
  'ev',
  'genossenschaft',
  'stiftung',
  'verein',
  // French and Italian (also Swiss)
  'sa',
  'sarl',
  'sas',
  'snc',
  'sagl',
  'srl',
  'spa',
  // English
  'ltd',
  'limited',
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'llc',
  'llp',
  'plc',
  'co',
  'cie',
  // Elsewhere in Europe, and the EU's own
  'nv',
  'bv',
  'se',
  'oy',
  'aps',
  'pty',
];
const LEGAL = new Set(LEGAL_FORMS);

/** Letters NFKD does not take apart. */
const LIGATURES: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ł: 'l', ı: 'i' };

/**
 * A company name reduced to what identifies it: lower case, accents folded, punctuation gone, legal
 * forms removed — "Muster AG" → "muster", "Müller & Co. KG" → "muller". A legal-form word that opens
 * the name stays ("SE Consulting" is not "consulting"); a name that is nothing but legal forms keeps
 * them all ("GmbH" → "gmbh") so the key is never empty for a non-empty name.
 */
export function customerNameKey(name: string): string {
  const folded = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøđłı]/g, (c) => LIGATURES[c]!)
    .replace(/['’`´]/g, '')
    // "S.à r.l.", "S.A.R.L." → "sarl"; dotted single letters join: "S.A." → "sa", "e.V." → "ev"
    .replace(/\bs\.?\s?a\.?\s?r\.?\s?l\b\.?/g, ' sarl ')
    .replace(/\b([a-z])\.(?=[a-z]\b)/g, '$1')
    // "& Co", "und Co", "and Co", "& Cie", "et Cie": the partnership suffix, one legal form
    .replace(/(?:&|\band\b|\bund\b|\bet\b)\s*(co|cie)\b/g, ' $1 ');
  const words = folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const kept = words.filter((w, i) => i === 0 || !LEGAL.has(w));
  return words.every((w) => LEGAL.has(w)) ? words.join(' ') : kept.join(' ');
}

/**
 * How the server compares name keys (pg_trgm, on both backends): each name's head — its first word,
 * the distinctive part of a company name — is looked for in the other name by `word_similarity`,
 * `greatest(word_similarity(head(a), b), word_similarity(head(b), a)) >= threshold`.
 *
 * Plain `similarity(a, b) >= 0.45` misses both of the examples ("muster" vs "muster informatik"
 * is 0.389, the typo "mustr" vs "muster" 0.444 on PostgreSQL 15). Word similarity of the whole names
 * both ways finds them (1.0 and 0.667) but also matches any two names that share a word: every
 * "… Informatik" was one customer ("bern informatik" vs "basel informatik" 0.69), 160 of 10,000
 * customers in the bench. The head keeps the examples (1.0, 0.667), "muller" / "mueller" (0.5) and a
 * swapped pair ("mustre", 0.571) and keeps "muster" vs "master" (0.429), "bern informatik" vs "basel
 * informatik" and trade words apart. A name whose distinctive word is not the first ("Informatik
 * Muster AG") is found by its domain only.
 */
export const NAME_MATCH = { fn: 'word_similarity', of: 'head', threshold: 0.5 } as const;

/** The threshold of NAME_MATCH (word similarity of one name's head in the other name). */
export const NAME_SIMILARITY_THRESHOLD: number = NAME_MATCH.threshold;

/** A name key's head: its first word (the database keeps it as the generated column `name_head`). */
export const nameHead = (key: string): string => key.split(' ')[0] ?? '';
