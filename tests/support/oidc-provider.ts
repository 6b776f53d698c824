// A real OpenID Connect provider (the certified `oidc-provider` package) on loopback, and a tiny
// cookie-carrying "browser" that walks the authorization-code flow between it and the app.
import http from 'node:http';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

export interface IdpUser {
  sub: string;
  email: string;
  password: string;
  name?: string;
  emailVerified?: boolean;
  /** Extra claims released with the profile scope, e.g. a `role` the app must ignore. */
  extra?: Record<string, unknown>;
}

export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Values of every access token the provider issued (opaque tokens: the value is the jti). */
  issuedAccessTokens: string[];
  addUser(user: IdpUser): IdpUser;
  close(): Promise<void>;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid: string, error?: string): string {
  return `<!doctype html><title>Sign in</title>${error ? `<p role="alert">${esc(error)}</p>` : ''}
<form method="post" action="/interaction/${esc(uid)}/login">
<input name="email" type="email" required><input name="password" type="password" required><button>Sign in</button></form>`;
}

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** Starts an OIDC provider on 127.0.0.1 (random port) with one confidential client for `redirectUri`. */
export async function startOidcProvider(opts: { redirectUri: string }): Promise<TestIdp> {
  const users = new Map<string, IdpUser>();
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'partnerhub';
  const clientSecret = randomBytes(24).toString('hex');
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [opts.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: 'test-signing-key', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 3600, IdToken: 600, Interaction: 600, Session: 3600 },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'preferred_username', 'role'] },
    features: { devInteractions: { enabled: false } },
    // Stricter than the default for confidential clients: the app must send a PKCE challenge.
    pkce: { required: () => true },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx: unknown, sub: string) {
      const u = users.get(sub);
      if (!u) return undefined;
      return {
        accountId: sub,
        claims: () => ({
          sub,
          email: u.email,
          email_verified: u.emailVerified ?? true,
          ...(u.name ? { name: u.name } : {}),
          preferred_username: u.email.split('@')[0],
          ...u.extra,
        }),
      };
    },
    // The app is a first-party client: consent is implied (the documented "skip consent" recipe).
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { oidc } = ctx;
      const clientId = oidc.client!.clientId;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session!.grantIdFor(clientId);
      if (grantId) return oidc.provider.Grant.find(grantId);
      const grant = new oidc.provider.Grant({ clientId, accountId: oidc.session!.accountId });
      grant.addOIDCScope(String(oidc.params?.scope ?? 'openid'));
      await grant.save();
      return grant;
    },
  });

  const issuedAccessTokens: string[] = [];
  provider.on('access_token.saved', (token) => issuedAccessTokens.push(token.jti));
  const oidcCallback = provider.callback();

  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(new URL(req.url ?? '/', issuer).pathname);
    if (!match) return oidcCallback(req, res);
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name !== 'login') throw new Error(`unexpected prompt ${details.prompt.name}`);
      res.setHeader('content-type', 'text/html; charset=utf-8');
      if (req.method === 'GET') return res.end(loginPage(details.uid));
      const form = await readForm(req);
      const user = [...users.values()].find((u) => u.email === form.get('email'));
      // Test-only password check; a real provider hashes and compares in constant time.
      if (!user || user.password !== form.get('password')) {
        res.statusCode = 401;
        return res.end(loginPage(details.uid, 'Invalid e-mail or password'));
      }
      await provider.interactionFinished(req, res, { login: { accountId: user.sub } }, { mergeWithLastSubmission: false });
    })().catch((error: unknown) => {
      if (!res.headersSent) res.statusCode = 400;
      res.end(String(error));
    });
  });

  return {
    issuer,
    clientId,
    clientSecret,
    issuedAccessTokens,
    addUser(user) {
      users.set(user.sub, user);
      return user;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

interface StoredCookie {
  value: string;
  path: string;
}

export interface BrowserResponse {
  status: number;
  url: URL;
  location: URL | null;
  body: string;
}

/**
 * Follows redirects like a browser and keeps cookies per origin. Requests to the app's origin go
 * through `app.inject`; any other origin (the provider) over real loopback HTTP.
 */
export class TestBrowser {
  private readonly jar = new Map<string, Map<string, StoredCookie>>();
  private readonly appOrigin: string;

  constructor(
    private readonly app: FastifyInstance,
    appBaseUrl: string,
  ) {
    this.appOrigin = new URL(appBaseUrl).origin;
  }

  /** The Cookie header this browser would send to `url`. */
  cookieHeader(url: string | URL): string {
    const u = new URL(url);
    const cookies = this.jar.get(u.origin) ?? new Map<string, StoredCookie>();
    return [...cookies]
      .filter(([, c]) => u.pathname === c.path || u.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`))
      .map(([name, c]) => `${name}=${c.value}`)
      .join('; ');
  }

  cookieNames(origin = this.appOrigin): string[] {
    return [...(this.jar.get(origin)?.keys() ?? [])];
  }

  private store(url: URL, setCookies: string[]) {
    const cookies = this.jar.get(url.origin) ?? new Map<string, StoredCookie>();
    this.jar.set(url.origin, cookies);
    for (const line of setCookies) {
      const [pair, ...attrs] = line.split(';').map((s) => s.trim());
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      let path = '/';
      let expired = value === '';
      for (const attr of attrs) {
        const [k, v = ''] = attr.split('=');
        const key = k!.toLowerCase();
        if (key === 'path') path = v;
        if (key === 'max-age' && Number(v) <= 0) expired = true;
        if (key === 'expires' && Date.parse(v) < Date.now()) expired = true;
      }
      if (expired) cookies.delete(name);
      else cookies.set(name, { value, path });
    }
  }

  /** One request, no redirect following. */
  async request(
    url: string | URL,
    init: { method?: 'GET' | 'POST'; form?: Record<string, string>; json?: unknown; headers?: Record<string, string> } = {},
  ): Promise<BrowserResponse> {
    const target = new URL(url, this.appOrigin);
    const method = init.method ?? (init.form || init.json !== undefined ? 'POST' : 'GET');
    const headers: Record<string, string> = { ...init.headers };
    const cookie = this.cookieHeader(target);
    if (cookie) headers.cookie = cookie;
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    } else if (init.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.json);
    }
    let status: number;
    let location: string | null;
    let text: string;
    if (target.origin === this.appOrigin) {
      const res = await this.app.inject({ method, url: target.pathname + target.search, headers, payload: body });
      const setCookie = res.headers['set-cookie'];
      this.store(target, setCookie === undefined ? [] : [setCookie].flat());
      status = res.statusCode;
      location = (res.headers.location as string | undefined) ?? null;
      text = res.body;
    } else {
      const res = await fetch(target, { method, headers, body, redirect: 'manual' });
      this.store(target, res.headers.getSetCookie());
      status = res.status;
      location = res.headers.get('location');
      text = await res.text();
    }
    return { status, url: target, location: location ? new URL(location, target) : null, body: text };
  }

  /**
   * Follows redirects from `url` (turning them into GETs) until a page answers, the app redirects
   * to one of its web pages (not served in API tests), or `stopBefore` says so.
   */
  async follow(url: string | URL, init: Parameters<TestBrowser['request']>[1] = {}, stopBefore: (next: URL) => boolean = () => false): Promise<BrowserResponse> {
    let res = await this.request(url, init);
    for (let hops = 0; res.location && res.status >= 300 && res.status < 400; hops++) {
      if (hops > 10) throw new Error(`too many redirects, last to ${res.location.href}`);
      const next = res.location;
      if (stopBefore(next) || (next.origin === this.appOrigin && !next.pathname.startsWith('/api/'))) return res;
      res = await this.request(next);
    }
    return res;
  }
}

/** The action of the first form in an HTML page, resolved against the page's URL. */
export function formAction(page: BrowserResponse): URL {
  const match = /<form[^>]*\saction="([^"]+)"/i.exec(page.body);
  if (!match) throw new Error(`no form on ${page.url.href} (status ${page.status}): ${page.body.slice(0, 200)}`);
  return new URL(
    match[1]!.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))),
    page.url,
  );
}
