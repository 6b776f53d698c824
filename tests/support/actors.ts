import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Role } from '../../src/shared/roles.js';
import type { User } from '../../src/shared/schemas/user.js';
import { bearer, cookieHeaders, makeUser, sessionFor, tokenFor, type Session, type TestApp } from './app.js';

/**
 * Users who act on the API in tests: one per role, each with its credentials and request helpers,
 * so a test file starts with
 *
 *   let t: TestApp;
 *   let as: Actors;
 *   beforeAll(async () => { t = await createTestApp(); as = await actorsFor(t); });
 *   const { get, post, patch } = requestsAs(() => as.manager);   // the file's default caller
 *
 * and then calls `post(url, body)`, `get(url, as.viewer)` or `as.member.patch(url, body)`; each
 * returns the inject response. An actor is also the user it acts as (`as.member.id`).
 */
export type Via = 'token' | 'session';

export interface Actor extends User {
  /** The app it acts on. */
  app: TestApp['app'];
  /** Its personal API token (also minted for session actors, for the odd bearer request). */
  token: string;
  /** The browser session (cookie and CSRF token) when the actor acts through one. */
  session: Session | null;
  /** The headers its requests carry: a bearer token, or the session cookie, Origin and CSRF token. */
  headers: Record<string, string>;
  inject(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
}

const ALL_ROLES = ['admin', 'manager', 'member', 'viewer'] as const satisfies readonly Role[];
type MainRole = (typeof ALL_ROLES)[number];

/** The actors of a file: by default an admin, a manager, a member and a viewer. */
export type Actors<R extends Role = MainRole> = Record<R, Actor>;

function request(t: TestApp, headers: Record<string, string>, method: InjectOptions['method'], url: string, payload?: unknown) {
  return t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
}

/** An actor for an existing user: the user itself plus its credentials and request helpers. */
export async function actorFor(t: TestApp, user: User, via: Via = 'token'): Promise<Actor> {
  const token = await tokenFor(t, user);
  const session = via === 'session' ? await sessionFor(t, user) : null;
  const headers: Record<string, string> = session ? cookieHeaders(session) : bearer(token);
  return {
    ...user,
    app: t.app,
    token,
    session,
    headers,
    inject: (opts) => t.app.inject({ ...opts, headers: { ...headers, ...(opts.headers as Record<string, string> | undefined) } }),
    get: (url) => request(t, headers, 'GET', url),
    post: (url, payload) => request(t, headers, 'POST', url, payload),
    put: (url, payload) => request(t, headers, 'PUT', url, payload),
    patch: (url, payload) => request(t, headers, 'PATCH', url, payload),
    delete: (url, payload) => request(t, headers, 'DELETE', url, payload),
  };
}

/** A new user of the given role, ready to act (name, email and password as makeUser takes them). */
export async function actor(t: TestApp, role: Role = 'member', opts: Parameters<typeof makeUser>[2] & { via?: Via } = {}): Promise<Actor> {
  const { via, ...overrides } = opts;
  return actorFor(t, await makeUser(t, role, overrides), via);
}

/** A new user of each role (all four unless `roles` says which), acting by API token unless `via: 'session'`. */
export async function actorsFor<R extends Role = MainRole>(t: TestApp, opts: { roles?: readonly R[]; via?: Via } = {}): Promise<Actors<R>> {
  const actors = {} as Actors<R>;
  for (const role of opts.roles ?? (ALL_ROLES as readonly Role[] as readonly R[])) actors[role] = await actor(t, role, { via: opts.via });
  return actors;
}

/** Who makes a request: an actor, or a bare API token. */
export type Caller = Actor | string;

/**
 * Request helpers with a default caller, for files that mostly act as one role:
 * `get(url, who?)`, `post(url, payload?, who?)`, `put`, `patch`, `del(url, who?)`.
 */
export function requestsAs(defaultCaller: () => Actor) {
  const send = (method: InjectOptions['method'], url: string, payload: unknown, who: Caller | undefined) => {
    const caller = who ?? defaultCaller();
    if (typeof caller !== 'string') return caller.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as object }) });
    return defaultCaller().app.inject({ method, url, headers: bearer(caller), ...(payload === undefined ? {} : { payload: payload as object }) });
  };
  return {
    get: (url: string, who?: Caller) => send('GET', url, undefined, who),
    post: (url: string, payload?: unknown, who?: Caller) => send('POST', url, payload, who),
    put: (url: string, payload?: unknown, who?: Caller) => send('PUT', url, payload, who),
    patch: (url: string, payload?: unknown, who?: Caller) => send('PATCH', url, payload, who),
    del: (url: string, who?: Caller) => send('DELETE', url, undefined, who),
  };
}
