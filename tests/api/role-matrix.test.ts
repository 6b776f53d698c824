import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { tempDir } from '../../src/server/features/documents/documents.fixtures.js';
import { signedIn } from '../../src/server/lib/policy.js';
import { resolveAuthSecret } from '../../src/server/lib/secret.js';
import { ROLES, type Role } from '../../src/shared/roles.js';
import type { User } from '../../src/shared/schemas/user.js';
import { cookieHeaders, createTestApp, makeUser, sessionFor, testConfig, tokenFor, type Session, type TestApp } from '../support/app.js';
import { createSnapshotter } from '../support/snapshot.js';
import { matrixChecks, WRITES, type Call, type Who } from './role-matrix/checks.js';
import { actorOf, VALID_REQUESTS, type BuildContext } from './role-matrix/index.js';

/**
 * Who may call each /api route. Every route the app registers must be listed here, so a route
 * added without deciding who may call it fails this test; an entry without a route fails too.
 * `public` means no sign-in at all. Each entry also needs a valid request in
 * tests/api/role-matrix/*.ts: every allowed role must succeed with it (a write changes the
 * database and is audited), every other caller is refused and changes nothing.
 */
const PUBLIC = 'public';
const ALL = ROLES;
const WRITERS: readonly Role[] = ['admin', 'manager', 'member'];
const MANAGERS: readonly Role[] = ['admin', 'manager'];
const EXPECTED: Record<string, typeof PUBLIC | readonly Role[]> = {
  // better-auth's own endpoints (sign-in, sign-out, SSO): public by nature, they check sessions themselves.
  'GET /api/auth/*': PUBLIC,
  'POST /api/auth/*': PUBLIC,
  // API documentation.
  'GET /api/openapi.json': PUBLIC,
  'GET /api/docs': PUBLIC,
  'GET /api/docs/static/index.html': PUBLIC,
  'GET /api/docs/static/swagger-initializer.js': PUBLIC,
  'GET /api/docs/json': PUBLIC,
  'GET /api/docs/yaml': PUBLIC,
  'GET /api/docs/static/*': PUBLIC,
  // Load balancers and the first-run page.
  'GET /api/health': PUBLIC,
  'GET /api/setup': PUBLIC,
  'POST /api/setup': PUBLIC,
  'POST /api/setup/demo-data': ['admin'],

  'GET /api/me': ALL,
  'PATCH /api/me': ALL,
  // One's own browser sessions: everyone sees and ends their own.
  'GET /api/me/sessions': ALL,
  'DELETE /api/me/sessions/:id': ALL,
  // Personal API tokens: everyone manages their own.
  'GET /api/tokens': ALL,
  'POST /api/tokens': ALL,
  'DELETE /api/tokens/:id': ALL,
  'GET /api/audit': ALL,

  'GET /api/users': ['admin'],
  'GET /api/users/export': ['admin'],
  'GET /api/users/:id': ['admin'],
  'POST /api/users': ['admin'],
  'PATCH /api/users/:id': ['admin'],
  'PUT /api/users/:id/password': ['admin'],
  'POST /api/users/:id/deactivate': ['admin'],
  'POST /api/users/:id/reactivate': ['admin'],
  // A directory of colleagues for pickers and mentions, search and personal saved views: everyone.
  'GET /api/colleagues': ALL,
  'GET /api/colleagues/export': ALL,
  'GET /api/colleagues/:id': ALL,
  'GET /api/search': ALL,
  'GET /api/saved-views': ALL,
  'POST /api/saved-views': ALL,
  'DELETE /api/saved-views/:id': ALL,

  // Partners: everyone reads; writers write (members only partners they own or are on the team of,
  // checked in the service); archive, restore, merge and the product catalogue are the Partner Manager's.
  'GET /api/partners': ALL,
  'GET /api/partners/export': ALL,
  'GET /api/partners/:id': ALL,
  'GET /api/partners/:id/status-history': ALL,
  'GET /api/partners/:id/team': ALL,
  'POST /api/partners': WRITERS,
  'PATCH /api/partners/:id': WRITERS,
  'POST /api/partners/:id/links': WRITERS,
  'DELETE /api/partners/:id/links/:linkId': WRITERS,
  'POST /api/partners/:id/team': WRITERS,
  'DELETE /api/partners/:id/team/:assignmentId': WRITERS,
  'POST /api/partners/:id/archive': MANAGERS,
  'POST /api/partners/:id/restore': MANAGERS,
  'POST /api/partners/:id/merge': MANAGERS,
  'GET /api/products': ALL,
  'GET /api/products/export': ALL,
  'POST /api/products': MANAGERS,
  'PATCH /api/products/:id': MANAGERS,

  // The timeline: everyone reads; writers write (members on their partners, checked in the service).
  'GET /api/activities': ALL,
  'GET /api/activities/:id': ALL,
  'POST /api/activities': WRITERS,
  'PATCH /api/activities/:id': WRITERS,
  'POST /api/activities/:id/archive': WRITERS,
  'POST /api/activities/:id/restore': WRITERS,

  // Contacts: everyone reads; writers write (members only for partners they own or are on the team of,
  // checked in the service); merging is the Partner Manager's.
  'GET /api/contacts': ALL,
  'GET /api/contacts/export': ALL,
  'GET /api/contacts/export.vcf': ALL,
  'GET /api/contacts/:id': ALL,
  'POST /api/contacts': ['admin', 'manager', 'member'],
  'PATCH /api/contacts/:id': ['admin', 'manager', 'member'],
  'POST /api/contacts/:id/archive': ['admin', 'manager', 'member'],
  'POST /api/contacts/:id/restore': ['admin', 'manager', 'member'],
  'POST /api/contacts/:id/merge': ['admin', 'manager'],
  'GET /api/partners/:id/stakeholders': ALL,

  // Tasks: everyone reads; writers write (members only tasks assigned to or created by them, or on
  // partners they may edit, checked in the service). "My work" is everyone's own.
  'GET /api/tasks': ALL,
  'GET /api/tasks/export': ALL,
  'POST /api/tasks': WRITERS,
  'POST /api/tasks/complete': WRITERS,
  'GET /api/tasks/:id': ALL,
  'PATCH /api/tasks/:id': WRITERS,
  'GET /api/tasks/:id/comments': ALL,
  'POST /api/tasks/:id/comments': WRITERS,
  'GET /api/my-work': ALL,
  'GET /api/my-work/export': ALL,

  // Onboarding playbooks: everyone reads; administrators edit them (the issue: "editable by an admin").
  'GET /api/playbooks': ALL,
  'GET /api/playbooks/:id': ALL,
  'POST /api/playbooks': ['admin'],
  'PATCH /api/playbooks/:id': ['admin'],
  'POST /api/playbooks/:id/archive': ['admin'],
  'POST /api/playbooks/:id/restore': ['admin'],
  'POST /api/playbooks/starter': ['admin'],
  // Onboardings: writers start and cancel them (members on their partners, checked in the service);
  // completing one before every step is done is the Partner Manager's.
  'GET /api/partners/:id/onboarding': ALL,
  'POST /api/partners/:id/onboarding': WRITERS,
  'GET /api/onboardings': ALL,
  'GET /api/onboardings/export': ALL,
  'GET /api/onboardings/:id': ALL,
  'POST /api/onboardings/:id/complete': MANAGERS,
  'POST /api/onboardings/:id/cancel': WRITERS,

  // Inbox and notification preferences: everyone their own. Unsubscribe links in mail carry a signed token.
  'GET /api/notifications': ALL,
  'GET /api/notifications/export': ALL,
  'GET /api/notifications/unread-count': ALL,
  'POST /api/notifications/:id/read': ALL,
  'POST /api/notifications/read-all': ALL,
  'GET /api/me/notification-preferences': ALL,
  'PUT /api/me/notification-preferences': ALL,
  'GET /api/unsubscribe': PUBLIC,
  'POST /api/unsubscribe': PUBLIC,
  // The outbox holds everyone's mail: administrators only.
  'GET /api/mail': ['admin'],
  'GET /api/mail/export': ['admin'],
  'GET /api/mail/:id': ['admin'],

  // Meetings: everyone reads; writers write (members only for partners they own or are on the team of,
  // checked in the service).
  'GET /api/partners/:id/meeting-series': ALL,
  'POST /api/partners/:id/meeting-series': WRITERS,
  'GET /api/meeting-series/:id': ALL,
  'PATCH /api/meeting-series/:id': WRITERS,
  'POST /api/meeting-series/:id/archive': WRITERS,
  'POST /api/meeting-series/:id/occurrences': WRITERS,
  'GET /api/partners/:id/meetings': ALL,
  'POST /api/partners/:id/meetings': WRITERS,
  'GET /api/meetings': ALL,
  'GET /api/meetings/export': ALL,
  'GET /api/meetings/quarterly': ALL,
  'GET /api/meetings/:id': ALL,
  'PATCH /api/meetings/:id': WRITERS,
  'GET /api/meetings/:id/ics': ALL,
  // Calendar feeds: everyone manages their own; the feed URL itself is public, its secret is the credential.
  'GET /api/calendar-feeds': ALL,
  'POST /api/calendar-feeds': ALL,
  'DELETE /api/calendar-feeds/:id': ALL,
  'GET /api/calendar/:file': PUBLIC,
  // -- certifications --
  // The catalogue is admin-editable; everyone reads it, the matrix and who holds what; writers record
  // certifications (members only their own, checked in the service).
  'GET /api/certifications': ALL,
  'GET /api/certifications/export': ALL,
  'POST /api/certifications': ['admin'],
  'POST /api/certifications/starter': ['admin'],
  'GET /api/certifications/matrix': ALL,
  'GET /api/certifications/matrix.csv': ALL,
  'GET /api/certifications/:id': ALL,
  'PATCH /api/certifications/:id': ['admin'],
  'POST /api/certifications/:id/archive': ['admin'],
  'POST /api/certifications/:id/restore': ['admin'],
  'GET /api/user-certifications': ALL,
  'GET /api/user-certifications/export': ALL,
  'POST /api/user-certifications': WRITERS,
  'GET /api/user-certifications/:id': ALL,
  'PATCH /api/user-certifications/:id': WRITERS,
  'POST /api/user-certifications/:id/archive': WRITERS,
  // -- programs --
  // Programmes and levels: everyone reads where we stand; the Partner Manager and admins define ladders and tick checklists.
  'GET /api/programs': ALL,
  'GET /api/programs/export': ALL,
  'GET /api/programs/:id': ALL,
  'GET /api/partners/:id/programs': ALL,
  'POST /api/programs': MANAGERS,
  'PATCH /api/programs/:id': MANAGERS,
  'POST /api/programs/:id/archive': MANAGERS,
  'POST /api/programs/:id/restore': MANAGERS,
  'PUT /api/programs/:id/levels': MANAGERS,
  'POST /api/checklist-items/:id/done': MANAGERS,
  'POST /api/checklist-items/:id/undone': MANAGERS,
  // -- risk --
  // Supplier risk: everyone reads ratings; writers edit drafts and findings (members only their partners'),
  // approval is the Partner Manager's, the criteria catalogue and policy the administrator's.
  'GET /api/risk/policy': ALL,
  'PUT /api/risk/policy': ['admin'],
  'GET /api/risk/criteria': ALL,
  'POST /api/risk/criteria': ['admin'],
  'POST /api/risk/criteria/starter': ['admin'],
  'PATCH /api/risk/criteria/:id': ['admin'],
  'POST /api/risk/criteria/:id/archive': ['admin'],
  'POST /api/risk/criteria/:id/restore': ['admin'],
  'GET /api/risk/overview': ALL,
  'GET /api/risk/overview/export': ALL,
  'GET /api/partners/:id/risk': ALL,
  'POST /api/partners/:id/risk/service-change': WRITERS,
  'POST /api/partners/:id/risk-assessments': WRITERS,
  'GET /api/risk-assessments/:id': ALL,
  'PATCH /api/risk-assessments/:id': WRITERS,
  'DELETE /api/risk-assessments/:id': WRITERS,
  'POST /api/risk-assessments/:id/findings': WRITERS,
  'DELETE /api/risk-assessments/:id/findings/:findingId': WRITERS,
  'POST /api/risk-assessments/:id/approve': MANAGERS,
  // -- contracts --
  // Contracts: everyone reads (values included); writers write, members only on partners they own or are on the team of.
  'GET /api/contracts': ALL,
  'GET /api/contracts/export': ALL,
  'GET /api/contracts/:id': ALL,
  'POST /api/contracts': WRITERS,
  'PATCH /api/contracts/:id': WRITERS,
  'POST /api/contracts/:id/archive': WRITERS,
  'POST /api/contracts/:id/restore': WRITERS,
  // -- customers and opportunities --
  // Deals: everyone reads; writers write (members only deals they own or whose partner they are on the team of,
  // checked in the service); stages and rates are the administrator's, rates read by managers and finance too.
  'GET /api/customers': ALL,
  'POST /api/customers': WRITERS,
  'GET /api/customers/:id': ALL,
  'PATCH /api/customers/:id': WRITERS,
  'GET /api/opportunities': ALL,
  'GET /api/opportunities/export': ALL,
  'GET /api/opportunities/board': ALL,
  'GET /api/opportunities/pipeline': ALL,
  'GET /api/opportunities/:id': ALL,
  'POST /api/opportunities': WRITERS,
  'PATCH /api/opportunities/:id': WRITERS,
  'POST /api/opportunities/:id/stage': WRITERS,
  'POST /api/opportunities/:id/archive': WRITERS,
  'POST /api/opportunities/:id/restore': WRITERS,
  'POST /api/opportunities/:id/partners': WRITERS,
  'PATCH /api/opportunities/:id/partners/:partnerId': WRITERS,
  'DELETE /api/opportunities/:id/partners/:partnerId': WRITERS,
  'GET /api/deal-stages': ALL,
  'POST /api/deal-stages': ['admin'],
  'PATCH /api/deal-stages/:key': ['admin'],
  'POST /api/deal-stages/:key/archive': ['admin'],
  'POST /api/deal-stages/:key/restore': ['admin'],
  'GET /api/fx-rates': ['admin', 'manager', 'finance'],
  'PUT /api/fx-rates/:month/:currency': ['admin'],
  'DELETE /api/fx-rates/:month/:currency': ['admin'],
  // -- kickbacks --
  // Money owed to partners: everyone reads; the Partner Manager runs agreements and draws statements up; finance approves and pays.
  'GET /api/kickback-agreements': ALL,
  'GET /api/kickback-agreements/:id': ALL,
  'POST /api/kickback-agreements': MANAGERS,
  'PATCH /api/kickback-agreements/:id': MANAGERS,
  'POST /api/kickback-agreements/:id/archive': MANAGERS,
  'POST /api/kickback-agreements/:id/restore': MANAGERS,
  'POST /api/kickback-agreements/:id/recompute': MANAGERS,
  'GET /api/commission-statements': ALL,
  'GET /api/commission-statements/export': ALL,
  'GET /api/commission-statements/unpaid': ALL,
  'GET /api/commission-statements/:id': ALL,
  'GET /api/commission-statements/:id/pdf': ALL,
  'GET /api/commission-statements/:id/csv': ALL,
  'POST /api/commission-statements': MANAGERS,
  'POST /api/commission-statements/:id/approve': ['admin', 'finance'],
  'POST /api/commission-statements/:id/pay': ['admin', 'finance'],
  // -- deal registrations --
  // Everyone reads; writers record and change them (members on partners they own or are on the team of); inbound approve/reject are the Partner Manager's.
  'GET /api/deal-registrations': ALL,
  'GET /api/deal-registrations/export': ALL,
  'GET /api/deal-registrations/:id': ALL,
  'GET /api/deal-registrations/:id/conflicts': ALL,
  'POST /api/deal-registrations': WRITERS,
  'PATCH /api/deal-registrations/:id': WRITERS,
  'POST /api/deal-registrations/:id/archive': WRITERS,
  'POST /api/deal-registrations/:id/status': WRITERS,
  'POST /api/deal-registrations/:id/extend': WRITERS,
  'POST /api/deal-registrations/:id/approve': MANAGERS,
  'POST /api/deal-registrations/:id/reject': MANAGERS,
  // -- documents --
  // Documents: everyone may ask; the service answers per record (contracts' and assessments' files: not viewers,
  // members only for their partners; certification evidence: its holder and managers). Writers upload and archive.
  'GET /api/documents': ALL,
  'GET /api/documents/:id': ALL,
  'GET /api/documents/:id/download': ALL,
  'POST /api/documents': WRITERS,
  'POST /api/documents/:id/versions': WRITERS,
  'POST /api/documents/:id/archive': WRITERS,
  'POST /api/documents/:id/restore': WRITERS,
  // -- alerts --
  // Due deadline alerts: everyone lists the ones addressed to them; Partner Managers and admins see all (in the service).
  'GET /api/alerts': ALL,
  // -- backup --
  // A backup holds everything, password hashes and the signing secret included: administrators only.
  'GET /api/admin/backup': ['admin'],
  // -- imports --
  // Bulk creation and change of partners and contacts, for every partner alike: the Partner Manager's, as merging is.
  'GET /api/imports': MANAGERS,
  'POST /api/imports': MANAGERS,
  'GET /api/imports/:id': MANAGERS,
  'GET /api/imports/:id/rows': MANAGERS,
  'PUT /api/imports/:id/mapping': MANAGERS,
  'PATCH /api/imports/:id/rows': MANAGERS,
  'POST /api/imports/:id/commit': MANAGERS,
  'POST /api/imports/:id/undo': MANAGERS,
};

