import type { Problem } from '../shared/errors.js';
import { i18n } from './i18n.js';

/** An API answer that is not 2xx, or no answer at all (status 0, code `network`). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.problem = problem;
  }

  /** Field messages keyed by the field's name (`body.email` → `email`). */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) {
      const field = e.path.replace(/^(body|query|querystring|params)\.?/, '').split('.')[0];
      if (field && !(field in out)) out[field] = e.message;
    }
    return out;
  }
}

export const isApiError = (e: unknown, status?: number): e is ApiError => e instanceof ApiError && (status === undefined || e.status === status);

/** A sentence for the user, whatever was thrown. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return e.message;
  return i18n.t('common:api.somethingWrong');
}

// The session's CSRF token from GET /api/me; cookie-authenticated writes must echo it.
let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const needsCsrf = (method: string, path: string) => WRITE_METHODS.has(method) && path.startsWith('/api/') && !path.startsWith('/api/auth/');

async function toProblem(res: Response): Promise<Problem> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await res.json()) as Partial<Problem> & { message?: string };
      return {
        type: body.type ?? 'about:blank',
        title: body.title ?? res.statusText,
        status: body.status ?? res.status,
        detail: body.detail ?? body.message,
        code: body.code ?? (res.status >= 500 ? 'internal' : 'bad_request'),
        errors: body.errors,
      };
    } catch {
      /* fall through */
    }
  }
  return {
    type: 'about:blank',
    title: res.statusText || i18n.t('common:api.error'),
    status: res.status,
    detail: res.status >= 500 ? i18n.t('common:api.serverDown', { status: res.status }) : i18n.t('common:api.requestFailed', { status: res.status }),
    code: res.status >= 500 ? 'internal' : 'bad_request',
  };
}

async function send(method: string, path: string, body: unknown, signal?: AbortSignal): Promise<Response> {
  // The server words its errors in the language the user reads the app in.
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': i18n.language };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (needsCsrf(method, path) && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError({
      type: 'about:blank',
      title: i18n.t('common:api.noConnection'),
      status: 0,
      code: 'network',
      detail: i18n.t('common:api.unreachable'),
    });
  }
}

async function refreshCsrfToken(): Promise<void> {
  const res = await send('GET', '/api/me', undefined);
  csrfToken = res.ok ? ((await res.json()) as { csrfToken: string | null }).csrfToken : null;
}

export async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  let res = await send(method, path, body, signal);
  if (res.status === 403 && needsCsrf(method, path)) {
    // The session may have changed under us (password change, another tab signed in again):
    // fetch the current token once and retry.
    const problem = await toProblem(res.clone());
    if (problem.code === 'csrf_failed') {
      await refreshCsrfToken();
      res = await send(method, path, body, signal);
    }
  }
  if (!res.ok) throw new ApiError(await toProblem(res));
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** `/api/users` + `{ page: 2, q: '' }` → `/api/users?page=2` (empty values are left out). */
export function withQuery(path: string, params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, undefined, signal),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/**
 * A multipart upload (FormData; the browser sets the boundary), with the CSRF header and the same
 * retry-once-on-a-stale-token and problem+json errors as `request`.
 */
export async function postForm<T>(path: string, form: FormData): Promise<T> {
  const post = () => {
    const headers: Record<string, string> = { accept: 'application/json', 'accept-language': i18n.language };
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
    return fetch(path, { method: 'POST', headers, credentials: 'same-origin', body: form }).catch(() => {
      throw new ApiError({
        type: 'about:blank',
        title: i18n.t('common:api.noConnection'),
        status: 0,
        code: 'network',
        detail: i18n.t('common:api.unreachable'),
      });
    });
  };
  let res = await post();
  if (res.status === 403 && (await toProblem(res.clone())).code === 'csrf_failed') {
    await refreshCsrfToken();
    res = await post();
  }
  if (!res.ok) throw new ApiError(await toProblem(res));
  return (await res.json()) as T;
}
