import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../tests/support/app.js';
import { actorsFor, requestsAs, type Actors } from '../../../../tests/support/actors.js';
import { makeActivity, makeContact, makePartner } from '../../../../tests/support/factories.js';
import { listActivitiesQuery } from '../../../shared/schemas/activity.js';
import { timelinePage } from '../activities/index.js';
import { highlight } from './highlight.js';
import { activitySql, contactSql, partnerSql, termsOf, useSearchIndexes } from './search.service.js';

let t: TestApp;
let as: Actors<'viewer'>;

interface Hit {
  type: string;
  id: string;
  title: string;
  subtitle: string | null;
  partnerId: string;
  highlight: string;
  score: number;
}

beforeAll(async () => {
  t = await createTestApp();
  as = await actorsFor(t, { roles: ['viewer'] });
});
afterAll(() => t.close());

const { get } = requestsAs(() => as.viewer);

const search = async (q: string, extra = '') => {
  const res = await get(`/api/search?q=${encodeURIComponent(q)}${extra}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Hit[];
};

describe('search', () => {
  it('finds a contact by a misspelled surname, and by e-mail and title', async () => {
    const p = await makePartner(t, { name: 'Helvetia Cloud AG' });
    const anna = await makeContact(t, p.id, { firstName: 'Anna', lastName: 'Schmidt', email: 'anna.schmidt@helvetia-cloud.example', title: 'Head of Alliances' });
    await makeContact(t, p.id, { firstName: 'Bruno', lastName: 'Weber' });

    const hits = await search('Schmitt');
    const hit = hits.find((h) => h.id === anna.id);
    expect(hit).toMatchObject({
      type: 'contact',
      title: 'Anna Schmidt',
      partnerId: p.id,
      subtitle: 'Head of Alliances · Helvetia Cloud AG',
      highlight: 'Anna <mark>Schmidt</mark>',
    });
    expect(hits.some((h) => h.title === 'Bruno Weber')).toBe(false);
    // Swapped letters and a missing umlaut are the typos people make most.
    const lena = await makeContact(t, p.id, { firstName: 'Lena', lastName: 'Schneider' });
    const jan = await makeContact(t, p.id, { firstName: 'Jan', lastName: 'Müller' });
    expect((await search('Schnieder')).find((h) => h.type === 'contact')?.id).toBe(lena.id);
    expect((await search('Muller')).some((h) => h.id === jan.id)).toBe(true);

    expect((await search('helvetia-cloud.example')).some((h) => h.id === anna.id)).toBe(true);
    const byTitle = (await search('alliances')).find((h) => h.id === anna.id);
    expect(byTitle?.highlight).toBe('Head of <mark>Alliances</mark>');
    expect((await search('anna schm')).find((h) => h.type === 'contact')?.id).toBe(anna.id);
  });

  it('ranks an exact name first, then names starting with the query, then the rest', async () => {
    const longer = await makePartner(t, { name: 'Nine Internet Solutions Ninja' });
    const exact = await makePartner(t, { name: 'Nine Internet' });
    const elsewhere = await makePartner(t, { name: 'Zurich Hosting', description: 'Peering with Nine Internet since 2019' });
    const hits = await search('Nine Internet');
    const ids = hits.map((h) => h.id);
    expect(ids[0]).toBe(exact.id);
    expect(ids.indexOf(longer.id)).toBe(1);
    expect(ids.indexOf(elsewhere.id)).toBeGreaterThan(1);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
    expect(hits[0]!.highlight).toBe('<mark>Nine</mark> <mark>Internet</mark>');
    expect(hits.find((h) => h.id === elsewhere.id)!.highlight).toBe('Peering with <mark>Nine</mark> <mark>Internet</mark> since 2019');
    // Lower case and extra spaces are still an exact match.
    expect((await search('  nine   internet ')).map((h) => h.id)[0]).toBe(exact.id);
  });

  it('matches prefixes of words in names and in the timeline', async () => {
    const k8s = await makePartner(t, { name: 'Acme Kubernetes Services' });
    const other = await makePartner(t, { name: 'Rivella Systems' });
    const entry = await makeActivity(t, other.id, { overrides: { kind: 'call', summary: 'Discussed Kubernetes operators for their platform', outcome: 'Send a proposal' } });
    const hits = await search('kube');
    expect(hits.find((h) => h.id === k8s.id)).toMatchObject({ type: 'partner', highlight: 'Acme <mark>Kubernetes</mark> Services' });
    const found = hits.find((h) => h.id === entry.id);
    expect(found).toMatchObject({ type: 'activity', partnerId: other.id, title: 'Discussed Kubernetes operators for their platform' });
    expect(found!.subtitle).toContain('Call · Rivella Systems');
    expect(found!.highlight).toBe('Discussed <mark>Kubernetes</mark> operators for their platform');
    expect((await search('propos')).some((h) => h.id === entry.id)).toBe(true);
  });

  it('escapes HTML in the data and marks only the matching words', async () => {
    const p = await makePartner(t, { name: 'Evil <script>alert("x")</script> & Co' });
    const hit = (await search('evil')).find((h) => h.id === p.id)!;
    expect(hit.highlight).toBe('<mark>Evil</mark> &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(hit.title).toBe('Evil <script>alert("x")</script> & Co');
    expect(highlight('<mark>x</mark> 5 < 6', ['mark'])).toBe('&lt;<mark>mark</mark>&gt;x&lt;/<mark>mark</mark>&gt; 5 &lt; 6');
    // A long text is cut around the first match.
    const long = highlight(`${'lorem ipsum '.repeat(40)}the Matterhorn deal ${'dolor sit '.repeat(40)}`, ['matterhorn']);
    expect(long).toMatch(/^….*<mark>Matterhorn<\/mark>.*…$/);
    expect(long.length).toBeLessThan(200);
  });

  it('leaves out archived partners, contacts and timeline entries, and whatever hangs off an archived partner', async () => {
    const archived = await makePartner(t, { name: 'Quokka Archived GmbH', archivedAt: new Date() });
    await makeContact(t, archived.id, { firstName: 'Quentin', lastName: 'Quokkason' });
    const live = await makePartner(t, { name: 'Wombat Live AG' });
    await makeContact(t, live.id, { firstName: 'Quirin', lastName: 'Quokkaberg', archivedAt: new Date() });
    await makeActivity(t, live.id, { overrides: { summary: 'Quokka workshop', archivedAt: new Date() } });
    await makeActivity(t, archived.id, { overrides: { summary: 'Quokka roadmap' } });
    expect(await search('quokka')).toEqual([]);
  });

  it('answers 400 naming querystring.q for an empty or too long query, and nothing for punctuation', async () => {
    for (const q of ['', '   ', 'x'.repeat(201)]) {
      const res = await get(`/api/search?q=${q}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].path).toBe('querystring.q');
    }
    const missing = await get('/api/search');
    expect(missing.statusCode).toBe(400);
    expect(await search('?!*:&|')).toEqual([]);
    expect(await search("o'brien % _ \\")).toEqual(expect.any(Array));
    const limited = await get('/api/search?q=a&limit=51');
    expect(limited.statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/search?q=a' })).statusCode).toBe(401);
  });

  it('honours the limit and finds short prefixes', async () => {
    for (let i = 0; i < 4; i++) await makePartner(t, { name: `Yak Partner ${i}` });
    expect(await search('ya', '&limit=3')).toHaveLength(3);
    expect((await search('y')).length).toBeGreaterThanOrEqual(4);
  });

  it('uses the trigram and full-text indexes (the expressions match the migration’s)', async () => {
    const plan = async (query: SQL, indexesOn = true) =>
      t.database.db.transaction(async (tx) => {
        await useSearchIndexes(tx, indexesOn);
        // Tiny test tables would otherwise be read whole, whatever the indexes: this checks the indexes can serve the query.
        await tx.execute(sql`set local enable_seqscan = off`);
        await tx.execute(sql`set local enable_indexscan = off`);
        const rows = (await tx.execute(sql`explain ${query}`)) as unknown as { rows: Record<string, string>[] };
        return rows.rows.map((r) => Object.values(r)[0]).join('\n');
      });
    const terms = termsOf('Schmitt')!;
    const partnerPlan = await plan(partnerSql(terms, 20));
    expect(partnerPlan).toContain('partner_name_trgm_idx');
    expect(partnerPlan).toContain('partner_fts_idx');
    expect(await plan(contactSql(terms, 20))).toContain('contact_name_trgm_idx');
    expect(await plan(activitySql(terms, 20))).toContain('activity_fts_idx');
    const pageOfPartner = timelinePage(t.database.db, listActivitiesQuery.parse({ partnerId: crypto.randomUUID() }));
    expect(await plan(pageOfPartner.getSQL())).toContain('activity_partner_time_idx');
  });
});
