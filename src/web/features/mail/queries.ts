import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Page } from '../../../shared/list.js';
import type { MailStatus } from '../../../shared/rhythm.js';
import type { MailMessage, MailSummary } from '../../../shared/schemas/notification.js';
import { api, withQuery } from '../../api.js';

export const MAIL_PAGE_SIZE = 25;

export const mailKeys = {
  all: ['mail'] as const,
  list: (p: { status: MailStatus | null; page: number }) => [...mailKeys.all, 'list', p] as const,
  one: (id: string) => [...mailKeys.all, 'one', id] as const,
};

export const mailListQuery = (p: { status: MailStatus | null; page: number }) =>
  queryOptions({
    queryKey: mailKeys.list(p),
    queryFn: ({ signal }) => api.get<Page<MailSummary>>(withQuery('/api/mail', { status: p.status, page: p.page, pageSize: MAIL_PAGE_SIZE }), signal),
    placeholderData: keepPreviousData,
  });

export const mailQuery = (id: string) =>
  queryOptions({
    queryKey: mailKeys.one(id),
    queryFn: ({ signal }) => api.get<MailMessage>(`/api/mail/${encodeURIComponent(id)}`, signal),
  });
