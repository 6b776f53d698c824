import fs from 'node:fs';
import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';

// What every browser spec needs: a context that records CSP violations and page errors, screenshots
// kept as artifacts, axe-core, Mantine pickers, API calls with the CSRF header, and an administrator.

export const SHOTS = 'test-results/screenshots';
/** A suffix unique to this run: the specs share one server and database. */
export const runId = () => Date.now().toString(36).slice(-4);

export interface Admin {
  name: string;
  email: string;
  password: string;
}

/**
 * Every administrator a spec may find: whichever spec runs first creates its own through the
 * first-run API, and app.spec changes its password along the way.
 */
export const KNOWN_ADMINS: Pick<Admin, 'email' | 'password'>[] = [
  { email: 'paula.partners@example.com', password: 'partners spec admin passphrase' },
  { email: 'pia.people@example.com', password: 'people spec admin passphrase' },
  { email: 'rita.rhythm@example.com', password: 'rhythm spec admin passphrase' },
  { email: 'olga.onboarding@example.com', password: 'onboarding spec admin passphrase' },
  { email: 'cora.certs@example.com', password: 'certifications spec admin passphrase' },
  { email: 'cora.contracts@example.com', password: 'contracts spec admin passphrase' },
  { email: 'dora.documents@example.com', password: 'documents spec admin passphrase' },
  { email: 'lea.levels@example.com', password: 'levels spec admin passphrase' },
  { email: 'gina.german@example.com', password: 'german spec admin passphrase' },
  { email: 'dana.deals@example.com', password: 'deals spec admin passphrase' },
  { email: 'ada@example.com', password: 'a brand new admin passphrase' },
  { email: 'ada@example.com', password: 'correct horse battery staple' },
];

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class Browsing {
  context!: BrowserContext;
  page!: Page;
  /** The signed-in session's CSRF token (sent as x-csrf-token on API writes). */
  csrf = '';
  /** Who is signed in: the spec's own administrator only when its spec ran first on this installation. */
  me = { id: '', name: '', email: '' };
  readonly cspViolations: string[] = [];
  readonly pageErrors: string[] = [];

  /** Opens a browser context that records CSP violations and uncaught page errors. */
  async init(browser: Browser, opts: { acceptDownloads?: boolean } = {}): Promise<this> {
    // AxeBuilder needs a context made with browser.newContext().
    this.context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: opts.acceptDownloads ?? false });
    // Runs before any page script (and outside the page's CSP): records every violation event.
    await this.context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        // axe-core compiles its message templates with `new Function`: the test tool, not the app.
        if ((window as unknown as { __axeRunning?: boolean }).__axeRunning) return;
        console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} in ${e.sourceFile || '?'}:${e.lineNumber}`);
      });
    });
    this.page = await this.context.newPage();
    this.page.on('console', (msg) => {
      const text = msg.text();
      if (/Content Security Policy|CSP violation|Refused to (load|execute|apply|evaluate|connect|frame|create)/i.test(text)) this.cspViolations.push(text);
    });
    this.page.on('pageerror', (error) => this.pageErrors.push(error.message));
    return this;
  }

  /**
   * Hooks for a serial spec: open the browser (and sign in as an administrator) before all, close
   * after all, and after each test insist on a clean console.
   */
  static forSpec(opts: { admin?: Admin; acceptDownloads?: boolean } = {}): Browsing {
    const b = new Browsing();
    test.beforeAll(async ({ browser }) => {
      await b.init(browser, opts);
      if (opts.admin) await b.signInAsKnownAdmin(opts.admin);
    });
    test.afterAll(async () => b.context?.close());
    test.afterEach(() => b.expectCleanConsole());
    return b;
  }

  expectCleanConsole() {
    expect(this.cspViolations, 'Content-Security-Policy violations in the console').toEqual([]);
    expect(this.pageErrors, 'uncaught errors in the page').toEqual([]);
  }

  async screenshot(name: string, opts: { phone?: boolean } = {}) {
    fs.mkdirSync(SHOTS, { recursive: true });
    if (opts.phone) await this.page.setViewportSize({ width: 375, height: 812 });
    await this.page.waitForTimeout(400);
    await this.page.screenshot({ path: `${SHOTS}/${name}${opts.phone ? '-phone' : ''}.png`, fullPage: true });
    if (opts.phone) await this.page.setViewportSize({ width: 1280, height: 800 });
  }

  /** axe-core: no serious or critical violation of WCAG 2.1 A/AA. */
  async expectAccessible(what: string) {
    // A notification fading in or out has a contrast of its own: wait until they are gone.
    await expect(this.page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
    await this.page.waitForTimeout(300);
    await this.page.evaluate(() => ((window as unknown as { __axeRunning?: boolean }).__axeRunning = true));
    const results = await new AxeBuilder({ page: this.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    await this.page.evaluate(() => new Promise<void>((resolve) => setTimeout(() => (((window as unknown as { __axeRunning?: boolean }).__axeRunning = false), resolve()), 100)));
    const bad = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 5)
            .join('\n    ')}`,
      );
    expect(bad, `accessibility violations on ${what}`).toEqual([]);
  }

  field(name: string, scope: Page | Locator = this.page) {
    return scope.getByRole('textbox', { name, exact: true });
  }

  /** Picks an option of a Mantine Select or MultiSelect (its name may go on with a description). */
  async choose(input: Locator, option: string) {
    await input.click();
    await this.page
      .getByRole('option', { name: new RegExp(`^${escapeRegExp(option)}`) })
      .first()
      .click();
  }

  /** Calls the API as the signed-in user, as a script would; fails the test on an error status. */
  async api<T>(method: 'get' | 'post' | 'patch' | 'put' | 'delete', path: string, data?: unknown): Promise<T> {
    const res = await this.page.request[method](path, { data, headers: method === 'get' ? {} : { 'x-csrf-token': this.csrf } });
    expect(res.ok(), `${method.toUpperCase()} ${path}: ${res.status()} ${await res.text()}`).toBe(true);
    return (res.status() === 204 ? null : await res.json()) as T;
  }

  /** Signs in as an administrator: the spec's own on an empty installation, else any one known. */
  async signInAsKnownAdmin(own: Admin) {
    const setup = await (await this.page.request.get('/api/setup')).json();
    if (setup.needsSetup) expect((await this.page.request.post('/api/setup', { data: own })).status()).toBe(201);
    for (const who of [own, ...KNOWN_ADMINS.filter((a) => a.email !== own.email)]) {
      const res = await this.page.request.post('/api/auth/sign-in/email', { data: { email: who.email, password: who.password } });
      if (!res.ok()) continue;
      const me = await (await this.page.request.get('/api/me')).json();
      if (me.user.role === 'admin') {
        this.csrf = me.csrfToken;
        this.me = { id: me.user.id, name: me.user.name, email: me.user.email };
        return;
      }
    }
    throw new Error('None of the administrators this spec knows can sign in');
  }
}
