import { infiniteQueryOptions } from '@tanstack/react-query';
import type { AuditEntry } from '../../../shared/schemas/audit.js';
import type { Page } from '../../../shared/list.js';
import { api, withQuery } from '../../api.js';

export const AUDIT_PAGE_SIZE = 20;

export const auditKeys = {
  all: ['audit'] as const,
  entity: (entityType: string, entityId: string) => [...auditKeys.all, entityType, entityId] as const,
};

/** The history of one record, newest first, a page at a time. */
export const auditHistoryQuery = (entityType: string, entityId: string) =>
  infiniteQueryOptions({
    queryKey: auditKeys.entity(entityType, entityId),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<AuditEntry>>(withQuery('/api/audit', { entityType, entityId, page: pageParam, pageSize: AUDIT_PAGE_SIZE, sort: '-at' }), signal),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
  });
