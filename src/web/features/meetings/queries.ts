import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  CreateMeetingBody,
  CreateSeriesBody,
  Meeting,
  MeetingDetail,
  MeetingSeries,
  OccurrenceActionBody,
  QuarterlyReport,
  UpdateMeetingBody,
  UpdateSeriesBody,
} from '../../../shared/schemas/meeting.js';
import { api, withQuery } from '../../api.js';
import { auditKeys } from '../audit/queries.js';

export const meetingKeys = {
  all: ['meetings'] as const,
  series: (partnerId: string) => [...meetingKeys.all, 'series', partnerId] as const,
  partner: (partnerId: string, from: string, to: string) => [...meetingKeys.all, 'partner', partnerId, from, to] as const,
  list: (p: { from: string; to: string; mine: boolean }) => [...meetingKeys.all, 'list', p] as const,
  detail: (id: string) => [...meetingKeys.all, 'detail', id] as const,
  quarterly: (quarter: string) => [...meetingKeys.all, 'quarterly', quarter] as const,
};

const enc = encodeURIComponent;

export const seriesListQuery = (partnerId: string) =>
  queryOptions({
    queryKey: meetingKeys.series(partnerId),
    queryFn: ({ signal }) => api.get<{ items: MeetingSeries[] }>(`/api/partners/${enc(partnerId)}/meeting-series`, signal).then((r) => r.items),
  });

export const partnerMeetingsQuery = (partnerId: string, from: string, to: string) =>
  queryOptions({
    queryKey: meetingKeys.partner(partnerId, from, to),
    queryFn: ({ signal }) =>
      api.get<{ items: Meeting[] }>(withQuery(`/api/partners/${enc(partnerId)}/meetings`, { from, to, includeSkipped: 'true' }), signal).then((r) => r.items),
  });

export const meetingsQuery = (p: { from: string; to: string; mine: boolean }) =>
  queryOptions({
    queryKey: meetingKeys.list(p),
    queryFn: ({ signal }) => api.get<{ items: Meeting[] }>(withQuery('/api/meetings', { from: p.from, to: p.to, mine: p.mine ? 'true' : undefined }), signal).then((r) => r.items),
  });

export const meetingQuery = (id: string) =>
  queryOptions({
    queryKey: meetingKeys.detail(id),
    queryFn: ({ signal }) => api.get<MeetingDetail>(`/api/meetings/${enc(id)}`, signal),
  });

export const quarterlyQuery = (quarter: string) =>
  queryOptions({
    queryKey: meetingKeys.quarterly(quarter),
    queryFn: ({ signal }) => api.get<QuarterlyReport>(withQuery('/api/meetings/quarterly', { quarter }), signal),
    placeholderData: keepPreviousData,
  });

export const meetingIcsUrl = (id: string) => `/api/meetings/${enc(id)}/ics`;

function useInvalidateMeetings() {
  const qc = useQueryClient();
  return (entity?: { type: string; id: string }) => {
    void qc.invalidateQueries({ queryKey: meetingKeys.all });
    if (entity) void qc.invalidateQueries({ queryKey: auditKeys.entity(entity.type, entity.id) });
  };
}

export function useCreateSeries(partnerId: string) {
  const invalidate = useInvalidateMeetings();
  return useMutation({
    mutationFn: (body: CreateSeriesBody) => api.post<MeetingSeries>(`/api/partners/${enc(partnerId)}/meeting-series`, body),
    onSuccess: (s) => invalidate({ type: 'meeting_series', id: s.id }),
  });
}

export function useUpdateSeries() {
  const invalidate = useInvalidateMeetings();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateSeriesBody & { id: string }) => api.patch<MeetingSeries>(`/api/meeting-series/${enc(id)}`, body),
    onSuccess: (s) => invalidate({ type: 'meeting_series', id: s.id }),
    onError: () => invalidate(),
  });
}

export function useArchiveSeries() {
  const invalidate = useInvalidateMeetings();
  return useMutation({
    mutationFn: (s: MeetingSeries) => api.post<MeetingSeries>(`/api/meeting-series/${enc(s.id)}/archive`, { version: s.version }),
    onSuccess: (s) => invalidate({ type: 'meeting_series', id: s.id }),
    onError: () => invalidate(),
  });
}

export function useCreateMeeting(partnerId: string) {
  const invalidate = useInvalidateMeetings();
  return useMutation({
    mutationFn: (body: CreateMeetingBody) => api.post<MeetingDetail>(`/api/partners/${enc(partnerId)}/meetings`, body),
    onSuccess: (m) => invalidate({ type: 'meeting', id: m.id }),
  });
}

/** Opens, moves, skips or restores one occurrence of a series; the answer is the stored meeting. */
export function useOccurrenceAction() {
  const invalidate = useInvalidateMeetings();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ seriesId, ...body }: OccurrenceActionBody & { seriesId: string }) => api.post<MeetingDetail>(`/api/meeting-series/${enc(seriesId)}/occurrences`, body),
    onSuccess: (m) => {
      qc.setQueryData(meetingKeys.detail(m.id), m);
      invalidate({ type: 'meeting', id: m.id });
    },
  });
}

export function useUpdateMeeting() {
  const invalidate = useInvalidateMeetings();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateMeetingBody & { id: string }) => api.patch<MeetingDetail>(`/api/meetings/${enc(id)}`, body),
    onSuccess: (m) => {
      qc.setQueryData(meetingKeys.detail(m.id), m);
      invalidate({ type: 'meeting', id: m.id });
      // Minutes write a timeline entry (last contact) and action items become tasks.
      void qc.invalidateQueries({ queryKey: ['activities'] });
      void qc.invalidateQueries({ queryKey: ['tasks'] });
      void qc.invalidateQueries({ queryKey: ['partners'] });
      void qc.invalidateQueries({ queryKey: ['contacts'] });
    },
    onError: () => invalidate(),
  });
}
