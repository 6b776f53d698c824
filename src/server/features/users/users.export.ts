import type { tFor } from '../../i18n.js';
import type { User } from '../../../shared/schemas/user.js';
import type { Db } from '../../db/client.js';
import { allPages, type ExportColumn } from '../../lib/table-export.js';
import { listUsers } from './users.service.js';

/** The user list's columns, in the reader's language: what its rows show, with the deactivation date its status badge names. */
export function userColumns(t: ReturnType<typeof tFor>): ExportColumn<User>[] {
  const day = (iso: string | null) => (iso ? new Date(iso) : null);
  return [
    { key: 'name', header: t('users:field.name'), value: (u) => u.name },
    { key: 'email', header: t('users:field.email'), value: (u) => u.email },
    { key: 'role', header: t('users:field.role'), value: (u) => t(`users:role.${u.role}`) },
    { key: 'status', header: t('users:field.status'), value: (u) => (u.active ? t('users:row.active') : t('users:row.deactivated')) },
    { key: 'createdAt', header: t('users:list.added'), value: (u) => day(u.createdAt) },
    { key: 'deactivatedAt', header: t('users:field.deactivatedAt'), value: (u) => day(u.deactivatedAt) },
  ];
}

/** Every user the list's filters match, in its order, read through the list's own query a page at a time. */
export async function* exportUsers(db: Db, q: Omit<Parameters<typeof listUsers>[1], 'page' | 'pageSize'>): AsyncGenerator<User> {
  for await (const page of allPages((page, pageSize) => listUsers(db, { ...q, page, pageSize }))) yield* page;
}
