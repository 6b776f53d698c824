import { describe, expect, it } from 'vitest';
import { customerNameKey, LEGAL_FORMS, NAME_MATCH, NAME_SIMILARITY_THRESHOLD, nameHead, registrableDomain } from './customers.js';

describe('registrable domain', () => {
  it('takes a domain, a URL or an e-mail address down to the registrable domain, lower case', () => {
    expect(registrableDomain('https://www.muster.ch/x')).toBe('muster.ch');
    expect(registrableDomain('info@shop.muster.co.uk')).toBe('muster.co.uk');
    expect(registrableDomain('Muster.CH')).toBe('muster.ch');
    expect(registrableDomain('shop.muster.co.uk')).toBe('muster.co.uk');
    expect(registrableDomain('www.muster.ch')).toBe('muster.ch');
    expect(registrableDomain('  http://user:pw@WWW.Muster.ch:8080/a?b=c  ')).toBe('muster.ch');
    expect(registrableDomain('mailto:info@muster.ch')).toBe('muster.ch');
    expect(registrableDomain('muster.ch.')).toBe('muster.ch');
  });

  it('writes an internationalised domain one way only', () => {
    expect(registrableDomain('www.müller.ch')).toBe('xn--mller-kva.ch');
    expect(registrableDomain('xn--mller-kva.ch')).toBe('xn--mller-kva.ch');
  });

  it("keeps a private suffix's tenants apart", () => {
    expect(registrableDomain('muster.github.io')).toBe('muster.github.io');
  });

  it('has none for an IP, localhost, an unknown suffix or nothing parseable', () => {
    for (const input of ['127.0.0.1', 'http://[::1]/', 'localhost', 'http://localhost:3000', 'muster.local', 'muster', '', '   ', 'not a domain']) {
      expect(registrableDomain(input), input).toBeNull();
    }
  });
});

describe('customer name key', () => {
  it('removes legal forms, folds accents and punctuation', () => {
    expect(customerNameKey('Muster AG')).toBe('muster');
    expect(customerNameKey('Muster Informatik AG')).toBe('muster informatik');
    expect(customerNameKey('Müller & Co. KG')).toBe('muller');
    expect(customerNameKey('  Muster   GmbH ')).toBe('muster');
    expect(customerNameKey('Société Générale S.A.')).toBe('societe generale');
    expect(customerNameKey('Muster Sàrl')).toBe('muster');
    expect(customerNameKey('Muster S.à r.l.')).toBe('muster');
    expect(customerNameKey('Muster SARL')).toBe('muster');
    expect(customerNameKey('Muster & Cie SA')).toBe('muster');
    expect(customerNameKey('Muster GmbH & Co. KG')).toBe('muster');
    expect(customerNameKey('Muster Sagl')).toBe('muster');
    expect(customerNameKey('ACME, Inc.')).toBe('acme');
    expect(customerNameKey('Acme Ltd')).toBe('acme');
    expect(customerNameKey('Muster Limited')).toBe('muster');
    expect(customerNameKey('Muster Wohnbau-Genossenschaft')).toBe('muster wohnbau');
    expect(customerNameKey('Förderverein Muster e.V.')).toBe('forderverein muster');
  });

  it('keeps words a legal form is only part of, and the words after one', () => {
    expect(customerNameKey('Agrarhandel AG')).toBe('agrarhandel');
    expect(customerNameKey('Muster AG Zürich')).toBe('muster zurich');
    expect(customerNameKey('Muster Holding AG')).toBe('muster holding');
    expect(customerNameKey('3M Schweiz GmbH')).toBe('3m schweiz');
    expect(customerNameKey("Sprüngli's Confiserie")).toBe('sprunglis confiserie');
    expect(customerNameKey('Grosse Strasse AG')).toBe(customerNameKey('Große Straße AG'));
  });

  it('keeps a legal-form word that opens the name', () => {
    expect(customerNameKey('SE Consulting')).toBe('se consulting');
    expect(customerNameKey('Co-Working Bern AG')).toBe('co working bern');
  });

  it('keeps a name that is nothing but legal forms, lower-cased, so the key is never empty', () => {
    expect(customerNameKey('AG')).toBe('ag');
    expect(customerNameKey('GmbH & Co. KG')).toBe('gmbh co kg');
    expect(customerNameKey('')).toBe('');
    expect(customerNameKey('—')).toBe('');
  });

  it('lists its legal forms once, in the folded form keys are compared in', () => {
    expect(new Set(LEGAL_FORMS).size).toBe(LEGAL_FORMS.length);
    for (const f of LEGAL_FORMS) expect(customerNameKey(`x ${f}`), f).toBe('x');
  });
});

