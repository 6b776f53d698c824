import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { meSchema, setupStatus, User } from '../../shared/schemas/user.js';
import { api, ApiError, setCsrfToken } from '../api.js';
import { i18n, switchLocale } from '../i18n.js';

export type Me = z.infer<typeof meSchema>;
export type SetupStatus = z.infer<typeof setupStatus>;

export const sessionKeys = {
  all: ['session'] as const,
  me: () => [...sessionKeys.all, 'me'] as const,
  setup: () => [...sessionKeys.all, 'setup'] as const,
};

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/api/me');
    setCsrfToken(me.csrfToken);
    // The user's own choice wins over the browser's, on every device they sign in on.
    if (me.locale) await switchLocale(me.locale);
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

/** The signed-in user, or null when signed out. */
export const meQuery = () =>
  queryOptions({
    queryKey: sessionKeys.me(),
    queryFn: fetchMe,
    staleTime: 5 * 60_000,
  });

export const setupQuery = () =>
  queryOptions({
    queryKey: sessionKeys.setup(),
    queryFn: () => api.get<SetupStatus>('/api/setup'),
    staleTime: 60_000,
  });

export interface Credentials {
  email: string;
  password: string;
}

export function useSignIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (c: Credentials) => {
      await api.post('/api/auth/sign-in/email', { email: c.email, password: c.password, rememberMe: true });
      // Load the user before navigating, so guarded pages see the session at once.
      return qc.fetchQuery({ ...meQuery(), staleTime: 0 });
    },
  });
}

export function useSingleSignOn() {
  return useMutation({
    mutationFn: async (next: string) => {
      let res: { url?: string; redirect?: boolean };
      try {
        res = await api.post('/api/auth/sign-in/social', { provider: 'oidc', callbackURL: next, errorCallbackURL: '/sign-in' });
      } catch (e) {
        // 404: the provider was skipped (its discovery failed); 5xx: it failed now.
        if (e instanceof ApiError && (e.status === 404 || e.status >= 500)) {
          throw new Error(i18n.t('common:sso.unavailable'), { cause: e });
        }
        throw e;
      }
      if (!res.url) throw new Error(i18n.t('common:sso.noAddress'));
      window.location.href = res.url;
    },
  });
}

export function useSignOut() {
  return useMutation({
    mutationFn: async () => {
      await api.post('/api/auth/sign-out', {});
      setCsrfToken(null);
      // A full load drops every cached record of the previous user.
      window.location.assign('/sign-in?signedOut=1');
    },
  });
}

export function useCreateFirstAdmin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; email: string; password: string }) => api.post<User>('/api/setup', body),
    onSuccess: () => qc.setQueryData(sessionKeys.setup(), (s: SetupStatus | undefined) => (s ? { ...s, needsSetup: false } : s)),
  });
}

/** Keeps a `next` parameter to paths inside this app. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/sign-in') || next.startsWith('/setup')) return '/';
  return next;
}