/** Concrete URLs for wildcard routes. */
const WILDCARD_SAMPLES: Record<string, string> = {
  'GET /api/auth/*': '/api/auth/error',
  'POST /api/auth/*': '/api/auth/sign-out',
  'GET /api/docs/static/*': '/api/docs/static/swagger-ui.css',
};

const WHO: Who[] = [...ROLES, 'anonymous'];
const GARBAGE = { version: 'x', name: 42, email: [], role: 'emperor', unexpected: true };
/** Loading the demo portfolio makes every later snapshot bigger, so that route goes last. */
const LAST = new Set(['POST /api/setup/demo-data']);
const ROUTES = Object.entries(EXPECTED).sort(([a], [b]) => Number(LAST.has(a)) - Number(LAST.has(b)));

let t: TestApp;
let filesDir: string;
let secret: string;
let check: ReturnType<typeof matrixChecks>;
const users = {} as Record<Role, User>;
const tokens = {} as Record<Role, string>;
const sessions = {} as Record<Role, Session>;

beforeAll(async () => {
  filesDir = tempDir('role-matrix');
  t = await createTestApp({ FILES_DIR: filesDir });
  for (const role of ROLES) {
    users[role] = await makeUser(t, role);
    tokens[role] = await tokenFor(t, users[role]);
    // Callers act through a signed-in session, as the web app does: a request with an API token
    // also counts against the token's rate limit, a write to the database on every request.
    sessions[role] = await sessionFor(t, users[role]);
  }
  secret = await resolveAuthSecret(t.database.db, t.config.authSecret);
  check = matrixChecks({
    t,
    snapshots: createSnapshotter(t.database),
    headers: (who) => (who === 'anonymous' ? {} : cookieHeaders(sessions[who])),
    userId: (role) => users[role].id,
  });
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(filesDir, { recursive: true, force: true });
});

