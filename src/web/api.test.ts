import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { api, ApiError, setCsrfToken, withQuery } from './api.js';
import { initI18n } from './i18n.js';

// The client's own messages (no connection, a gateway's HTML error page) come from the catalogue.
beforeAll(async () => {
  await initI18n();
});

const json = (status: number, body: unknown, type = 'application/json') => new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('ApiError', () => {
  it('maps problem paths onto form field names', () => {
    const e = new ApiError({
      type: 'x',
      title: 'The request is not valid',
      status: 400,
      code: 'validation_failed',
      detail: 'body.email: is invalid',
      errors: [
        { path: 'body.email', message: 'is invalid' },
        { path: 'body.address.city', message: 'is required' },
        { path: 'body.email', message: 'second' },
      ],
    });
    expect(e.fieldErrors).toEqual({ email: 'is invalid', address: 'is required' });
    expect(e.message).toBe('body.email: is invalid');
  });
});

describe('withQuery', () => {
  it('leaves out empty values', () => {
    expect(withQuery('/api/users', { page: 2, q: '', role: undefined, status: 'all', x: null })).toBe('/api/users?page=2&status=all');
    expect(withQuery('/api/users', {})).toBe('/api/users');
  });
});

describe('request', () => {
  it('sends the CSRF token on API writes only, never to better-auth', async () => {
    const fetch = vi.fn(async () => json(200, { ok: true }));
    vi.stubGlobal('fetch', fetch);
    setCsrfToken('t0k');
    await api.get('/api/users');
    await api.post('/api/tokens', { name: 'x' });
    await api.post('/api/auth/sign-out');
    const headers = fetch.mock.calls.map((c) => (c as unknown as [string, RequestInit])[1].headers as Record<string, string>);
    expect(headers[0]!['x-csrf-token']).toBeUndefined();
    expect(headers[1]!['x-csrf-token']).toBe('t0k');
    expect(headers[2]!['x-csrf-token']).toBeUndefined();
  });

  it('fetches a fresh CSRF token once when the session changed, then retries', async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(json(403, { title: 'Missing or invalid CSRF token', status: 403, code: 'csrf_failed' }, 'application/problem+json'))
      .mockResolvedValueOnce(json(200, { user: {}, via: 'session', csrfToken: 'new' }))
      .mockResolvedValueOnce(json(200, { id: '1' }));
    vi.stubGlobal('fetch', fetch);
    setCsrfToken('old');
    await expect(api.patch('/api/me', { name: 'A' })).resolves.toEqual({ id: '1' });
    expect((fetch.mock.calls[2]![1] as RequestInit).headers).toMatchObject({ 'x-csrf-token': 'new' });
  });

  it('turns problem+json into an ApiError and a lost connection into status 0', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(409, { title: 'Conflict', status: 409, code: 'version_conflict', detail: 'Reload' }, 'application/problem+json')),
    );
    await expect(api.post('/api/users/1/deactivate', { version: 1 })).rejects.toMatchObject({ status: 409, code: 'version_conflict', message: 'Reload' });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    await expect(api.get('/api/me')).rejects.toMatchObject({ status: 0, code: 'network' });
  });

  it('explains a non-JSON gateway error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } })),
    );
    await expect(api.get('/api/me')).rejects.toMatchObject({ status: 502, code: 'internal', message: expect.stringContaining('HTTP 502') });
  });
});
