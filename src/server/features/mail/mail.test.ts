import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, makeUser, type TestApp } from '../../../../tests/support/app.js';
import { actorsFor, type Actors } from '../../../../tests/support/actors.js';
import { unique } from '../../../../tests/support/factories.js';
import { startSmtp } from '../../../../tests/support/smtp.js';
import { ConfigError, loadConfig } from '../../config.js';
import { mailMessage, notificationPreference, task } from '../../db/schema/index.js';
import { createMailer, redactUrl } from '../../lib/mailer.js';

const NOW = new Date('2026-11-27T08:30:00Z');
const dueToday = async (t: TestApp, assigneeId: string, title: string) => t.database.db.insert(task).values({ title, assigneeId, dueDate: '2026-11-27' });
const mailOf = async (t: TestApp, userId: string) => t.database.db.select().from(mailMessage).where(eq(mailMessage.userId, userId));

describe('mail over SMTP', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let t: TestApp;
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: 'Partnerhub <partnerhub@example.com>' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('delivers a reminder with the right subject and body, List-Unsubscribe and List-Unsubscribe-Post headers, and a working one-click unsubscribe', async () => {
    const ann = await makeUser(t, 'member', { name: 'Ann Mail' });
    const title = unique('Sign the NDA');
    await dueToday(t, ann.id, title);

    await t.app.jobs.tick(NOW, ['reminders']);
    const msg = smtp.received.find((m) => m.to.includes(ann.email));
    expect(msg, 'the SMTP server received the reminder').toBeDefined();
    expect(msg!.headers.subject).toBe(`Due today: ${title}`);
    expect(msg!.headers.from).toContain('partnerhub@example.com');
    expect(msg!.text).toContain(`Due today: ${title}`);
    expect(msg!.text).toContain('http://localhost:3000/my-work');
    expect(msg!.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    const link = /^<(http:\/\/localhost:3000\/api\/unsubscribe\?token=[^>]+)>$/.exec(msg!.headers['list-unsubscribe']!)?.[1];
    expect(link, msg!.headers['list-unsubscribe']).toBeDefined();
    // The footer carries the same link.
    expect(msg!.text.replace(/\s+/g, '')).toContain(link);
    expect(await mailOf(t, ann.id)).toMatchObject([{ status: 'sent', attempts: 1, subject: `Due today: ${title}` }]);

    // A tampered link changes nothing.
    const path = link!.replace('http://localhost:3000', '');
    expect((await t.app.inject({ method: 'GET', url: `${path.slice(0, -3)}abc` })).statusCode).toBe(400);
    expect(await t.database.db.select().from(notificationPreference).where(eq(notificationPreference.userId, ann.id))).toEqual([]);

    // Following the footer link (as a mail scanner does) only asks; it changes nothing.
    const clicked = await t.app.inject({ method: 'GET', url: path });
    expect(clicked.statusCode, clicked.body).toBe(200);
    expect(clicked.body).toContain('Unsubscribe from reminder e-mails');
    expect(await t.database.db.select().from(notificationPreference).where(eq(notificationPreference.userId, ann.id))).toEqual([]);

    // The mail client's RFC 8058 one-click: the header's body, POSTed to the header's URL.
    const oneClick = await t.app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: msg!.headers['list-unsubscribe-post'],
    });
    expect(oneClick.statusCode, oneClick.body).toBe(200);
    expect(oneClick.json()).toEqual({ list: 'reminders', unsubscribed: true });
    expect((await t.database.db.select().from(notificationPreference).where(eq(notificationPreference.userId, ann.id)))[0]).toMatchObject({ emailReminders: false });

    // The next reminder reaches the inbox only.
    await dueToday(t, ann.id, unique('Another one'));
    const before = smtp.received.length;
    await t.app.jobs.tick(new Date(NOW.getTime() + 3_600_000), ['reminders']);
    expect(smtp.received.length).toBe(before);
    expect(await mailOf(t, ann.id)).toHaveLength(1);
  });

  it('records a failed delivery and lets the mail job send it once the server answers', async () => {
    // A port nobody listens on yet.
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const down = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}` });
    try {
      const bo = await makeUser(down, 'member');
      await dueToday(down, bo.id, 'Call the distributor');
      await down.app.jobs.tick(NOW, ['reminders']);
      const [failed] = await mailOf(down, bo.id);
      expect(failed).toMatchObject({ status: 'failed', attempts: 1, sentAt: null });
      expect(failed!.lastError).toMatch(/ECONNREFUSED|connect/i);

      const server = await startSmtp(port);
      try {
        const outcome = await down.app.jobs.tick(new Date(NOW.getTime() + 3_600_000), ['mail']);
        expect(outcome).toMatchObject([{ job: 'mail', status: 'done' }]);
        expect(await mailOf(down, bo.id)).toMatchObject([{ status: 'sent', attempts: 2, lastError: null }]);
        expect(server.received.map((m) => m.headers.subject)).toEqual(['Due today: Call the distributor']);
      } finally {
        await server.close();
      }
    } finally {
      await down.close();
    }
  });
});

describe('the outbox without SMTP', () => {
  let t: TestApp;
  let as: Actors;
  beforeAll(async () => {
    t = await createTestApp();
    as = await actorsFor(t);
  });
  afterAll(() => t.close());

  it('keeps every mail for administrators to read; others may not', async () => {
    const cy = await makeUser(t, 'member');
    const title = unique('Prepare QBR');
    await dueToday(t, cy.id, title);
    await t.app.jobs.tick(NOW, ['reminders']);
    const [stored] = await mailOf(t, cy.id);
    expect(stored).toMatchObject({ status: 'outbox', attempts: 0, toAddress: cy.email });

    const list = await as.admin.get('/api/mail?status=outbox&pageSize=100');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.find((m: { id: string }) => m.id === stored!.id)).toMatchObject({
      to: cy.email,
      user: { id: cy.id, name: cy.name },
      subject: `Due today: ${title}`,
      status: 'outbox',
    });

    const one = await as.admin.get(`/api/mail/${stored!.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json().text).toContain(title);
    expect(one.json().html).toContain('Unsubscribe from reminder e-mails');
    expect(one.json().headers['List-Unsubscribe']).toMatch(/^<http:\/\/localhost:3000\/api\/unsubscribe\?token=/);

    for (const role of ['member', 'manager', 'viewer'] as const) {
      expect((await as[role].get('/api/mail')).statusCode).toBe(403);
      expect((await as[role].get(`/api/mail/${stored!.id}`)).statusCode).toBe(403);
    }
    expect((await as.admin.get(`/api/mail/${crypto.randomUUID()}`)).statusCode).toBe(404);
  });
});