/*
 * Why the server matches name keys with pg_trgm's word_similarity both ways at 0.5, not similarity at
 * 0.45: pg_trgm's own definitions, written out here, give the numbers PostgreSQL 15 returned for
 * `select similarity(a, b), word_similarity(a, b)` (checked by hand on 2026-12-08).
 */
const WORDS = /[\p{L}\p{N}]+/gu;
/** pg_trgm's trigrams of a text in order: each lower-case word padded with two spaces before and one after. */
const trigramList = (s: string): string[] =>
  (s.toLowerCase().match(WORDS) ?? []).flatMap((w) => {
    const p = `  ${w} `;
    return Array.from({ length: p.length - 2 }, (_, i) => p.slice(i, i + 3));
  });
const jaccard = (a: Set<string>, b: Set<string>) => {
  const common = [...a].filter((t) => b.has(t)).length;
  return common / (a.size + b.size - common);
};
/** similarity(a, b): |A ∩ B| / |A ∪ B| over the sets of trigrams. */
const similarity = (a: string, b: string) => jaccard(new Set(trigramList(a)), new Set(trigramList(b)));
/** word_similarity(a, b): the best similarity between a's trigrams and any continuous extent of b's. */
function wordSimilarity(a: string, b: string): number {
  const ta = new Set(trigramList(a));
  const tb = trigramList(b);
  let best = 0;
  for (let i = 0; i < tb.length; i++) for (let j = i + 1; j <= tb.length; j++) best = Math.max(best, jaccard(ta, new Set(tb.slice(i, j))));
  return best;
}
const nameMatch = (a: string, b: string) => Math.max(wordSimilarity(nameHead(a), b), wordSimilarity(nameHead(b), a));

describe('name match threshold', () => {
  it('computes what PostgreSQL computes', () => {
    expect(similarity('muster', 'muster informatik')).toBeCloseTo(0.389, 3);
    expect(similarity('mustr', 'muster')).toBeCloseTo(0.444, 3);
    expect(wordSimilarity('muster', 'muster informatik')).toBe(1);
    expect(wordSimilarity('muster informatik', 'muster')).toBeCloseTo(0.389, 3);
    expect(wordSimilarity('mustr', 'muster')).toBeCloseTo(0.667, 3);
    expect(wordSimilarity('muster', 'mustr')).toBeCloseTo(0.571, 3);
    expect(wordSimilarity('muster', 'master')).toBeCloseTo(0.429, 3);
  });

  it('similarity ≥ 0.45 would miss both examples of the issue', () => {
    expect(similarity(customerNameKey('Muster AG'), customerNameKey('Muster Informatik AG'))).toBeLessThan(0.45);
    expect(similarity('mustr', 'muster')).toBeLessThan(0.45);
  });

  it('word similarity of one name’s head in the other finds a longer name and a typo, not an unrelated name', () => {
    expect(NAME_MATCH).toEqual({ fn: 'word_similarity', of: 'head', threshold: 0.5 });
    expect(NAME_SIMILARITY_THRESHOLD).toBe(NAME_MATCH.threshold);
    const matches = (a: string, b: string) => nameMatch(customerNameKey(a), customerNameKey(b)) >= NAME_MATCH.threshold;
    expect(matches('Muster AG', 'Muster Informatik AG')).toBe(true);
    expect(matches('Muster Informatik AG', 'Muster AG')).toBe(true);
    expect(matches('Mustr AG', 'Muster GmbH')).toBe(true);
    expect(matches('Mustre AG', 'Muster AG')).toBe(true);
    expect(matches('Müller & Co. KG', 'Mueller AG')).toBe(true);
    expect(matches('Muster AG', 'Master AG')).toBe(false);
    expect(matches('Muster AG', 'Meier Treuhand GmbH')).toBe(false);
    expect(matches('Helvetia AG', 'Helsana AG')).toBe(false);
    // A shared trade is not the same customer (whole-name word similarity matched these at 0.69).
    expect(Math.max(wordSimilarity('bern informatik', 'basel informatik'), wordSimilarity('basel informatik', 'bern informatik'))).toBeGreaterThan(0.5);
    expect(matches('Bern Informatik AG', 'Basel Informatik AG')).toBe(false);
    expect(matches('Alpen Logistik AG', 'Rhein Logistik GmbH')).toBe(false);
  });
});
