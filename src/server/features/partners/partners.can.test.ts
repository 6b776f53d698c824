import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, makeUser, tokenFor, type TestApp } from '../../../../tests/support/app.js';
import type { User } from '../../../shared/schemas/user.js';

/** What each role may do travels with the data: the web app shows actions from `can` alone. */
let t: TestApp;
const tokens: Record<'admin' | 'manager' | 'owner' | 'teamMate' | 'stranger' | 'viewer', string> = {} as never;
let owner: User;
let teamMate: User;
let stranger: User;
let n = 0;

beforeAll(async () => {
  t = await createTestApp();
  owner = await makeUser(t, 'member');
  teamMate = await makeUser(t, 'member');
  stranger = await makeUser(t, 'member');
  tokens.admin = await tokenFor(t, await makeUser(t, 'admin'));
  tokens.manager = await tokenFor(t, await makeUser(t, 'manager'));
  tokens.owner = await tokenFor(t, owner);
  tokens.teamMate = await tokenFor(t, teamMate);
  tokens.stranger = await tokenFor(t, stranger);
  tokens.viewer = await tokenFor(t, await makeUser(t, 'viewer'));
});
afterAll(() => t.close());

const send = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, token = tokens.manager, payload?: object) =>
  t.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });
const ok = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, token = tokens.manager, payload?: object) => {
  const res = await send(method, url, token, payload);
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json();
};

async function partnerOfOwner() {
  const p = await ok('POST', '/api/partners', tokens.manager, { name: `Can ${++n} ${Math.random().toString(36).slice(2, 6)}`, types: ['software_vendor'], ownerId: owner.id });
  await ok('POST', `/api/partners/${p.id}/team`, tokens.manager, { userId: teamMate.id, role: 'sales' });
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
    for (const [who, can] of Object.entries(expected) as [keyof typeof tokens, typeof none][]) {
      expect((await ok('GET', `/api/partners/${p.id}`, tokens[who])).can, who).toEqual(can);
      const page = await ok('GET', `/api/partners?q=${encodeURIComponent((await ok('GET', `/api/partners/${p.id}`)).name)}`, tokens[who]);
      expect(page.items.find((x: { id: string }) => x.id === p.id).can, `${who} in the list`).toEqual(can);
    }
    // What `can` says is what the API does.
    expect((await send('PATCH', `/api/partners/${p.id}`, tokens.stranger, { version: p.version, description: 'no' })).statusCode).toBe(403);
    expect((await send('PATCH', `/api/partners/${p.id}`, tokens.teamMate, { version: p.version, description: 'yes' })).statusCode).toBe(200);
  });

  it('an archived partner is only restored, by a Partner Manager; its contacts change with it', async () => {
    const p = await partnerOfOwner();
    const c = await ok('POST', '/api/contacts', tokens.owner, { partnerId: p.id, firstName: 'Ada', lastName: 'Lovelace' });
    expect(c.can).toEqual({ edit: true, archive: true, restore: false, merge: false });
    expect((await ok('GET', `/api/contacts/${c.id}`, tokens.manager)).can).toEqual({ edit: true, archive: true, restore: false, merge: true });
    expect((await ok('GET', `/api/contacts/${c.id}`, tokens.stranger)).can).toEqual(none);
    const fresh = await ok('GET', `/api/partners/${p.id}`);
    const archived = await ok('POST', `/api/partners/${p.id}/archive`, tokens.manager, { version: fresh.version });
    expect(archived.can).toEqual({ edit: false, archive: false, restore: true, merge: false });
    expect((await ok('GET', `/api/partners/${p.id}`, tokens.owner)).can).toEqual(none);
    const listed = await ok('GET', `/api/contacts?partnerId=${p.id}&archived=all`, tokens.manager);
    expect(listed.items.map((x: { can: unknown }) => x.can)).toEqual([none]);
  });
});

