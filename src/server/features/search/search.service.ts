import { sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { zurichDate } from '../../../shared/days.js';
import type { ActivityKind, PartnerStatus, PartnerType } from '../../../shared/partners.js';
import type { Locale } from '../../../shared/i18n/locales.js';
import { tFor } from '../../i18n.js';
import { formatDay } from '../../jobs/compose.js';
import type { SearchQuery, SearchResult, SearchType } from '../../../shared/schemas/search.js';
import { highlightFirst } from './highlight.js';
import { escapeLike, prefixTsQuery, searchTerms } from '../../lib/search-text.js';

/*
 * One query per kind of record, then merged by score. Each first collects candidate ids from
 * arms that an index serves, then scores only those:
 *   partners  — name: partner_name_trgm_idx (`<%` word similarity, LIKE 'q%');
 *               name, legal name, description: partner_fts_idx (every word as a prefix)
 *   contacts  — full name: contact_name_trgm_idx (`<%`, LIKE '%q%'); e-mail and title: LIKE
 *               (no index yet: see docs/decisions/0007; capped at CANDIDATES rows)
 *   timeline  — activity_fts_idx (every word as a prefix)
 * The expressions are written exactly as the indexes are, or PostgreSQL will not use them. Every arm
 * stops at CANDIDATES rows: a common surname or word matches thousands of rows, and scoring them all
 * cost 30× more than the rest of the search (measured at 100,000 contacts, a surname shared by 6,250:
 * 116–155 ms → 4 ms). An exact or prefix name match still comes first: it has its own arm (LIKE on
 * the name), and the rows any one arm returns beyond CANDIDATES would all score alike.
 * Score: 4+ exact title, 3+ title starts with the query, 2+ every word starts a word of the title,
 * 1+ matched elsewhere or only similar; the fraction is trigram similarity to the title.
 */

/**
 * `<%` matches when pg_trgm word similarity reaches this: "schmitt" in "anna schmidt" is 0.625, but a
 * swapped pair ("schnieder" in "lena schneider") or a dropped umlaut ("muller" in "jan müller") is only
 * 0.43. Lower still and every name sharing a syllable matches; the candidate cap keeps the cost bounded.
 */
const WORD_SIMILARITY_THRESHOLD = 0.4;
/** Rows taken from an arm that may match a large share of the table. */
const CANDIDATES = 200;
/**
 * A GIN scan for a word in a tenth of a million timeline entries reads the whole posting tree before
 * the first row, although only CANDIDATES rows are taken; `gin_fuzzy_search_limit` lets it return a
 * sample of that size instead (PostgreSQL's own knob for exactly this; measured 42 → 20 ms for such a
 * word). Result sets smaller than this are returned whole, so rare words and exact names lose nothing.
 */
const GIN_SAMPLE = 2000;
/** Shorter queries have too few trigrams to be selective: prefix matches only. */
const FUZZY_MIN = 3;

export interface Terms {
  /** The whole query, lower case, spaces collapsed: compared with titles. */
  phrase: string;
  prefix: string;
  infix: string;
  /** LIKE '% q%': the query starts a later word. */
  wordPrefix: string;
  tsQuery: string;
  terms: string[];
}

type Rows = Record<string, unknown>[];
const rowsOf = (r: unknown): Rows => (r as { rows: Rows }).rows;

export function partnerSql(t: Terms, limit: number): SQL {
  const name = sql`lower(p.name)`;
  const fuzzy = t.phrase.length >= FUZZY_MIN;
  // The candidates carry the columns that scoring needs, as for contacts: joining them back to partner
  // made the planner hash all 10,000 partners (10 of the 19 ms of a common word).
  const columns = sql`id, name, legal_name, description, status, types, archived_at`;
  const prefixArm = sql`(select ${columns} from partner where lower(name) like ${t.prefix} limit ${CANDIDATES})`;
  const nameArm = fuzzy ? sql`${prefixArm} union (select ${columns} from partner where ${t.phrase} <% lower(name) limit ${CANDIDATES})` : prefixArm;
  // Candidates first (materialized, so the planner cannot turn it into a scan of every row), then score them.
  return sql`
      with p as materialized (
        ${nameArm}
        union
        (select ${columns} from partner
         where to_tsvector('simple', name || ' ' || coalesce(legal_name, '') || ' ' || coalesce(description, '')) @@ to_tsquery('simple', ${t.tsQuery})
         limit ${CANDIDATES})
      )
      select p.id, p.name, p.legal_name, p.description, p.status, p.types,
        (case when ${name} = ${t.phrase} then 4
              when ${name} like ${t.prefix} then 3
              when to_tsvector('simple', p.name) @@ to_tsquery('simple', ${t.tsQuery}) then 2
              else 1 end)
        + 0.99 * greatest(similarity(${name}, ${t.phrase}), word_similarity(${t.phrase}, ${name})) as score
      from p
      where p.archived_at is null
      order by score desc, p.name
      limit ${limit}`;
}

async function partners(tx: DbOrTx, t: Terms, limit: number, locale: Locale): Promise<SearchResult[]> {
  const rows = rowsOf(await tx.execute(partnerSql(t, limit)));
  const say = tFor(locale);
  return rows.map((r) => {
    const types = (r.types as PartnerType[]).map((x) => say(`partners:type.${x}`)).join(', ');
    return {
      type: 'partner',
      id: r.id as string,
      title: r.name as string,
      subtitle: [r.legal_name !== r.name ? r.legal_name : null, types, say(`partners:status.${r.status as PartnerStatus}`)].filter(Boolean).join(' · ') || null,
      partnerId: r.id as string,
      highlight: highlightFirst([r.name as string, r.legal_name as string | null, r.description as string | null], t.terms),
      score: Number(r.score),
    };
  });
}

export function contactSql(t: Terms, limit: number): SQL {
  const name = sql`lower(c.first_name || ' ' || c.last_name)`;
  const arm = sql`lower(first_name || ' ' || last_name)`;
  const other = sql`lower(coalesce(email, '') || ' ' || coalesce(title, ''))`;
  const fuzzy = t.phrase.length >= FUZZY_MIN;
  // The candidates carry the columns that scoring needs: joining thousands of candidate ids back to
  // contact (a common surname) made the planner read the whole primary key index with sequential scans off.
  const columns = sql`id, first_name, last_name, email, title, partner_id, archived_at`;
  const nameArm = fuzzy
    ? sql`(select ${columns} from contact where ${arm} like ${t.infix} limit ${CANDIDATES})
          union
          (select ${columns} from contact where ${t.phrase} <% ${arm} limit ${CANDIDATES})`
    : sql`(select ${columns} from contact where ${arm} like ${t.prefix} or ${arm} like ${t.wordPrefix} limit ${CANDIDATES})`;
  // One or two letters have no trigram to look up inside e-mails and titles: such queries match e-mails starting with them.
  const infixes = t.terms.filter((x) => x.length >= FUZZY_MIN).map((x) => sql`${other} like ${`%${escapeLike(x)}%`}`);
  const otherMatch = infixes.length ? sql.join(infixes, sql` and `) : sql`${other} like ${t.prefix}`;
  return sql`
      with c as materialized (
        ${nameArm}
        union
        (select ${columns} from contact where ${otherMatch} limit ${CANDIDATES})
      )
      select c.id, c.first_name, c.last_name, c.email, c.title, c.partner_id, p.name as partner_name,
        (case when ${name} = ${t.phrase} then 4
              when ${name} like ${t.prefix} then 3
              when to_tsvector('simple', c.first_name || ' ' || c.last_name) @@ to_tsquery('simple', ${t.tsQuery}) then 2
              else 1 end)
        + 0.99 * greatest(similarity(${name}, ${t.phrase}), word_similarity(${t.phrase}, ${name})) as score
      from c
      join partner p on p.id = c.partner_id
      where c.archived_at is null and p.archived_at is null
      order by score desc, c.last_name, c.first_name
      limit ${limit}`;
}

async function contacts(tx: DbOrTx, t: Terms, limit: number): Promise<SearchResult[]> {
  const rows = rowsOf(await tx.execute(contactSql(t, limit)));
  return rows.map((r) => {
    const fullName = `${r.first_name as string} ${r.last_name as string}`;
    return {
      type: 'contact',
      id: r.id as string,
      title: fullName,
      subtitle: [r.title as string | null, r.partner_name as string].filter(Boolean).join(' · ') || null,
      partnerId: r.partner_id as string,
      highlight: highlightFirst([fullName, r.email as string | null, r.title as string | null], t.terms),
      score: Number(r.score),
    };
  });
}

export function activitySql(t: Terms, limit: number): SQL {
  return sql`
      select a.id, a.kind, a.summary, a.outcome, a.occurred_at, a.partner_id, p.name as partner_name,
        1 + least(0.99, ts_rank(to_tsvector('simple', a.summary || ' ' || coalesce(a.outcome, '')), to_tsquery('simple', ${t.tsQuery}))) as score
      from (
        select * from activity a
        where to_tsvector('simple', a.summary || ' ' || coalesce(a.outcome, '')) @@ to_tsquery('simple', ${t.tsQuery})
          and a.archived_at is null
        limit ${CANDIDATES}
      ) a
      join partner p on p.id = a.partner_id and p.archived_at is null
      order by score desc, a.occurred_at desc
      limit ${limit}`;
}

async function activities(tx: DbOrTx, t: Terms, limit: number, locale: Locale): Promise<SearchResult[]> {
  const rows = rowsOf(await tx.execute(activitySql(t, limit)));
  const say = tFor(locale);
  return rows.map((r) => {
    const summary = r.summary as string;
    // The day it happened where the team works: an evening call in UTC is already tomorrow there.
    const day = zurichDate(new Date(r.occurred_at as string | Date));
    return {
      type: 'activity',
      id: r.id as string,
      title: summary.length > 120 ? `${summary.slice(0, 119)}…` : summary,
      subtitle: `${say(`timeline:kind.${r.kind as ActivityKind}`)} · ${r.partner_name as string} · ${formatDay(day, locale)}`,
      partnerId: r.partner_id as string,
      highlight: highlightFirst([summary, r.outcome as string | null], t.terms),
      score: Number(r.score),
    };
  });
}

const TYPE_ORDER: Record<SearchType, number> = { partner: 0, contact: 1, activity: 2 };

/** Partners, contacts and timeline entries matching any spelling of the query's words; archived records excluded. */
/** The query's forms the SQL needs; null when it has no letters or digits at all. */
export function termsOf(q: string): Terms | null {
  const terms = searchTerms(q);
  const tsQuery = prefixTsQuery(terms);
  if (!tsQuery) return null;
  const phrase = q.toLowerCase().replace(/\s+/g, ' ').trim();
  return {
    phrase,
    prefix: `${escapeLike(phrase)}%`,
    infix: `%${escapeLike(phrase)}%`,
    wordPrefix: `% ${escapeLike(phrase)}%`,
    tsQuery,
    terms,
  };
}

/**
 * For the name and full-text arms (and the timeline's, see search()): `<%` only uses the GIN index with the
 * threshold set, and the planner overestimates GIN trigram scans on tables of this size and would
 * rather run similarity() or to_tsvector() over every row (measured: 10× slower on 10k partners).
 */
export async function useSearchIndexes(tx: DbOrTx, on: boolean): Promise<void> {
  // With sequential scans "disabled" the estimates are huge, which would trigger JIT compilation (~300 ms) on PostgreSQL.
  await tx.execute(
    sql`select set_config('pg_trgm.word_similarity_threshold', ${String(WORD_SIMILARITY_THRESHOLD)}, true), set_config('enable_seqscan', ${on ? 'off' : 'on'}, true), set_config('jit', 'off', true),
               set_config('gin_fuzzy_search_limit', ${String(on ? GIN_SAMPLE : 0)}, true)`,
  );
}

/** The records a query finds, best first; subtitles (types, status, an entry's kind and day) in `locale`. */
export async function search(db: Db, q: SearchQuery, locale: Locale = 'en'): Promise<SearchResult[]> {
  const t = termsOf(q.q);
  // Nothing but punctuation: nothing can match.
  if (!t) return [];
  const results = await db.transaction(async (tx) => {
    await useSearchIndexes(tx, true);
    // The timeline too is read through its index. A sequential scan that stops at CANDIDATES rows is
    // cheaper for a word in every eighth entry, but reads the whole table for a word in none, and the
    // planner estimates a prefix that matches nothing at 0.5–2 % of the rows, so it chose that scan for
    // both (measured at a million entries: 8 ms → 24 ms for a common word, 2.5 s → 0.7 ms for a
    // misspelled surname). Either way the candidates are the first CANDIDATES matches in table order.
    return [...(await partners(tx, t, q.limit, locale)), ...(await contacts(tx, t, q.limit)), ...(await activities(tx, t, q.limit, locale))];
  });
  return results.sort((x, y) => y.score - x.score || TYPE_ORDER[x.type] - TYPE_ORDER[y.type] || x.title.localeCompare(y.title)).slice(0, q.limit);
}
