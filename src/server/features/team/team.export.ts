import type { tFor } from '../../i18n.js';
import type { Colleague } from '../../../shared/schemas/team.js';
import type { Db } from '../../db/client.js';
import { allPages, type ExportColumn } from '../../lib/table-export.js';
import { listColleagues } from './team.service.js';

/** The colleagues list's columns, in the reader's language; a colleague's role is their role in the app (the users catalogue's words, as the list's badge). */
export function colleagueColumns(t: ReturnType<typeof tFor>): ExportColumn<Colleague>[] {
  return [
    { key: 'name', header: t('team:colleagues.name'), value: (c) => c.name },
    { key: 'email', header: t('team:colleagues.email'), value: (c) => c.email },
    { key: 'role', header: t('team:colleagues.role'), value: (c) => t(`users:role.${c.role}`) },
  ];
}

/** Every active colleague the list's search matches, in its order, read through the list's own query a page at a time. */
export async function* exportColleagues(db: Db, q: Omit<Parameters<typeof listColleagues>[1], 'page' | 'pageSize'>): AsyncGenerator<Colleague> {
  for await (const page of allPages((page, pageSize) => listColleagues(db, { ...q, page, pageSize }))) yield* page;
}
