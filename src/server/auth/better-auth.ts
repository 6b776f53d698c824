import { betterAuth, APIError } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { genericOAuth } from 'better-auth/plugins/generic-oauth';
import { eq } from 'drizzle-orm';
import { isHttps, type Config } from '../config.js';
import type { Db } from '../db/client.js';
import * as schema from '../db/schema/index.js';
import { signInAccountLimit } from './sign-in-limit.js';
import { translate } from '../i18n.js';

export const OIDC_PROVIDER_ID = 'oidc';
/** Request header carrying the client address that Fastify determined; any client-sent value is replaced. */
export const CLIENT_IP_HEADER = 'x-partnerhub-client-ip';
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export const AUTH_BASE_PATH = '/api/auth';

/**
 * The better-auth endpoints Partnerhub serves over HTTP, as `METHOD /api/auth/…`: those the web app
 * and single sign-on use, nothing else. The rest of better-auth's endpoints would change users past
 * the users service (update-user: no audit record, no version), hand page scripts other sessions'
 * tokens (list-sessions) or offer flows Partnerhub does not have (sign-up, e-mail change, reset by
 * mail). Server code still calls `auth.api.*` directly; this list is only about the public route.
 */
export function servedAuthEndpoints(auth: Auth): ReadonlySet<string> {
  const served = ['POST /sign-in/email', 'POST /sign-out', 'POST /change-password', 'GET /error'];
  // The provider's callback comes back as a GET redirect (response_mode=query).
  if (auth.options.plugins?.some((p) => p.id === 'generic-oauth')) served.push('POST /sign-in/social', `GET /callback/${OIDC_PROVIDER_ID}`);
  return new Set(served.map((e) => e.replace(' ', ` ${AUTH_BASE_PATH}`)));
}

/** The session cookie's name: better-auth prefixes `__Secure-` when cookies are secure (https BASE_URL). */
export const sessionCookieName = (config: Config) => `${isHttps(config.baseUrl) ? '__Secure-' : ''}better-auth.session_token`;

export function createAuth(opts: { db: Db; config: Config; secret: string }) {
  const { db, config, secret } = opts;
  const secureCookies = isHttps(config.baseUrl);
  return betterAuth({
    appName: 'Partnerhub',
    baseURL: config.baseUrl,
    basePath: AUTH_BASE_PATH,
    secret,
    trustedOrigins: [config.baseUrl],
    telemetry: { enabled: false },
    logger: { disabled: config.logLevel === 'silent' },
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: {
        user: schema.user,
        session: schema.session,
        account: schema.account,
        verification: schema.verification,
        rateLimit: schema.rateLimit,
      },
    }),
    emailAndPassword: {
      enabled: true,
      // Accounts are made by an administrator, the first-run page or the CLI, never by self sign-up.
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: PASSWORD_MAX,
      revokeSessionsOnPasswordReset: true,
    },
    user: {
      additionalFields: {
        role: { type: 'string', required: false, defaultValue: 'member', input: false },
        deactivatedAt: { type: 'date', required: false, input: false },
        version: { type: 'number', required: false, defaultValue: 1, input: false },
        locale: { type: 'string', required: false, input: false },
      },
    },
    account: {
      accountLinking: {
        // An SSO identity joins an existing user with the same e-mail only when the provider asserts
        // email_verified (and the local address is verified, which administrators' accounts are).
        // The provider is not "trusted" to skip that claim: docs/decisions/0005-single-sign-on.md.
        enabled: true,
        trustedProviders: [],
        allowDifferentEmails: false,
      },
      // The provider's access and refresh tokens are never used by Partnerhub; keep them unreadable at rest.
      encryptOAuthTokens: true,
    },
    session: {
      expiresIn: 60 * 60 * 24 * 7,
      updateAge: 60 * 60 * 24,
    },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 300,
      customRules: {
        '/sign-in/email': { window: 60, max: config.signInRateLimit },
        '/sign-in/social': { window: 60, max: config.signInRateLimit * 3 },
        '/change-password': { window: 60, max: config.signInRateLimit },
      },
    },
    // The limit above is per client address; this one is per account, across all addresses.
    hooks: signInAccountLimit(db, config.signInAccountRateLimit),
    advanced: {
      // better-auth turns its Origin check off when NODE_ENV=test; keep it on so tests see what production does.
      disableOriginCheck: false,
      // A browser drops a Secure (or __Secure-) cookie set over plain http, so sign-in on an http
      // BASE_URL (a LAN host) would fail silently; main.ts warns about such a BASE_URL instead.
      useSecureCookies: secureCookies,
      defaultCookieAttributes: { httpOnly: true, secure: secureCookies, sameSite: 'lax' },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      database: { generateId: () => crypto.randomUUID() },
    },
    databaseHooks: {
      session: {
        create: {
          // A deactivated account may not start a new session, whichever way it signs in.
          before: async (session) => {
            const [u] = await db.select({ deactivatedAt: schema.user.deactivatedAt }).from(schema.user).where(eq(schema.user.id, session.userId));
            if (!u || u.deactivatedAt) {
              // The code lets an SSO callback redirect to the error page instead of answering JSON.
              throw new APIError('FORBIDDEN', { code: 'account_deactivated', message: translate('en', 'errors:auth.deactivated') });
            }
          },
        },
      },
    },
    plugins: config.oidc
      ? [
          genericOAuth({
            config: [
              {
                providerId: OIDC_PROVIDER_ID,
                name: config.oidc.name,
                discoveryUrl: `${config.oidc.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
                clientId: config.oidc.clientId,
                clientSecret: config.oidc.clientSecret,
                scopes: ['openid', 'email', 'profile'],
                pkce: true,
                requireIdTokenVerification: true,
                // Not disableImplicitSignUp: a client could lift that with `requestSignUp: true`.
                disableSignUp: !config.oidc.autoCreateUsers,
                // Providers omit `name` when the directory has none; a user needs one to be shown.
                mapProfileToUser: (profile) => (profile.name ? {} : { name: String(profile.preferred_username ?? profile.email ?? '') }),
              },
            ],
          }),
        ]
      : [],
  });
}

export type Auth = ReturnType<typeof createAuth>;