const context = (as: User): BuildContext => ({ t, as, actor: actorOf(as), users, tokens, secret });

function sampleUrl(key: string, url: string, params: 'plausible' | 'garbage'): string {
  if (url.includes('*')) {
    const sample = WILDCARD_SAMPLES[key];
    if (!sample) throw new Error(`Give ${key} a concrete URL in WILDCARD_SAMPLES`);
    return sample;
  }
  return url.replace(/:[A-Za-z]+/g, () => (params === 'plausible' ? crypto.randomUUID() : 'not%20a%20valid%20id'));
}

describe('role matrix', () => {
  it('lists every registered /api route, and nothing else', () => {
    const registered = new Set(t.app.apiRoutes.map((r) => `${r.method} ${r.url}`));
    const unlisted = [...registered].filter((k) => !(k in EXPECTED));
    const stale = Object.keys(EXPECTED).filter((k) => !registered.has(k));
    expect(unlisted, 'routes without an entry in EXPECTED: decide who may call them').toEqual([]);
    expect(stale, 'entries in EXPECTED without a route').toEqual([]);
  });

  it('has a valid request for every route (tests/api/role-matrix/*.ts), and none for a route not listed', () => {
    const missing = Object.keys(EXPECTED).filter((k) => !(k in VALID_REQUESTS));
    const stale = Object.keys(VALID_REQUESTS).filter((k) => !(k in EXPECTED));
    expect(missing, 'routes without a valid-request builder: add one, so the matrix proves that allowed callers succeed').toEqual([]);
    expect(stale, 'valid-request builders without an entry in EXPECTED').toEqual([]);
  });

  it('agrees with the declared policies on which routes are public', () => {
    for (const r of t.app.apiRoutes) {
      const expected = EXPECTED[`${r.method} ${r.url}`];
      if (expected === undefined) continue;
      expect(r.policy === 'public', `${r.method} ${r.url} has policy ${r.policy}`).toBe(expected === PUBLIC);
    }
  });

  // Loading the demo portfolio, with database snapshots around each caller, took 62 s on a loaded CI machine.
  it.each(ROUTES)('%s', { timeout: 180_000 }, async (key, allowed) => {
    const [method, url] = key.split(' ') as [string, string];
    const build = VALID_REQUESTS[key];
    if (!build) throw new Error(`${key} has no valid-request builder`);
    const callers: Who[] = allowed === PUBLIC ? ['anonymous'] : WHO;
    const may = (who: Who) => allowed === PUBLIC || (who !== 'anonymous' && allowed.includes(who));

    // A valid request first (for a route without input an empty one is valid too): refused callers
    // send one made for the administrator (they change nothing, so it stays valid), then the
    // administrator sends it, then every other allowed role one of its own.
    const { status, auditedAs, ...forAdmin } = await build(context(users.admin));
    for (const who of callers.filter((w) => !may(w))) await check.refused({ method, who, ...forAdmin });
    for (const who of callers.filter(may)) {
      if (who === 'admin' || who === 'anonymous') {
        await check.succeeds({ method, who, ...forAdmin }, { status, auditedAs });
      } else {
        const { status: documented, auditedAs: actor, ...own } = await build(context(users[who]));
        await check.succeeds({ method, who, ...own }, { status: documented, auditedAs: actor });
      }
    }

    // Made-up ids with an empty body, and garbage: whether the input is plausible or garbage must not
    // change the answer to a caller who may not call. (A read without ids has one such call.)
    const inputs = new Map<string, Omit<Call, 'who'>>();
    for (const [params, body] of [
      ['plausible', {}],
      ['garbage', GARBAGE],
    ] as const) {
      const call = { method, url: sampleUrl(key, url, params), body: WRITES.has(method) ? body : undefined };
      inputs.set(JSON.stringify(call), call);
    }
    for (const who of callers) {
      for (const input of inputs.values()) await (may(who) ? check.handled({ ...input, who }) : check.refused({ ...input, who }));
    }
  });
});

describe('route registration', () => {
  it('refuses an /api route that declares no policy', async () => {
    // A second app on the matrix's database: building one changes nothing there.
    const app = await buildApp({ config: testConfig({ FILES_DIR: filesDir }), database: t.database, web: false, logger: false });
    try {
      expect(() => app.get('/api/forgotten', async () => ({ oops: true }))).toThrow(/no policy/);
      expect(() => app.get('/api/remembered', { config: { policy: signedIn } }, async () => ({ ok: true }))).not.toThrow();
    } finally {
      await app.close();
    }
  });
});