describe('mail and scheduler configuration', () => {
  it('accepts smtp:// and smtps:// URLs and an https chat webhook; refuses anything else naming the variable', () => {
    const c = loadConfig({ SMTP_URL: 'smtps://alerts%40example.com:s3cret%21@mail.example.com:465', CHAT_WEBHOOK_URL: 'https://chat.example.com/hooks/abc' });
    expect(c).toMatchObject({
      smtpUrl: 'smtps://alerts%40example.com:s3cret%21@mail.example.com:465',
      mailFrom: 'Partnerhub <partnerhub@localhost>',
      chatWebhookUrl: 'https://chat.example.com/hooks/abc',
      jobs: true,
    });
    expect(loadConfig({ NODE_ENV: 'test' }).jobs).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test', JOBS: 'on' }).jobs).toBe(true);
    expect(loadConfig({ JOBS: 'off' }).jobs).toBe(false);
    expect(loadConfig({ CHAT_WEBHOOK_URL: 'http://localhost:8065/hooks/x' }).chatWebhookUrl).toBe('http://localhost:8065/hooks/x');
    for (const [env, name] of [
      [{ SMTP_URL: 'http://mail.example.com' }, 'SMTP_URL'],
      [{ SMTP_URL: 'mail.example.com:25' }, 'SMTP_URL'],
      [{ CHAT_WEBHOOK_URL: 'http://chat.example.com/hooks/x' }, 'CHAT_WEBHOOK_URL'],
      [{ JOBS: 'maybe' }, 'JOBS'],
    ] as const) {
      expect(() => loadConfig(env)).toThrow(ConfigError);
      expect(() => loadConfig(env)).toThrow(new RegExp(`${name}:`));
    }
  });

  it('never shows the SMTP password: not in what it logs, not in a delivery error', async () => {
    const url = 'smtp://mailer:very-secret-pass@127.0.0.1:1';
    expect(redactUrl(url)).toBe('smtp://mailer:***@127.0.0.1:1');
    const mailer = createMailer({ smtpUrl: url, from: 'x@example.com' })!;
    expect(mailer.target).not.toContain('very-secret-pass');
    const error = await mailer.send({ to: 'a@example.com', subject: 's', text: 't' }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect(String((error as Error).message)).not.toContain('very-secret-pass');
    expect(() => loadConfig({ SMTP_URL: 'smtp:// very-secret-pass' })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ SMTP_URL: 'smtp:// very-secret-pass' })).not.toThrow(/very-secret-pass/);
    mailer.close();
  });
});
