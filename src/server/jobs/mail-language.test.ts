import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, makeUser, type TestApp } from '../../../tests/support/app.js';
import { makePartner, unique } from '../../../tests/support/factories.js';
import { startSmtp } from '../../../tests/support/smtp.js';
import { contract, notificationPreference, partner, task, user } from '../db/schema/index.js';
import type { Locale } from '../../shared/i18n/locales.js';

// Mail goes out in the recipient's language, through the same SMTP path as every other mail.
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

async function userIn(locale: Locale | null) {
  const u = await makeUser(t, 'member', { name: unique('Greta') });
  await t.database.db.update(user).set({ locale }).where(eq(user.id, u.id));
  return u;
}
const mailTo = (email: string) => smtp.received.filter((m) => m.to.includes(email));

describe('mail in the recipient’s language', () => {
  it('words a German user’s reminders, their inbox entries and the mail’s frame in German with Swiss dates', async () => {
    // Friday 27 November 2026, 09:30 in Zurich.
    const now = new Date('2026-11-27T08:30:00Z');
    const greta = await userIn('de');
    const p = await makePartner(t, { name: unique('Contoso'), ownerId: greta.id, importance: 'standard', lastContactAt: new Date('2026-11-26T10:00:00Z') });
    await t.database.db.insert(task).values([
      { title: 'Sign the NDA', assigneeId: greta.id, partnerId: p.id, dueDate: '2026-11-27' },
      { title: 'Answer the questionnaire', assigneeId: greta.id, dueDate: '2026-11-20' },
    ]);

    await t.app.jobs.tick(now, ['reminders']);
    const [msg, ...more] = mailTo(greta.email);
    expect(more).toEqual([]);
    expect(msg!.headers.subject).toMatch(/^2 Erinnerungen: (Fällig heute: Sign the NDA|Überfällig: Answer the questionnaire) und weitere$/);
    expect(msg!.text).toContain('Partnerhub-Erinnerungen');
    expect(msg!.text).toContain(`- Fällig heute: Sign the NDA (Fällig am Fr., 27.11.2026 · ${p.name})`);
    expect(msg!.text).toContain('- Überfällig: Answer the questionnaire (War fällig am Fr., 20.11.2026)');
    expect(msg!.text).toContain('Ihr Posteingang: http://localhost:3000/inbox');
    expect(msg!.text).toMatch(/Keine Erinnerungs-E-Mails mehr erhalten: http:\/\/localhost:3000\/api\/unsubscribe\?token=/);
    expect(msg!.text).toContain('Wählen Sie, was Sie erhalten: http://localhost:3000/profile');
    expect(msg!.text).not.toMatch(/ß|Due|Overdue|Your inbox/);
  });

  it('words the deadline reminders of contracts and risk reviews in their recipient’s language', async () => {
    // Friday 27 November 2026, 10:30 in Zurich (the hour after the first test's run).
    const now = new Date('2026-11-27T09:30:00Z');
    const greta = await userIn('de');
    const ed = await userIn(null);
    const names = new Map<string, string>();
    for (const who of [greta, ed]) {
      const p = await makePartner(t, { name: unique('Fabrikam'), ownerId: who.id, importance: 'standard', lastContactAt: new Date('2026-11-26T10:00:00Z') });
      names.set(who.id, p.name);
      await t.database.db.update(partner).set({ riskReviewDueOn: '2026-12-10' }).where(eq(partner.id, p.id));
      // Notice 30 days before the end on 28 Feb 2027: the deadline, 29 Jan 2027, is 63 days away (the 90-day alert).
      await t.database.db
        .insert(contract)
        .values({ partnerId: p.id, type: 'nda', title: 'Mutual NDA', status: 'active', endsOn: '2027-02-28', noticePeriodCount: 30, noticePeriodUnit: 'days', ownerId: who.id });
    }

    await t.app.jobs.tick(now, ['reminders']);
    const [de] = mailTo(greta.email);
    expect(de!.text).toContain(
      `- Kündigungsfrist in 63 Tagen: Mutual NDA (${names.get(greta.id)}) (Geheimhaltungsvereinbarung (NDA). Endet am So., 28.02.2027; Kündigung bis Fr., 29.01.2027.)`,
    );
    expect(de!.text).toContain(`- Risikoprüfung fällig: ${names.get(greta.id)} (Fällig am Do., 10.12.2026)`);
    expect(de!.text).not.toMatch(/Notice|Risk review|Due/);

    const [en] = mailTo(ed.email);
    expect(en!.text).toContain(`- Notice deadline in 63 days: Mutual NDA (${names.get(ed.id)}) (NDA. Ends on Sun, 28 Feb 2027; notice by Fri, 29 Jan 2027.)`);
    expect(en!.text).toContain(`- Risk review due: ${names.get(ed.id)} (Due Thu, 10 Dec 2026)`);
  });

  it('words a German user’s weekly digest in German, and leaves a user without a choice in English', async () => {
    // Monday 30 November 2026, 07:30 in Zurich: the weekly digests are due.
    const now = new Date('2026-11-30T06:30:00Z');
    const greta = await userIn('de');
    const ed = await userIn(null);
    await t.database.db.insert(notificationPreference).values([
      { userId: greta.id, digest: 'weekly' },
      { userId: ed.id, digest: 'weekly' },
    ]);
    await t.database.db.insert(task).values([
      { title: 'Renew the certificate', assigneeId: greta.id, dueDate: '2026-11-20' },
      { title: 'Renew the certificate', assigneeId: ed.id, dueDate: '2026-11-20' },
    ]);

    await t.app.jobs.tick(now, ['digest-weekly']);
    const [de] = mailTo(greta.email);
    expect(de!.headers.subject).toBe('Ihre wöchentliche Zusammenfassung · Mo., 30.11.2026: 1 überfällig');
    expect(de!.text).toContain(`Guten Tag ${greta.name}, das braucht diese Woche Ihre Aufmerksamkeit.`);
    expect(de!.text).toContain('Überfällige Aufgaben\n--------------------\n- Renew the certificate (fällig am Fr., 20.11.2026)');
    expect(de!.text).toMatch(/Keine persönliche Zusammenfassung mehr erhalten: http/);
    expect(de!.text).not.toContain('ß');

    const [en] = mailTo(ed.email);
    expect(en!.headers.subject).toBe('Your weekly digest · Mon, 30 Nov 2026: 1 overdue');
    expect(en!.text).toContain('Overdue tasks\n-------------\n- Renew the certificate (due Fri, 20 Nov 2026)');
    expect(en!.text).toMatch(/Stop getting your personal digest: http/);
  });
});
