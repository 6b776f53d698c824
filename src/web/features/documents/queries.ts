import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { DocumentSubject } from '../../../shared/compliance.js';
import type { DocumentItem, DocumentList } from '../../../shared/schemas/document.js';
import { api, postForm, withQuery } from '../../api.js';
import { auditKeys } from '../audit/queries.js';

export const documentKeys = {
  all: ['documents'] as const,
  subject: (subjectType: DocumentSubject, subjectId: string, archived: boolean) => [...documentKeys.all, 'subject', subjectType, subjectId, archived] as const,
  partner: (partnerId: string, archived: boolean) => [...documentKeys.all, 'partner', partnerId, archived] as const,
};

/** The documents attached to one record. */
export const subjectDocumentsQuery = (subjectType: DocumentSubject, subjectId: string, archived = false) =>
  queryOptions({
    queryKey: documentKeys.subject(subjectType, subjectId, archived),
    queryFn: ({ signal }) => api.get<DocumentList>(withQuery('/api/documents', { subjectType, subjectId, archived: archived ? 'all' : undefined }), signal),
  });

/** Every document of a partner: its own, its contracts' and its risk assessments' (those the caller may see). */
export const partnerDocumentsQuery = (partnerId: string, archived = false) =>
  queryOptions({
    queryKey: documentKeys.partner(partnerId, archived),
    queryFn: ({ signal }) => api.get<DocumentList>(withQuery('/api/documents', { partnerId, archived: archived ? 'all' : undefined }), signal),
  });

function useInvalidate() {
  const qc = useQueryClient();
  return (d?: DocumentItem) => {
    // A partner's tab and a record's panel list the same documents: refresh both.
    void qc.invalidateQueries({ queryKey: documentKeys.all });
    if (d) void qc.invalidateQueries({ queryKey: auditKeys.entity('document', d.id) });
  };
}

export interface UploadInput {
  subjectType: DocumentSubject;
  subjectId: string;
  title?: string;
  file: File;
}

export function useUploadDocument() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ subjectType, subjectId, title, file }: UploadInput) => {
      // The fields go first: the server checks them before it reads the file.
      const form = new FormData();
      form.append('subjectType', subjectType);
      form.append('subjectId', subjectId);
      if (title?.trim()) form.append('title', title.trim());
      form.append('file', file, file.name);
      return postForm<DocumentItem>('/api/documents', form);
    },
    onSuccess: (d) => invalidate(d),
  });
}

export function useUploadVersion() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ document, file }: { document: DocumentItem; file: File }) => {
      const form = new FormData();
      form.append('version', String(document.version));
      form.append('file', file, file.name);
      return postForm<DocumentItem>(`/api/documents/${encodeURIComponent(document.id)}/versions`, form);
    },
    onSuccess: (d) => invalidate(d),
    onError: () => invalidate(),
  });
}

export function useArchiveDocument() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ document, archived }: { document: DocumentItem; archived: boolean }) =>
      api.post<DocumentItem>(`/api/documents/${encodeURIComponent(document.id)}/${archived ? 'archive' : 'restore'}`, { version: document.version }),
    onSettled: (d) => invalidate(d ?? undefined),
  });
}
