import type { tFor } from '../../i18n.js';
import type { HeldLevel, ListPartnersQuery, PartnerSummary } from '../../../shared/schemas/partner.js';
import { zurichDate } from '../../../shared/days.js';
import type { Db } from '../../db/client.js';
import { allPages, type ExportColumn } from '../../lib/table-export.js';
import { heldLevelsByPartner } from '../programs/index.js';
import { listPartners } from './partners.service.js';

export type ExportPartner = PartnerSummary & { heldLevels: HeldLevel[] };

/** The partner list's columns, keyed as its column chooser names them, in the reader's language. */
export function partnerColumns(t: ReturnType<typeof tFor>): ExportColumn<ExportPartner>[] {
  const day = (iso: string | null) => (iso ? new Date(iso) : null);
  return [
    { key: 'name', header: t('partners:column.name'), value: (p) => p.name },
    { key: 'types', header: t('partners:column.types'), value: (p) => p.types.map((v) => t(`partners:type.${v}`)).join(', ') },
    { key: 'status', header: t('partners:column.status'), value: (p) => t(`partners:status.${p.status}`) },
    { key: 'importance', header: t('partners:column.importance'), value: (p) => t(`partners:importance.${p.importance}`) },
    { key: 'level', header: t('partners:column.level'), value: (p) => p.heldLevels.map((l) => `${l.level.name} (${l.programName})`).join(', ') },
    { key: 'owner', header: t('partners:column.owner'), value: (p) => p.owner?.name ?? '' },
    { key: 'country', header: t('partners:column.country'), value: (p) => p.country ?? '' },
    { key: 'tags', header: t('partners:column.tags'), value: (p) => p.tags.join(', ') },
    { key: 'lastContact', header: t('partners:column.lastContact'), value: (p) => day(p.lastContactAt) },
    { key: 'contactDue', header: t('partners:column.contactDue'), value: (p) => day(p.contactDueAt) },
  ];
}

/** Every partner the list's filters match, in its order, a page at a time with the levels they hold (one query for a page's levels). */
export async function* exportPartners(db: Db, q: Omit<ListPartnersQuery, 'page' | 'pageSize'>): AsyncGenerator<ExportPartner> {
  const today = zurichDate(new Date());
  for await (const page of allPages((p, pageSize) => listPartners(db, { ...q, page: p, pageSize }))) {
    const held = await heldLevelsByPartner(
      db,
      page.map((p) => p.id),
      today,
    );
    for (const p of page) yield { ...p, heldLevels: held.get(p.id) ?? [] };
  }
}
