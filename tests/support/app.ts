import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../../src/server/config.js';
import { buildApp } from '../../src/server/app.js';
import type { Database } from '../../src/server/db/client.js';
import { createUser } from '../../src/server/features/users/users.service.js';
import { createToken } from '../../src/server/features/tokens/tokens.service.js';
import type { Role } from '../../src/shared/roles.js';
import type { User } from '../../src/shared/schemas/user.js';
import { createTestDatabase } from './db.js';

export const BASE_URL = 'http://localhost:3000';
export const TEST_PASSWORD = 'correct horse battery staple';

// Limits high enough for the sweeps (thousands of token requests and sign-ins); tests of the limits set their own.
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    BASE_URL: BASE_URL,
    SIGN_IN_RATE_LIMIT: '1000',
    SIGN_IN_ACCOUNT_RATE_LIMIT: '100000',
    API_TOKEN_RATE_LIMIT: '10000000',
    ...env,
  });
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  close(): Promise<void>;
}

/** The real app on a fresh copy of the migrated template database. */
export async function createTestApp(env: Record<string, string> = {}, database?: Database): Promise<TestApp> {
  const config = testConfig(env);
  const db = database ?? (await createTestDatabase({ statementTimeoutMs: config.databaseStatementTimeoutMs }));
  const app = await buildApp({ config, database: db, web: false, logger: false });
  await app.ready();
  return {
    app,
    database: db,
    config,
    close: async () => {
      await app.close();
      if (!database) await db.close();
    },
  };
}

let seq = 0;
// Digits only after the prefix: a test searching people by a few letters never matches a generated address.
export const uniqueEmail = (prefix = 'user') => `${prefix}.${process.pid}.${Date.now()}.${++seq}@example.com`;

/** A user of the given role, created directly through the service. */
export async function makeUser(t: TestApp, role: Role = 'member', overrides: Partial<{ name: string; email: string; password: string }> = {}): Promise<User> {
  return createUser(
    t.database.db,
    t.app.auth,
    { name: overrides.name ?? `Test ${role} ${++seq}`, email: overrides.email ?? uniqueEmail(role), password: overrides.password ?? TEST_PASSWORD, role },
    null,
  );
}

export interface Session {
  user: User;
  cookie: string;
  csrf: string;
}

export async function signIn(t: TestApp, email: string, password = TEST_PASSWORD): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'POST', url: '/api/auth/sign-in/email', headers: { origin: BASE_URL }, payload: { email, password } });
}

/** Signs in through better-auth and fetches the CSRF token, as the web app does. */
export async function sessionFor(t: TestApp, user: User, password = TEST_PASSWORD): Promise<Session> {
  const res = await signIn(t, user.email, password);
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
  return { user, cookie, csrf: me.json().csrfToken };
}

export async function tokenFor(t: TestApp, user: User): Promise<string> {
  return (await createToken(t.database.db, user.id, { name: 'test', expiresInDays: null }, null)).token;
}

/** Users per role with their tokens or sessions and request helpers: see actors.ts. */

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
export const cookieHeaders = (s: Session, withCsrf = true) => ({ cookie: s.cookie, origin: BASE_URL, ...(withCsrf ? { 'x-csrf-token': s.csrf } : {}) });
