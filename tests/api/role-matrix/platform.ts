// Valid requests for sign-in, documentation, setup, the caller's own account, administration of
// users, the directory, search, saved views, the inbox, mail and calendar feeds.
import { mailMessage, savedView, session } from '../../../src/server/db/schema/index.js';
import { createFeed } from '../../../src/server/features/calendar/calendar.service.js';
import { notify, unsubscribeToken } from '../../../src/server/features/notifications/notifications.core.js';
import { createToken } from '../../../src/server/features/tokens/tokens.service.js';
import { setActive } from '../../../src/server/features/users/users.service.js';
import { BASE_URL, makeUser, TEST_PASSWORD, uniqueEmail } from '../../support/app.js';
import { makePartner, unique } from '../../support/factories.js';
import { ownPartner, plain, type BuildContext, type Builders } from './support.js';

const unread = async (c: BuildContext) =>
  (await notify(c.t.database.db, [{ userId: c.as.id, kind: 'task_due', title: unique('Task due'), dedupeKey: unique('matrix') }], new Date()))[0]!;

export const platformRequests: Builders = {
  // better-auth answers its own paths: its error page, and signing in (which writes a session).
  'GET /api/auth/*': plain('/api/auth/error'),
  'POST /api/auth/*': async (c) => {
    const u = await makeUser(c.t, 'viewer');
    return { url: '/api/auth/sign-in/email', headers: { origin: BASE_URL }, body: { email: u.email, password: TEST_PASSWORD } };
  },
  'GET /api/openapi.json': plain('/api/openapi.json'),
  'GET /api/docs': plain('/api/docs'),
  // The UI lives at /api/docs; its old address redirects there.
  'GET /api/docs/static/index.html': async () => ({ url: '/api/docs/static/index.html', status: 302 }),
  'GET /api/docs/static/swagger-initializer.js': plain('/api/docs/static/swagger-initializer.js'),
  'GET /api/docs/json': plain('/api/docs/json'),
  'GET /api/docs/yaml': plain('/api/docs/yaml'),
  'GET /api/docs/static/*': plain('/api/docs/static/swagger-ui.css'),
  'GET /api/health': plain('/api/health'),

  'GET /api/setup': plain('/api/setup'),
  // Setup creates the first administrator only while no user exists; here users exist, so its
  // documented answer is 403 (tests/api/auth.test.ts covers the first run on an empty database).
  'POST /api/setup': async () => ({ url: '/api/setup', body: { name: 'Second Admin', email: uniqueEmail('setup'), password: TEST_PASSWORD }, status: 403 }),
  // Without force, demo data goes only into an empty portfolio; this database has partners. Its
  // records are audited in the name of the demo data, not of the administrator who loaded it.
  'POST /api/setup/demo-data': async () => ({ url: '/api/setup/demo-data', body: { force: true }, auditedAs: 'seed' }),

  'GET /api/me': plain('/api/me'),
  'PATCH /api/me': async () => ({ url: '/api/me', body: { name: unique('Renamed') } }),
  'GET /api/me/sessions': plain('/api/me/sessions'),
  // Another browser session of the caller's, not the one the request is made with.
  'DELETE /api/me/sessions/:id': async (c) => {
    const [s] = await c.t.database.db
      .insert(session)
      .values({ id: crypto.randomUUID(), token: crypto.randomUUID(), userId: c.as.id, expiresAt: new Date(Date.now() + 86_400_000), userAgent: 'Firefox/128.0' })
      .returning({ id: session.id });
    return { url: `/api/me/sessions/${s!.id}` };
  },
  'GET /api/tokens': plain('/api/tokens'),
  'POST /api/tokens': async () => ({ url: '/api/tokens', body: { name: unique('Script'), expiresInDays: 30 } }),
  // Another token of the caller's, not the one the request is made with.
  'DELETE /api/tokens/:id': async (c) => ({ url: `/api/tokens/${(await createToken(c.t.database.db, c.as.id, { name: unique('Old'), expiresInDays: null }, c.actor)).id}` }),
  'GET /api/audit': async (c) => ({ url: `/api/audit?entityType=partner&entityId=${(await ownPartner(c)).id}` }),

  'GET /api/admin/backup': plain('/api/admin/backup'),
  'GET /api/users': plain('/api/users'),
  'GET /api/users/export': plain('/api/users/export?status=active&sort=-createdAt&format=xlsx&columns=name,role'),
  'GET /api/users/:id': async (c) => ({ url: `/api/users/${c.users.viewer.id}` }),
  'POST /api/users': async () => ({ url: '/api/users', body: { name: unique('Colleague'), email: uniqueEmail('new'), role: 'viewer', password: TEST_PASSWORD } }),
  'PATCH /api/users/:id': async (c) => {
    const u = await makeUser(c.t, 'viewer');
    return { url: `/api/users/${u.id}`, body: { version: u.version, role: 'member' } };
  },
  'PUT /api/users/:id/password': async (c) => ({ url: `/api/users/${(await makeUser(c.t, 'viewer')).id}/password`, body: { password: 'another correct horse battery' } }),
  'POST /api/users/:id/deactivate': async (c) => {
    const u = await makeUser(c.t, 'viewer');
    return { url: `/api/users/${u.id}/deactivate`, body: { version: u.version } };
  },
  'POST /api/users/:id/reactivate': async (c) => {
    const u = await setActive(c.t.database.db, (await makeUser(c.t, 'viewer')).id, false, undefined, c.actor);
    return { url: `/api/users/${u.id}/reactivate`, body: { version: u.version } };
  },

  'GET /api/colleagues': plain('/api/colleagues'),
  'GET /api/colleagues/export': plain('/api/colleagues/export?q=test&format=xlsx&columns=name,role'),
  'GET /api/colleagues/:id': async (c) => ({ url: `/api/colleagues/${c.users.member.id}` }),
  'GET /api/search': async (c) => ({ url: `/api/search?q=${encodeURIComponent((await makePartner(c.t)).name)}` }),
  'GET /api/saved-views': plain('/api/saved-views?resource=partners'),
  'POST /api/saved-views': async () => ({ url: '/api/saved-views', body: { resource: 'partners', name: unique('Active'), query: { status: 'active' }, columns: ['name'] } }),
  'DELETE /api/saved-views/:id': async (c) => {
    const [v] = await c.t.database.db
      .insert(savedView)
      .values({ userId: c.as.id, resource: 'contacts', name: unique('View') })
      .returning();
    return { url: `/api/saved-views/${v!.id}` };
  },

  'GET /api/notifications': plain('/api/notifications'),
  'GET /api/notifications/export': async (c) => {
    await unread(c);
    return { url: '/api/notifications/export?unread=true&format=xlsx&columns=kind,title' };
  },
  'GET /api/notifications/unread-count': plain('/api/notifications/unread-count'),
  'POST /api/notifications/:id/read': async (c) => ({ url: `/api/notifications/${(await unread(c)).id}/read` }),
  'POST /api/notifications/read-all': async (c) => {
    await unread(c);
    return { url: '/api/notifications/read-all' };
  },
  'GET /api/me/notification-preferences': plain('/api/me/notification-preferences'),
  // Each caller sends this once; the default is a weekly digest.
  'PUT /api/me/notification-preferences': async () => ({ url: '/api/me/notification-preferences', body: { digest: 'daily', teamDigest: false } }),
  // The links in mail: the token names the user and the list, signed with the app's secret.
  'GET /api/unsubscribe': async (c) => ({ url: `/api/unsubscribe?token=${encodeURIComponent(unsubscribeToken(c.secret, (await makeUser(c.t, 'member')).id, 'digest'))}` }),
  'POST /api/unsubscribe': async (c) => ({
    url: `/api/unsubscribe?token=${encodeURIComponent(unsubscribeToken(c.secret, (await makeUser(c.t, 'member')).id, 'reminders'))}`,
    // RFC 8058: the mail client posts this form.
    payload: 'List-Unsubscribe=One-Click',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  }),
  'GET /api/mail': plain('/api/mail'),
  'GET /api/mail/export': plain('/api/mail/export?status=outbox&format=xlsx&columns=subject,status'),
  'GET /api/mail/:id': async (c) => {
    const [m] = await c.t.database.db
      .insert(mailMessage)
      .values({ toAddress: c.users.member.email, userId: c.users.member.id, subject: unique('Reminder'), text: 'Due today', status: 'outbox' })
      .returning();
    return { url: `/api/mail/${m!.id}` };
  },

  'GET /api/calendar-feeds': plain('/api/calendar-feeds'),
  'POST /api/calendar-feeds': async (c) => ({ url: '/api/calendar-feeds', body: { scope: 'partner', partnerId: (await makePartner(c.t)).id } }),
  'DELETE /api/calendar-feeds/:id': async (c) => ({ url: `/api/calendar-feeds/${(await createFeed(c.t.database.db, { scope: 'user' }, c.actor, BASE_URL)).id}` }),
  // The feed's secret URL is its credential.
  'GET /api/calendar/:file': async (c) => ({ url: new URL((await createFeed(c.t.database.db, { scope: 'user' }, c.actor, BASE_URL)).url).pathname }),
};
