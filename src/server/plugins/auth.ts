import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { AUTH_BASE_PATH, CLIENT_IP_HEADER, servedAuthEndpoints, type Auth } from '../auth/better-auth.js';
import { SIGN_IN_LIMITED } from '../auth/sign-in-limit.js';
import { requestLocale } from '../i18n.js';
import { recordOwnPasswordChange } from '../features/users/users.service.js';
import type { Db } from '../db/client.js';
import { apiToken, user } from '../db/schema/index.js';
import { AppError, msg, type Text } from '../lib/errors.js';
import { enforce } from '../lib/rate-limit.js';
import { publicAccess, type Actor } from '../lib/policy.js';
import { csrfTokenFor, hashToken, safeEqual, TOKEN_PREFIX } from '../lib/tokens.js';
import { ROLES, type Role } from '../../shared/roles.js';
import { isLocale, type Locale } from '../../shared/i18n/locales.js';
import enErrors from '../../shared/i18n/en/errors/index.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    auth: Auth;
    /** Every /api route with its policy, for the role-matrix test and the docs. */
    apiRoutes: ApiRoute[];
  }
}

export interface ApiRoute {
  method: string;
  url: string;
  /** The policy's name (`public`, `roles:admin,manager`…). */
  policy: string;
  public: boolean;
  /** Whether the policy lets a signed-in user of this role call the route. */
  allows(role: Role): boolean;
}

export const CSRF_HEADER = 'x-csrf-token';
/** better-auth's own endpoints: public, they check sessions, origins and rate limits themselves. */
const AUTH_ROUTE = '/api/auth/*';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Writing last-use on every call would turn each read into a write; a minute is precise enough.
const LAST_USED_PRECISION_MS = 60_000;

function toRole(value: unknown): Role {
  return ROLES.includes(value as Role) ? (value as Role) : 'viewer';
}

const toLocale = (value: unknown): Locale | null => (isLocale(value) ? value : null);

// better-auth's answers we word ourselves, by its error code; any other keeps better-auth's English.
const BETTER_AUTH_CODES = new Set(Object.keys(enErrors.auth.betterAuth));

/** better-auth's refusal as a catalogue message, when it is one we word. */
function betterAuthText(response: Response, said: { code?: string; message?: string }): Text | undefined {
  if (said.code === SIGN_IN_LIMITED) return msg('auth.signInLimited', { count: Math.ceil(Number(response.headers.get('retry-after') ?? 60) / 60) });
  if (said.code === 'account_deactivated') return msg('auth.deactivated');
  if (said.code && BETTER_AUTH_CODES.has(said.code)) return msg(`auth.betterAuth.${said.code as keyof typeof enErrors.auth.betterAuth}`);
  // better-auth's own per-address limiter answers without a code.
  if (response.status === 429 && !said.code) return msg('auth.betterAuth.tooManyRequests');
  return undefined;
}

function toHeaders(request: FastifyRequest): Headers {
  const headers = new Headers();
  for (const [k, v] of Object.entries(request.headers)) {
    if (v === undefined || k === CLIENT_IP_HEADER) continue;
    headers.set(k, Array.isArray(v) ? v.join(', ') : v);
  }
  headers.set(CLIENT_IP_HEADER, request.ip);
  return headers;
}

/**
 * The token lookup runs on every API call made with a token: prepared once (parsed and planned
 * once per connection), it costs the database and drizzle's query builder less per request.
 */
function prepareTokenLookup(db: Db) {
  return db
    .select({ tokenId: apiToken.id, lastUsedAt: apiToken.lastUsedAt, id: user.id, name: user.name, email: user.email, role: user.role, locale: user.locale })
    .from(apiToken)
    .innerJoin(user, eq(user.id, apiToken.userId))
    .where(
      and(
        eq(apiToken.tokenHash, sql.placeholder('hash')),
        isNull(apiToken.revokedAt),
        isNull(user.deactivatedAt),
        or(isNull(apiToken.expiresAt), gt(apiToken.expiresAt, sql`now()`)),
      ),
    )
    .prepare('partnerhub_api_token_lookup');
}

