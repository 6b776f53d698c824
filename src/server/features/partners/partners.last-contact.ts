import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';

const inList = (ids: string[]) =>
  sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
const unique = (ids: Iterable<string>) => [...new Set(ids)];

/**
 * Last contact derives from the timeline: the newest non-archived entry of a partner, and of each
 * contact named in one. Call it in the transaction that changed entries, with every partner and
 * contact whose entries changed (before and after the change): activities, meetings and the partner
 * and contact merges call it.
 * It touches neither `version` nor `updated_at`: logging a call must not make someone's open edit stale.
 */
export async function refreshLastContact(tx: DbOrTx, targets: { partnerIds?: string[]; contactIds?: string[] }): Promise<void> {
  const partnerIds = unique(targets.partnerIds ?? []);
  const contactIds = unique(targets.contactIds ?? []);
  if (partnerIds.length) {
    // max() over (partner_id, occurred_at desc) is one index probe per partner.
    await tx.execute(sql`
      with fresh as (
        select p.id, (select max(a.occurred_at) from activity a where a.partner_id = p.id and a.archived_at is null) as at
        from partner p where p.id in (${inList(partnerIds)})
      )
      update partner p set last_contact_at = fresh.at from fresh
      where p.id = fresh.id and p.last_contact_at is distinct from fresh.at`);
  }
  if (contactIds.length) {
    await tx.execute(sql`
      with fresh as (
        select c.id, (select max(a.occurred_at) from activity_contact ac join activity a on a.id = ac.activity_id
                      where ac.contact_id = c.id and a.archived_at is null) as at
        from contact c where c.id in (${inList(contactIds)})
      )
      update contact c set last_contact_at = fresh.at from fresh
      where c.id = fresh.id and c.last_contact_at is distinct from fresh.at`);
  }
}
