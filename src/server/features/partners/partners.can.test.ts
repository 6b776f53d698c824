import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/app.js';
import { actor, actorsFor, type Actor, type Actors } from '../../../../tests/support/actors.js';

/** What each role may do travels with the data: the web app shows actions from `can` alone. */
let t: TestApp;
let as: Actors<'admin' | 'manager' | 'viewer'> & Record<'owner' | 'teamMate' | 'stranger', Actor>;
let n = 0;

beforeAll(async () => {
  t = await createTestApp();
  const owner = await actor(t, 'member');
  const teamMate = await actor(t, 'member');
  const stranger = await actor(t, 'member');
  as = { ...(await actorsFor(t, { roles: ['admin', 'manager', 'viewer'] })), owner, teamMate, stranger };
});
afterAll(() => t.close());

const send = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, who: Actor = as.manager, payload?: object) => who.inject({ method, url, ...(payload ? { payload } : {}) });
const ok = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, who: Actor = as.manager, payload?: object) => {
  const res = await send(method, url, who, payload);
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json();
};

async function partnerOfOwner() {
  const p = await ok('POST', '/api/partners', as.manager, { name: `Can ${++n} ${Math.random().toString(36).slice(2, 6)}`, types: ['software_vendor'], ownerId: as.owner.id });
  await ok('POST', `/api/partners/${p.id}/team`, as.manager, { userId: as.teamMate.id, role: 'sales' });
  return p as { id: string; version: number };
}

const none = { edit: false, archive: false, restore: false, merge: false };

describe('can on partners', () => {
  it('says who may change, archive and merge a partner, the same in its page and in the list', async () => {
    const p = await partnerOfOwner();
    const expected = {
      admin: { edit: true, archive: true, restore: false, merge: true },
      manager: { edit: true, archive: true, restore: false, merge: true },
      owner: { edit: true, archive: false, restore: false, merge: false },
      teamMate: { edit: true, archive: false, restore: false, merge: false },
      stranger: none,
      viewer: none,
    };
    for (const [who, can] of Object.entries(expected) as [keyof typeof as, typeof none][]) {
      expect((await ok('GET', `/api/partners/${p.id}`, as[who])).can, who).toEqual(can);
      const page = await ok('GET', `/api/partners?q=${encodeURIComponent((await ok('GET', `/api/partners/${p.id}`)).name)}`, as[who]);
      expect(page.items.find((x: { id: string }) => x.id === p.id).can, `${who} in the list`).toEqual(can);
    }
    // What `can` says is what the API does.
    expect((await send('PATCH', `/api/partners/${p.id}`, as.stranger, { version: p.version, description: 'no' })).statusCode).toBe(403);
    expect((await send('PATCH', `/api/partners/${p.id}`, as.teamMate, { version: p.version, description: 'yes' })).statusCode).toBe(200);
  });

  it('an archived partner is only restored, by a Partner Manager; its contacts change with it', async () => {
    const p = await partnerOfOwner();
    const c = await ok('POST', '/api/contacts', as.owner, { partnerId: p.id, firstName: 'Ada', lastName: 'Lovelace' });
    expect(c.can).toEqual({ edit: true, archive: true, restore: false, merge: false });
    expect((await ok('GET', `/api/contacts/${c.id}`, as.manager)).can).toEqual({ edit: true, archive: true, restore: false, merge: true });
    expect((await ok('GET', `/api/contacts/${c.id}`, as.stranger)).can).toEqual(none);
    const fresh = await ok('GET', `/api/partners/${p.id}`);
    const archived = await ok('POST', `/api/partners/${p.id}/archive`, as.manager, { version: fresh.version });
    expect(archived.can).toEqual({ edit: false, archive: false, restore: true, merge: false });
    expect((await ok('GET', `/api/partners/${p.id}`, as.owner)).can).toEqual(none);
    const listed = await ok('GET', `/api/contacts?partnerId=${p.id}&archived=all`, as.manager);
    expect(listed.items.map((x: { can: unknown }) => x.can)).toEqual([none]);
  });
});

