// Single sign-on end to end: the app against a real OpenID Connect provider on loopback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { account, session, user } from '../../src/server/db/schema/index.js';
import { setActive } from '../../src/server/features/users/users.service.js';
import { BASE_URL, createTestApp, makeUser, type TestApp } from '../support/app.js';
import { formAction, startOidcProvider, TestBrowser, type BrowserResponse, type IdpUser, type TestIdp } from '../support/oidc-provider.js';

const CALLBACK_PATH = '/api/auth/callback/oidc';
let idp: TestIdp;
let seq = 0;

beforeAll(async () => {
  idp = await startOidcProvider({ redirectUri: `${BASE_URL}${CALLBACK_PATH}` });
});
afterAll(() => idp?.close());

function ssoEnv(autoCreate: boolean): Record<string, string> {
  return {
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: idp.clientId,
    OIDC_CLIENT_SECRET: idp.clientSecret,
    OIDC_NAME: 'Acme SSO',
    OIDC_AUTO_CREATE_USERS: String(autoCreate),
  };
}

function idpUser(overrides: Partial<IdpUser> = {}): IdpUser {
  const n = ++seq;
  return idp.addUser({ sub: `sub-${process.pid}-${n}`, email: `sso.${process.pid}.${n}@acme.example`, password: `pw-${n}-secret`, name: `SSO Person ${n}`, ...overrides });
}

/** What a person does in the browser: click "Sign in with Acme SSO", sign in at the provider, come back. */
async function ssoSignIn(t: TestApp, who: IdpUser, body: Record<string, unknown> = {}, browser = new TestBrowser(t.app, BASE_URL)) {
  const start = await browser.request('/api/auth/sign-in/social', {
    json: { provider: 'oidc', callbackURL: '/', ...body },
    headers: { origin: BASE_URL },
  });
  expect(start.status, start.body).toBe(200);
  const authorizationUrl = new URL((JSON.parse(start.body) as { url: string }).url);
  const loginPage = await browser.follow(authorizationUrl);
  expect(loginPage.status, loginPage.body).toBe(200);
  const end = await browser.follow(formAction(loginPage), { form: { email: who.email, password: who.password } });
  return { browser, authorizationUrl, end };
}

function expectSignedIn(end: BrowserResponse) {
  expect(end.status).toBe(302);
  expect(end.location?.href).toBe(`${BASE_URL}/`);
}

/** A refused sign-in lands on better-auth's error page with a code, and no session cookie. */
function refusal(end: BrowserResponse, browser: TestBrowser): string | null {
  expect(end.url.pathname).toBe('/api/auth/error');
  expect(browser.cookieNames().some((n) => n.includes('session_token'))).toBe(false);
  return end.url.searchParams.get('error');
}

async function me(t: TestApp, browser: TestBrowser) {
  return t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: browser.cookieHeader(`${BASE_URL}/api/me`) } });
}

async function usersWithEmail(t: TestApp, email: string) {
  return t.database.db.select().from(user).where(eq(user.email, email));
}

async function oidcAccounts(t: TestApp, userId: string) {
  return t.database.db
    .select()
    .from(account)
    .where(and(eq(account.userId, userId), eq(account.providerId, 'oidc')));
}

