import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../tests/support/app.js';
import { actor, type Actor } from '../../../../tests/support/actors.js';
import { makePartner, unique } from '../../../../tests/support/factories.js';
import { contract, meetingOccurrence, meetingOccurrenceUser, partner, task, user } from '../../db/schema/index.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

// iCalendar folds lines at 75 octets; unfold before reading.
const unfold = (ics: string) => ics.replace(/\r?\n[ \t]/g, '');
const feedOf = async (who: Actor) => {
  const created = await who.post('/api/calendar-feeds', { scope: 'user' });
  expect(created.statusCode).toBe(201);
  // A calendar program sends no session and no language: the feed speaks its owner's.
  return unfold((await t.app.inject({ method: 'GET', url: new URL(created.json().url).pathname })).body);
};

describe('calendar files in the reader’s language', () => {
  it('words a German user’s feed (its name, task deadlines, meeting descriptions) in German, and an English user’s as before', async () => {
    const greta = await actor(t, 'member');
    const ed = await actor(t, 'member');
    await t.database.db.update(user).set({ locale: 'de' }).where(eq(user.id, greta.id));
    const p = await makePartner(t, { name: unique('Contoso'), ownerId: ed.id });
    const [o] = await t.database.db
      .insert(meetingOccurrence)
      .values({ partnerId: p.id, title: 'Quarterly review', purpose: 'quarterly', startsAt: new Date('2026-12-03T09:00:00Z'), endsAt: new Date('2026-12-03T10:00:00Z') })
      .returning();
    await t.database.db.insert(meetingOccurrenceUser).values({ occurrenceId: o!.id, userId: greta.id });
    await t.database.db.insert(task).values({ title: 'Send the NDA', assigneeId: greta.id, partnerId: p.id, dueDate: '2026-12-31' });
    await t.database.db.insert(task).values({ title: 'Send the NDA', assigneeId: ed.id, dueDate: '2026-12-31' });

    // Greta owns a partner whose risk review and NDA notice are due: the deadlines other features add read German too.
    const own = await makePartner(t, { name: unique('Fabrikam'), ownerId: greta.id });
    await t.database.db.update(partner).set({ riskReviewDueOn: '2027-01-15' }).where(eq(partner.id, own.id));
    await t.database.db
      .insert(contract)
      .values({ partnerId: own.id, type: 'nda', title: 'Mutual NDA', status: 'active', endsOn: '2027-02-28', noticePeriodCount: 30, noticePeriodUnit: 'days', ownerId: greta.id });

    const de = await feedOf(greta);
    expect(de).toContain(`SUMMARY:Kündigungsfrist: Mutual NDA (${own.name})`);
    expect(de).toContain(`DESCRIPTION:Geheimhaltungsvereinbarung (NDA) mit ${own.name}. Endet am So.\\, 28.02.2027\\; Kündigung bis Fr.\\, 29.01.2027.`); // iCalendar escapes , and ;
    expect(de).toContain(`SUMMARY:Risikoprüfung fällig: ${own.name}`);
    expect(de).toContain('X-WR-CALNAME:Partnerhub · meine Meetings und Fristen');
    expect(de).toContain(`SUMMARY:Aufgabe: Send the NDA (${p.name})`);
    expect(de).toContain(`DESCRIPTION:Quartalstreffen mit ${p.name}`);
    expect(de).not.toContain('ß');

    const en = await feedOf(ed);
    expect(en).toContain('X-WR-CALNAME:Partnerhub · my meetings and deadlines');
    expect(en).toContain('SUMMARY:Task: Send the NDA');
    expect(en).toContain(`DESCRIPTION:Quarterly get-together with ${p.name}`);

    // A meeting's file follows the request: Accept-Language, else the signed-in user's choice.
    const file = unfold((await greta.get(`/api/meetings/${o!.id}/ics`)).body);
    expect(file).toContain(`DESCRIPTION:Quartalstreffen mit ${p.name}`);
  });
});