async function actorFromToken(db: Db, lookup: ReturnType<typeof prepareTokenLookup>, token: string, perMinute: number): Promise<Actor | null> {
  const [row] = await lookup.execute({ hash: hashToken(token) });
  if (!row) return null;
  await limitTokenRequests(db, row.tokenId, perMinute);
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    await db
      .update(apiToken)
      .set({ lastUsedAt: sql`now()` })
      .where(eq(apiToken.id, row.tokenId));
  }
  return { id: row.id, name: row.name, email: row.email, role: toRole(row.role), via: 'token', tokenId: row.tokenId, locale: toLocale(row.locale) };
}

/**
 * Requests per minute per API token, counted in the database (one prepared upsert) so the limit holds
 * across instances. Only a valid token is counted: a made-up one leaves no row behind.
 */
async function limitTokenRequests(db: Db, tokenId: string, perMinute: number) {
  await enforce(db, `token:${tokenId}`, { max: perMinute, windowMs: 60_000 }, (seconds) => msg('auth.tokenRate', { max: perMinute, seconds }));
}

export default fp(
  async function authPlugin(app: FastifyInstance, opts: { auth: Auth; db: Db; secret: string; tokenRateLimit: number }) {
    const { auth, db, secret } = opts;
    app.decorate('auth', auth);
    app.decorate('apiRoutes', []);
    app.decorateRequest('actor', null);
    const tokenLookup = prepareTokenLookup(db);

    app.addHook('onRoute', (route) => {
      if (!route.url.startsWith('/api')) return;
      route.config ??= {};
      const config = route.config as { policy?: typeof publicAccess };
      // Swagger UI's own asset routes are public documentation.
      if (!config.policy && route.url.startsWith('/api/docs')) config.policy = publicAccess;
      if (!config.policy) throw new Error(`Route ${String(route.method)} ${route.url} has no policy (config.policy)`);
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD') {
          const policy = config.policy;
          app.apiRoutes.push({
            method,
            url: route.url,
            policy: policy.name,
            public: Boolean(policy.public),
            allows: (role) => policy.allow({ id: '', name: '', email: '', role, via: 'token' }),
          });
        }
      }
    });

    async function resolveActor(request: FastifyRequest): Promise<Actor | null> {
      const authorization = request.headers.authorization;
      if (authorization) {
        const match = /^Bearer\s+(\S+)$/i.exec(authorization);
        if (!match || !match[1]!.startsWith(TOKEN_PREFIX)) throw new AppError('unauthenticated', msg('auth.bearerFormat'));
        const actor = await actorFromToken(db, tokenLookup, match[1]!, opts.tokenRateLimit);
        if (!actor) throw new AppError('unauthenticated', msg('auth.tokenInvalid'));
        return actor;
      }
      if (!request.headers.cookie?.includes('session_token')) return null;
      const result = await auth.api.getSession({ headers: toHeaders(request) });
      if (!result) return null;
      const u = result.user as typeof result.user & { role?: string; deactivatedAt?: Date | null; locale?: string | null };
      if (u.deactivatedAt) return null;
      return { id: u.id, name: u.name, email: u.email, role: toRole(u.role), via: 'session', sessionId: result.session.id, locale: toLocale(u.locale) };
    }

    // preValidation, not preHandler: who may call a route must not depend on whether the input is
    // valid, and a caller who may not call it must not learn what valid input looks like.
    // What a request needs is decided by the route that matched (its declared policy), never by how
    // the client spelled the URL: an absolute-form target (`GET http://x/api/users`), dot segments
    // or odd encodings reach the same route and so the same check.
    app.addHook('preValidation', async (request: FastifyRequest) => {
      const policy = request.routeOptions.config?.policy;
      if (!policy) {
        // Only the web app's own routes (static files, the page fallback) declare no policy; an /api
        // route without one cannot be registered (onRoute above).
        if (request.routeOptions.url?.startsWith('/api')) throw new AppError('forbidden', msg('auth.noPolicy'));
        return;
      }
      if (request.routeOptions.url === AUTH_ROUTE) return;
      request.actor = await resolveActor(request);
      if (policy.public) return;
      if (!request.actor) throw new AppError('unauthenticated', msg('auth.signIn'));
      if (request.actor.via === 'session' && !SAFE_METHODS.has(request.method)) {
        const sent = request.headers[CSRF_HEADER];
        if (typeof sent !== 'string' || !safeEqual(sent, csrfTokenFor(secret, request.actor.sessionId!))) {
          throw new AppError('csrf_failed', msg('auth.csrf', { method: request.method, header: CSRF_HEADER }));
        }
      }
      if (!policy.allow(request.actor)) throw new AppError('forbidden', msg('auth.roleMayNot', { role: msg(`auth.role.${request.actor.role}`) }));
    });

    // better-auth owns /api/auth/*: sign-in, sign-out, password change, SSO. It checks the
    // Origin of cookie-carrying writes itself and rate-limits sign-in in the database.
    app.route({
      method: ['GET', 'POST'],
      url: AUTH_ROUTE,
      config: { policy: publicAccess },
      schema: { hide: true },
      async handler(request: FastifyRequest, reply: FastifyReply) {
        // Only the path and query of the target: an absolute-form target must not choose the origin.
        // The path is decided after URL parsing has resolved dot segments and backslashes, and must
        // equal an allowed endpoint exactly, so no spelling of it reaches an endpoint outside the list.
        const target = new URL(request.url, auth.options.baseURL as string);
        if (!servedAuthEndpoints(auth).has(`${request.method} ${target.pathname}`)) {
          throw new AppError('not_found', msg('auth.notEndpoint', { method: request.method, path: target.pathname }));
        }
        const url = new URL(target.pathname + target.search, auth.options.baseURL as string);
        // A password change is audited on the user (who, before the endpoint rotates the session).
        const changingPassword = request.method === 'POST' && target.pathname === `${AUTH_BASE_PATH}/change-password`;
        const changer = changingPassword ? await resolveActor(request).catch(() => null) : null;
        const hasBody = request.method !== 'GET' && request.body !== undefined;
        const response = await auth.handler(
          new Request(url, {
            method: request.method,
            headers: toHeaders(request),
            body: hasBody ? (typeof request.body === 'string' ? request.body : JSON.stringify(request.body)) : undefined,
          }),
        );
        if (changer && response.status === 200) await recordOwnPasswordChange(db, changer);
        reply.status(response.status);
        response.headers.forEach((value, key) => {
          if (key !== 'set-cookie') reply.header(key, value);
        });
        const cookies = response.headers.getSetCookie();
        if (cookies.length) reply.header('set-cookie', cookies);
        const text = await response.text();
        if (response.status >= 400) {
          // Keep one error shape across the API.
          let said: { code?: string; message?: string } = {};
          try {
            said = JSON.parse(text) as typeof said;
          } catch {
            /* not JSON */
          }
          const message = betterAuthText(response, said) ?? said.message ?? text;
          const code =
            response.status === 401
              ? 'unauthenticated'
              : response.status === 403
                ? 'forbidden'
                : response.status === 429
                  ? 'rate_limited'
                  : response.status === 404
                    ? 'not_found'
                    : 'bad_request';
          const problem = new AppError(code, message || undefined).toProblem(request.url.split('?')[0], requestLocale(request));
          return reply
            .status(response.status)
            .type('application/problem+json')
            .send({ ...problem, status: response.status });
        }
        // The session token lives in an HttpOnly cookie; never hand it to page scripts as well.
        // (sign-in, password change and get-session all put it in their JSON otherwise).
        if (response.headers.get('content-type')?.includes('json') && text) {
          const body = JSON.parse(text) as unknown;
          if (body && typeof body === 'object') {
            delete (body as Record<string, unknown>).token;
            const session = (body as { session?: Record<string, unknown> }).session;
            if (session && typeof session === 'object') delete session.token;
          }
          return reply.send(body);
        }
        return reply.send(text || undefined);
      },
    });
  },
  { name: 'auth' },
);

export { csrfTokenFor };