describe('single sign-on with automatic account creation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(ssoEnv(true));
  });
  afterAll(() => t?.close());

  it('tells the sign-in page that SSO is available and under which name', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/setup' });
    expect(res.statusCode).toBe(200);
    expect(res.json().sso).toEqual({ enabled: true, name: 'Acme SSO' });
  });

  it('sends the browser to the provider with PKCE, a nonce and the app callback', async () => {
    const browser = new TestBrowser(t.app, BASE_URL);
    const res = await browser.request('/api/auth/sign-in/social', { json: { provider: 'oidc', callbackURL: '/' }, headers: { origin: BASE_URL } });
    expect(res.status).toBe(200);
    const url = new URL((JSON.parse(res.body) as { url: string }).url);
    expect(url.origin).toBe(idp.issuer);
    expect(url.searchParams.get('client_id')).toBe(idp.clientId);
    expect(url.searchParams.get('redirect_uri')).toBe(`${BASE_URL}${CALLBACK_PATH}`);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('scope')?.split(' ')).toEqual(expect.arrayContaining(['openid', 'email', 'profile']));
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toBeTruthy();
    expect(url.searchParams.get('nonce')).toBeTruthy();
    expect(url.searchParams.get('state')).toBeTruthy();
    // The state is bound to this browser by a signed cookie.
    expect(browser.cookieNames().some((n) => n.endsWith('better-auth.state'))).toBe(true);
  });

  it('creates a member on the first sign-in and ignores a role claim from the provider', async () => {
    const who = idpUser({ extra: { role: 'admin' } });
    const { browser, end } = await ssoSignIn(t, who);
    expectSignedIn(end);

    const res = await me(t, browser);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user).toMatchObject({ email: who.email, name: who.name, role: 'member' });
    expect(res.json().via).toBe('session');

    const [row, ...others] = await usersWithEmail(t, who.email);
    expect(others).toHaveLength(0);
    expect(row).toMatchObject({ role: 'member', emailVerified: true, deactivatedAt: null, name: who.name });
    const accounts = await t.database.db.select().from(account).where(eq(account.userId, row!.id));
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({ providerId: 'oidc', accountId: who.sub, password: null });
    // Tokens from the provider are stored encrypted, never as issued.
    expect(accounts[0]!.accessToken).toBeTruthy();
    expect(idp.issuedAccessTokens.length).toBeGreaterThan(0);
    expect(idp.issuedAccessTokens).not.toContain(accounts[0]!.accessToken);
  });

  it('signs the same person in to the same account the second time', async () => {
    const who = idpUser();
    const first = await ssoSignIn(t, who);
    expectSignedIn(first.end);
    const firstId = (await me(t, first.browser)).json().user.id as string;

    const second = await ssoSignIn(t, who);
    expectSignedIn(second.end);
    const again = await me(t, second.browser);
    expect(again.json().user.id).toBe(firstId);
    expect(await usersWithEmail(t, who.email)).toHaveLength(1);
    expect(await oidcAccounts(t, firstId)).toHaveLength(1);
    const sessions = await t.database.db.select().from(session).where(eq(session.userId, firstId));
    expect(sessions).toHaveLength(2);
  });

  it('names a user from preferred_username when the provider sends no name', async () => {
    const who = idpUser({ name: undefined });
    const { browser, end } = await ssoSignIn(t, who);
    expectSignedIn(end);
    expect((await me(t, browser)).json().user.name).toBe(who.email.split('@')[0]);
  });

  it('refuses a callback replayed in another browser (state bound to the first one)', async () => {
    const who = idpUser();
    const victim = new TestBrowser(t.app, BASE_URL);
    const start = await victim.request('/api/auth/sign-in/social', { json: { provider: 'oidc', callbackURL: '/' }, headers: { origin: BASE_URL } });
    const loginPage = await victim.follow(new URL((JSON.parse(start.body) as { url: string }).url));
    const atCallback = await victim.follow(formAction(loginPage), { form: { email: who.email, password: who.password } }, (next) => next.pathname === CALLBACK_PATH);
    expect(atCallback.location?.pathname).toBe(CALLBACK_PATH);
    expect(atCallback.location?.searchParams.get('code')).toBeTruthy();

    const attacker = new TestBrowser(t.app, BASE_URL);
    const end = await attacker.follow(atCallback.location!);
    expect(refusal(end, attacker)).toBe('state_mismatch');
    expect((await me(t, attacker)).statusCode).toBe(401);
    expect(await usersWithEmail(t, who.email)).toHaveLength(0);
  });

  it('refuses a deactivated user, whose earlier SSO account still exists', async () => {
    const who = idpUser();
    const first = await ssoSignIn(t, who);
    expectSignedIn(first.end);
    const id = (await me(t, first.browser)).json().user.id as string;
    await setActive(t.database.db, id, false, undefined, null);

    const { browser, end } = await ssoSignIn(t, who);
    expect(refusal(end, browser)).toBe('account_deactivated');
    expect((await me(t, browser)).statusCode).toBe(401);
    // Deactivation also ended the session the first sign-in made.
    expect((await me(t, first.browser)).statusCode).toBe(401);
    expect(await oidcAccounts(t, id)).toHaveLength(1);
    expect(await t.database.db.select().from(session).where(eq(session.userId, id))).toHaveLength(0);
  });
});

describe('single sign-on without automatic account creation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(ssoEnv(false));
  });
  afterAll(() => t?.close());

  it('refuses a person who has no account, and creates nothing', async () => {
    const who = idpUser();
    const { browser, end } = await ssoSignIn(t, who);
    expect(refusal(end, browser)).toBe('signup_disabled');
    expect((await me(t, browser)).statusCode).toBe(401);
    expect(await usersWithEmail(t, who.email)).toHaveLength(0);
  });

  it('still refuses when the client asks for a sign-up explicitly', async () => {
    const who = idpUser();
    const { browser, end } = await ssoSignIn(t, who, { requestSignUp: true });
    expect(refusal(end, browser)).toBe('signup_disabled');
    expect(await usersWithEmail(t, who.email)).toHaveLength(0);
  });

  it('links an existing user by the e-mail the provider has verified, keeping their role', async () => {
    const existing = await makeUser(t, 'manager');
    const who = idpUser({ email: existing.email.toUpperCase(), emailVerified: true });
    const { browser, end } = await ssoSignIn(t, who);
    expectSignedIn(end);
    const res = await me(t, browser);
    expect(res.json().user).toMatchObject({ id: existing.id, email: existing.email, role: 'manager' });
    const accounts = await oidcAccounts(t, existing.id);
    expect(accounts).toHaveLength(1);
    expect(accounts[0]!.accountId).toBe(who.sub);
    expect(await usersWithEmail(t, existing.email)).toHaveLength(1);
  });

  it('does not link an existing user when the provider has not verified the e-mail', async () => {
    const existing = await makeUser(t, 'admin');
    const who = idpUser({ email: existing.email, emailVerified: false });
    const { browser, end } = await ssoSignIn(t, who);
    expect(refusal(end, browser)).toBe('account_not_linked');
    expect((await me(t, browser)).statusCode).toBe(401);
    expect(await oidcAccounts(t, existing.id)).toHaveLength(0);
  });

  it('refuses an existing user who is deactivated, even with a verified e-mail', async () => {
    const existing = await makeUser(t, 'member');
    await setActive(t.database.db, existing.id, false, undefined, null);
    const who = idpUser({ email: existing.email, emailVerified: true });
    const { browser, end } = await ssoSignIn(t, who);
    expect(refusal(end, browser)).toBe('account_deactivated');
    expect((await me(t, browser)).statusCode).toBe(401);
    const sessions = await t.database.db.select().from(session).where(eq(session.userId, existing.id));
    expect(sessions).toHaveLength(0);
  });
});
