import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/list.js';
import type { CreateTaskBody, MyWorkResponse, TaskComment, TaskDetailItem, TaskItem, UpdateTaskBody } from '../../../shared/schemas/task.js';
import { api, withQuery } from '../../api.js';
import { auditKeys } from '../audit/queries.js';

export interface TaskListParams {
  page: number;
  pageSize: number;
  sort: string;
  partnerId?: string;
  assigneeId?: string;
  status?: string;
  overdue?: 'true' | 'false';
}

export const taskKeys = {
  all: ['tasks'] as const,
  lists: () => [...taskKeys.all, 'list'] as const,
  list: (p: TaskListParams) => [...taskKeys.lists(), p] as const,
  detail: (id: string) => [...taskKeys.all, 'detail', id] as const,
  myWork: () => [...taskKeys.all, 'my-work'] as const,
};

const path = (id: string, rest = '') => `/api/tasks/${encodeURIComponent(id)}${rest}`;

export const tasksListQuery = (p: TaskListParams) =>
  queryOptions({
    queryKey: taskKeys.list(p),
    queryFn: ({ signal }) => api.get<Page<TaskItem>>(withQuery('/api/tasks', { ...p }), signal),
    placeholderData: keepPreviousData,
  });

export const taskQuery = (id: string) =>
  queryOptions({
    queryKey: taskKeys.detail(id),
    queryFn: ({ signal }) => api.get<TaskDetailItem>(path(id), signal),
  });

export const myWorkQuery = () =>
  queryOptions({
    queryKey: taskKeys.myWork(),
    queryFn: ({ signal }) => api.get<MyWorkResponse>('/api/my-work', signal),
  });

function useInvalidateTasks() {
  const qc = useQueryClient();
  return (ids: string[]) => {
    void qc.invalidateQueries({ queryKey: taskKeys.all });
    for (const id of ids) void qc.invalidateQueries({ queryKey: auditKeys.entity('task', id) });
    // Onboarding steps are tasks: an onboarding's progress (and its partner's status) follows them.
    void qc.invalidateQueries({ queryKey: ['onboardings'] });
    void qc.invalidateQueries({ queryKey: ['partners'] });
  };
}

export function useCreateTask() {
  const invalidate = useInvalidateTasks();
  return useMutation({
    mutationFn: (body: CreateTaskBody) => api.post<TaskDetailItem>('/api/tasks', body),
    onSuccess: (t) => invalidate([t.id]),
  });
}

export function useUpdateTask() {
  const invalidate = useInvalidateTasks();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateTaskBody & { id: string }) => api.patch<TaskDetailItem>(path(id), body),
    onSuccess: (t) => invalidate([t.id]),
    // A 409 means someone else changed it: show their version.
    onError: () => void qc.invalidateQueries({ queryKey: taskKeys.all }),
  });
}

export function useCompleteTasks() {
  const invalidate = useInvalidateTasks();
  return useMutation({
    mutationFn: (ids: string[]) => api.post<{ items: TaskItem[] }>('/api/tasks/complete', { ids }),
    onSuccess: (_r, ids) => invalidate(ids),
  });
}

export function useAddComment(taskId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => api.post<TaskComment>(path(taskId, '/comments'), { body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: taskKeys.all });
      void qc.invalidateQueries({ queryKey: auditKeys.entity('task', taskId) });
    },
  });
}
