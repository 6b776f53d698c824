import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  Agreement,
  CreateAgreementBody,
  CreateStatementBody,
  ListStatementsQuery,
  PayStatementBody,
  Statement,
  StatementDetail,
  Unpaid,
  UpdateAgreementBody,
} from '../../../shared/schemas/kickback.js';
import type { Page } from '../../../shared/list.js';
import { api, withQuery } from '../../api.js';
import { currentLocale } from '../../i18n.js';
import { auditKeys } from '../audit/queries.js';

export type AgreementPage = Page<Agreement> & { can: { create: boolean } };
export type StatementPage = Page<Statement> & { can: { create: boolean } };

export const kickbackKeys = {
  all: ['kickbacks'] as const,
  agreements: (partnerId: string, archived: string) => [...kickbackKeys.all, 'agreements', partnerId, archived] as const,
  statements: () => [...kickbackKeys.all, 'statements'] as const,
  statementList: (p: Partial<ListStatementsQuery>) => [...kickbackKeys.statements(), 'list', p] as const,
  statement: (id: string) => [...kickbackKeys.statements(), 'detail', id] as const,
  unpaid: () => [...kickbackKeys.statements(), 'unpaid'] as const,
};

const agreementPath = (id: string, rest = '') => `/api/kickback-agreements/${encodeURIComponent(id)}${rest}`;
const statementPath = (id: string, rest = '') => `/api/commission-statements/${encodeURIComponent(id)}${rest}`;

/** The statement as a download in the page's language: the browser's own Accept-Language would not say it. */
export const statementDownload = (id: string, kind: 'pdf' | 'csv') => `${statementPath(id, `/${kind}`)}?lang=${currentLocale()}`;

export const agreementsQuery = (partnerId: string, archived: 'false' | 'all') =>
  queryOptions({
    queryKey: kickbackKeys.agreements(partnerId, archived),
    queryFn: ({ signal }) => api.get<AgreementPage>(withQuery('/api/kickback-agreements', { partnerId, archived, pageSize: 100, sort: '-validFrom' }), signal),
  });

export const statementsQuery = (p: Partial<ListStatementsQuery>) =>
  queryOptions({
    queryKey: kickbackKeys.statementList(p),
    queryFn: ({ signal }) => api.get<StatementPage>(withQuery('/api/commission-statements', { ...p, status: Array.isArray(p.status) ? p.status.join(',') : undefined }), signal),
    placeholderData: keepPreviousData,
  });

export const statementQuery = (id: string) => queryOptions({ queryKey: kickbackKeys.statement(id), queryFn: ({ signal }) => api.get<StatementDetail>(statementPath(id), signal) });

export const unpaidQuery = () => queryOptions({ queryKey: kickbackKeys.unpaid(), queryFn: ({ signal }) => api.get<Unpaid>('/api/commission-statements/unpaid', signal) });

function useInvalidate() {
  const qc = useQueryClient();
  return (entity?: { type: string; id: string }) => {
    // Agreements change lines, lines change statements' "unpaid": refresh everything of the feature.
    void qc.invalidateQueries({ queryKey: kickbackKeys.all });
    if (entity) void qc.invalidateQueries({ queryKey: auditKeys.entity(entity.type, entity.id) });
  };
}

export function useSaveAgreement() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { id?: string; create?: CreateAgreementBody; update?: UpdateAgreementBody }) =>
      v.id ? api.patch<Agreement>(agreementPath(v.id), v.update) : api.post<Agreement>('/api/kickback-agreements', v.create),
    onSuccess: (a) => invalidate({ type: 'kickback_agreement', id: a.id }),
  });
}

export function useAgreementAction() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, action, version }: { id: string; action: 'archive' | 'restore' | 'recompute'; version: number }) =>
      api.post<Agreement | { added: number; addedMinor: number; notice: string | null }>(agreementPath(id, `/${action}`), action === 'recompute' ? {} : { version }),
    onSuccess: (_r, v) => invalidate({ type: 'kickback_agreement', id: v.id }),
  });
}

export function useCreateStatement() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CreateStatementBody) => api.post<StatementDetail>('/api/commission-statements', body),
    onSuccess: (s) => invalidate({ type: 'commission_statement', id: s.id }),
  });
}

export function useStatementPayout() {
  const invalidate = useInvalidate();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; approve?: { version: number }; pay?: PayStatementBody }) =>
      v.pay ? api.post<StatementDetail>(statementPath(v.id, '/pay'), v.pay) : api.post<StatementDetail>(statementPath(v.id, '/approve'), v.approve),
    onSuccess: (s) => {
      qc.setQueryData(kickbackKeys.statement(s.id), s);
      invalidate({ type: 'commission_statement', id: s.id });
    },
  });
}