describe('can on tasks', () => {
  it('follows the task rule: managers all, members their own and their partners’, others none', async () => {
    const p = await partnerOfOwner();
    const task = await ok('POST', '/api/tasks', as.manager, { title: 'Send the joint plan', subject: { type: 'partner', id: p.id } });
    const expected = {
      admin: { edit: true, comment: true },
      manager: { edit: true, comment: true },
      owner: { edit: true, comment: true },
      teamMate: { edit: true, comment: true },
      stranger: { edit: false, comment: true },
      viewer: { edit: false, comment: false },
    };
    for (const [who, can] of Object.entries(expected) as [keyof typeof as, unknown][]) {
      expect((await ok('GET', `/api/tasks/${task.id}`, as[who])).can, who).toEqual(can);
      const page = await ok('GET', `/api/tasks?partnerId=${p.id}`, as[who]);
      expect(page.items[0].can, `${who} in the list`).toEqual(can);
    }
    expect((await send('PATCH', `/api/tasks/${task.id}`, as.stranger, { version: task.version, title: 'Mine now' })).statusCode).toBe(403);
    // Assigned to them, the stranger may change it.
    await ok('PATCH', `/api/tasks/${task.id}`, as.manager, { version: task.version, assigneeId: as.stranger.id });
    expect((await ok('GET', `/api/tasks/${task.id}`, as.stranger)).can).toEqual({ edit: true, comment: true });
    const work = await ok('GET', '/api/my-work', as.stranger);
    const mine = Object.values(work.groups as Record<string, { id: string; can: unknown }[]>)
      .flat()
      .find((x) => x.id === task.id);
    expect(mine?.can).toEqual({ edit: true, comment: true });
  });
});

describe('can of the signed-in person', () => {
  it('/api/me says what one may do across the app, from the same policies as the routes', async () => {
    const admin = (await ok('GET', '/api/me', as.admin)).can;
    expect(admin).toMatchObject({ manageUsers: true, loadDemoData: true, readMail: true, manageProducts: true, createPartners: true, managePartners: true, managePrograms: true });
    const manager = (await ok('GET', '/api/me', as.manager)).can;
    expect(manager).toMatchObject({
      manageUsers: false,
      loadDemoData: false,
      readMail: false,
      manageProducts: true,
      createPartners: true,
      managePartners: true,
      managePrograms: true,
      approveRisk: true,
    });
    const member = (await ok('GET', '/api/me', as.owner)).can;
    expect(member).toMatchObject({
      manageUsers: false,
      readMail: false,
      manageProducts: false,
      createPartners: true,
      managePartners: false,
      managePrograms: false,
      writeTasks: true,
    });
    const viewer = (await ok('GET', '/api/me', as.viewer)).can;
    expect(Object.values(viewer).every((v) => v === false)).toBe(true);
    // And the routes agree.
    expect((await send('GET', '/api/users', as.manager)).statusCode).toBe(403);
    expect((await send('GET', '/api/users', as.admin)).statusCode).toBe(200);
  });
});

describe('the 360° header’s levels', () => {
  it('come with the partner: the level held in each linked programme and whether we meet it', async () => {
    const p = await partnerOfOwner();
    expect((await ok('GET', `/api/partners/${p.id}`)).heldLevels).toEqual([]);
    const prog = await ok('POST', '/api/programs', as.manager, { name: `Programme ${++n} ${Math.random().toString(36).slice(2, 6)}`, vendor: 'Kube Vendor', partnerId: p.id });
    const laddered = await ok('PUT', `/api/programs/${prog.id}/levels`, as.manager, {
      version: prog.version,
      levels: [{ name: 'Registered' }, { name: 'Certified', checklist: [{ title: 'Partner business plan' }] }],
    });
    const certified = laddered.levels.find((l: { name: string }) => l.name === 'Certified');
    await ok('PATCH', `/api/programs/${prog.id}`, as.manager, { version: laddered.version, heldLevelId: certified.id });
    const got = await ok('GET', `/api/partners/${p.id}`, as.viewer);
    expect(got.heldLevels).toEqual([{ programId: prog.id, programName: prog.name, level: { id: certified.id, name: 'Certified', rank: 2 }, met: false }]);
  });
});