describe('can on tasks', () => {
  it('follows the task rule: managers all, members their own and their partners’, others none', async () => {
    const p = await partnerOfOwner();
    const task = await ok('POST', '/api/tasks', tokens.manager, { title: 'Send the joint plan', subject: { type: 'partner', id: p.id } });
    const expected = {
      admin: { edit: true, comment: true },
      manager: { edit: true, comment: true },
      owner: { edit: true, comment: true },
      teamMate: { edit: true, comment: true },
      stranger: { edit: false, comment: true },
      viewer: { edit: false, comment: false },
    };
    for (const [who, can] of Object.entries(expected) as [keyof typeof tokens, unknown][]) {
      expect((await ok('GET', `/api/tasks/${task.id}`, tokens[who])).can, who).toEqual(can);
      const page = await ok('GET', `/api/tasks?partnerId=${p.id}`, tokens[who]);
      expect(page.items[0].can, `${who} in the list`).toEqual(can);
    }
    expect((await send('PATCH', `/api/tasks/${task.id}`, tokens.stranger, { version: task.version, title: 'Mine now' })).statusCode).toBe(403);
    // Assigned to them, the stranger may change it.
    await ok('PATCH', `/api/tasks/${task.id}`, tokens.manager, { version: task.version, assigneeId: stranger.id });
    expect((await ok('GET', `/api/tasks/${task.id}`, tokens.stranger)).can).toEqual({ edit: true, comment: true });
    const work = await ok('GET', '/api/my-work', tokens.stranger);
    const mine = Object.values(work.groups as Record<string, { id: string; can: unknown }[]>)
      .flat()
      .find((x) => x.id === task.id);
    expect(mine?.can).toEqual({ edit: true, comment: true });
  });
});

describe('can of the signed-in person', () => {
  it('/api/me says what one may do across the app, from the same policies as the routes', async () => {
    const admin = (await ok('GET', '/api/me', tokens.admin)).can;
    expect(admin).toMatchObject({ manageUsers: true, loadDemoData: true, readMail: true, manageProducts: true, createPartners: true, managePartners: true, managePrograms: true });
    const manager = (await ok('GET', '/api/me', tokens.manager)).can;
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
    const member = (await ok('GET', '/api/me', tokens.owner)).can;
    expect(member).toMatchObject({
      manageUsers: false,
      readMail: false,
      manageProducts: false,
      createPartners: true,
      managePartners: false,
      managePrograms: false,
      writeTasks: true,
    });
    const viewer = (await ok('GET', '/api/me', tokens.viewer)).can;
    expect(Object.values(viewer).every((v) => v === false)).toBe(true);
    // And the routes agree.
    expect((await send('GET', '/api/users', tokens.manager)).statusCode).toBe(403);
    expect((await send('GET', '/api/users', tokens.admin)).statusCode).toBe(200);
  });
});

describe('the 360° header’s levels', () => {
  it('come with the partner: the level held in each linked programme and whether we meet it', async () => {
    const p = await partnerOfOwner();
    expect((await ok('GET', `/api/partners/${p.id}`)).heldLevels).toEqual([]);
    const prog = await ok('POST', '/api/programs', tokens.manager, { name: `Programme ${++n} ${Math.random().toString(36).slice(2, 6)}`, vendor: 'Kube Vendor', partnerId: p.id });
    const laddered = await ok('PUT', `/api/programs/${prog.id}/levels`, tokens.manager, {
      version: prog.version,
      levels: [{ name: 'Registered' }, { name: 'Certified', checklist: [{ title: 'Partner business plan' }] }],
    });
    const certified = laddered.levels.find((l: { name: string }) => l.name === 'Certified');
    await ok('PATCH', `/api/programs/${prog.id}`, tokens.manager, { version: laddered.version, heldLevelId: certified.id });
    const got = await ok('GET', `/api/partners/${p.id}`, tokens.viewer);
    expect(got.heldLevels).toEqual([{ programId: prog.id, programName: prog.name, level: { id: certified.id, name: 'Certified', rank: 2 }, met: false }]);
  });
});
