import type { tFor } from '../../i18n.js';
import type { ListMailQuery, MailSummary } from '../../../shared/schemas/notification.js';
import type { Db } from '../../db/client.js';
import { allPages, type ExportColumn } from '../../lib/table-export.js';
import { listMail } from './mail.service.js';

/** The outbox's columns, in the reader's language: the list's, with the address and the colleague apart, and what the message drawer adds (sent, attempts, last error). */
export function mailColumns(t: ReturnType<typeof tFor>): ExportColumn<MailSummary>[] {
  const day = (iso: string | null) => (iso ? new Date(iso) : null);
  return [
    { key: 'subject', header: t('mail:outbox.subject'), value: (m) => m.subject },
    { key: 'to', header: t('mail:outbox.to'), value: (m) => m.to },
    { key: 'colleague', header: t('mail:outbox.colleague'), value: (m) => m.user?.name ?? '' },
    { key: 'status', header: t('mail:outbox.status'), value: (m) => t(`mail:status.${m.status}`) },
    { key: 'createdAt', header: t('mail:outbox.created'), value: (m) => day(m.createdAt) },
    { key: 'sentAt', header: t('mail:message.sent'), value: (m) => day(m.sentAt) },
    { key: 'attempts', header: t('mail:message.attempts'), value: (m) => m.attempts },
    { key: 'lastError', header: t('mail:message.lastError'), value: (m) => m.lastError ?? '' },
  ];
}

/** Every message the outbox's filter matches, in its order, read through the list's own query a page at a time. */
export async function* exportMail(db: Db, q: Omit<ListMailQuery, 'page' | 'pageSize'>): AsyncGenerator<MailSummary> {
  for await (const page of allPages((page, pageSize) => listMail(db, { ...q, page, pageSize }))) yield* page;
}
