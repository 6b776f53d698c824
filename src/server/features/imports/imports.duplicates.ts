import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import type { ImportKind } from '../../../shared/schemas/import.js';

/**
 * Trigram similarity (pg_trgm, installed on both backends by migration 0001) from which an existing
 * partner's name counts as the same company: "Acme Clod Solutions" ~ "acme cloud solutions" is 0.6,
 * "acme" ~ "acme cloud ag" only 0.38.
 */
const NAME_SIMILARITY = 0.5;

/** A website's host without scheme, port, path or "www.": the same rule as domainOf in imports.mapping.ts. */
const domainSql = (col: ReturnType<typeof sql.raw>) => sql`regexp_replace(regexp_replace(lower(${col}), '^[a-z][a-z0-9+.-]*://', ''), '^www\\.|[:/?#].*$', '', 'g')`;

/**
 * Finds, for every row of an import, the existing record it duplicates, set-based (a few statements
 * for the whole file, not one query per row): partners by web domain, then by a similar name;
 * contacts by e-mail, then by name at the same partner. Contacts first get their partner by name.
 */
export async function findDuplicates(tx: Tx, importId: string, kind: ImportKind): Promise<void> {
  const clear = sql`update data_import_row set match_id = null, match_reason = null, match_name = null, partner_id = null where import_id = ${importId}`;
  await tx.execute(clear);
  if (kind === 'partners') {
    await tx.execute(sql`update data_import_row r set match_id = m.id, match_reason = 'domain', match_name = m.name
      from (select distinct on (r2.row_no) r2.row_no, p.id, p.name
              from data_import_row r2
              join partner p on p.archived_at is null and p.website is not null and ${domainSql(sql.raw('p.website'))} = r2.keys->>'domain'
             where r2.import_id = ${importId} and r2.keys->>'domain' is not null
             order by r2.row_no, p.created_at) m
      where r.import_id = ${importId} and r.row_no = m.row_no`);
    await tx.execute(sql`select set_config('pg_trgm.similarity_threshold', ${String(NAME_SIMILARITY)}, true)`);
    // `%` can use partner_name_trgm_idx; the lateral picks the most similar active partner.
    await tx.execute(sql`update data_import_row r set match_id = m.id, match_reason = 'name', match_name = m.name
      from (select r2.row_no, p.id, p.name
              from data_import_row r2
              cross join lateral (select p.id, p.name from partner p
                                   where p.archived_at is null and lower(p.name) % (r2.keys->>'name')
                                   order by similarity(lower(p.name), r2.keys->>'name') desc, p.created_at limit 1) p
             where r2.import_id = ${importId} and r2.match_id is null and r2.keys->>'name' <> '') m
      where r.import_id = ${importId} and r.row_no = m.row_no`);
    return;
  }
  await tx.execute(sql`update data_import_row r set partner_id = p.id
    from partner p where r.import_id = ${importId} and p.archived_at is null and lower(p.name) = r.keys->>'partner'`);
  // A partner that does not exist is the row's error, found here rather than by the shared schema.
  await tx.execute(sql`update data_import_row set body = null,
      errors = errors || jsonb_build_array(jsonb_build_object('field', 'partner', 'message',
        jsonb_build_object('key', 'imports.unknownPartner', 'values', jsonb_build_object('name', keys->>'partnerName'))))
    where import_id = ${importId} and partner_id is null and keys->>'partner' is not null`);
  await tx.execute(sql`update data_import_row r set match_id = m.id, match_reason = 'email', match_name = m.name
    from (select distinct on (r2.row_no) r2.row_no, c.id, c.first_name || ' ' || c.last_name as name
            from data_import_row r2 join contact c on c.archived_at is null and lower(c.email) = r2.keys->>'email'
           where r2.import_id = ${importId} and r2.keys->>'email' is not null
           order by r2.row_no, c.created_at) m
    where r.import_id = ${importId} and r.row_no = m.row_no`);
  await tx.execute(sql`update data_import_row r set match_id = m.id, match_reason = 'nameAtPartner', match_name = m.name
    from (select distinct on (r2.row_no) r2.row_no, c.id, c.first_name || ' ' || c.last_name as name
            from data_import_row r2 join contact c on c.archived_at is null and c.partner_id = r2.partner_id
                 and lower(c.first_name || ' ' || c.last_name) = r2.keys->>'name'
           where r2.import_id = ${importId} and r2.match_id is null and r2.partner_id is not null
           order by r2.row_no, c.created_at) m
    where r.import_id = ${importId} and r.row_no = m.row_no`);
}
