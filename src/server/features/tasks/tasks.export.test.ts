import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/app.js';
import { actor, actorsFor, type Actor, type Actors } from '../../../../tests/support/actors.js';
import { makePartner } from '../../../../tests/support/factories.js';
import { task } from '../../db/schema/index.js';
import { addDays, dayIn } from '../../../shared/days.js';
import { csvRows, xlsxSheet } from '../../../../tests/support/exports.js';

/** My work and the task list export what they show: the caller's own open tasks, or the list's filters and sort; in the reader's language. */
let t: TestApp;
let as: Actors;
let me: Actor;
let partnerId: string;
const tag = `exp${Date.now()}`;
const today = dayIn(new Date());
const overdueDay = addDays(today, -3);
const laterDay = addDays(today, 30);

async function makeTask(values: Partial<typeof task.$inferInsert>) {
  await t.database.db.insert(task).values({ title: `Task ${tag}`, ...values });
}

beforeAll(async () => {
  t = await createTestApp();
  as = await actorsFor(t);
  me = await actor(t, 'member');
  partnerId = (await makePartner(t, { name: `Bergbahn Cloud ${tag}` })).id;
  await makeTask({ title: `Send the price list ${tag}`, assigneeId: me.id, dueDate: laterDay, priority: 'high', partnerId, subjectType: 'partner', subjectId: partnerId });
  await makeTask({ title: `=HYPERLINK("http://x") ${tag}`, assigneeId: me.id, dueDate: overdueDay, status: 'in_progress' });
  await makeTask({ title: `Call back ${tag}`, assigneeId: me.id, dueDate: today, priority: 'urgent', partnerId });
  await makeTask({ title: `Someday ${tag}`, assigneeId: me.id, dueDate: null });
  // Not on my page: done, or someone else's.
  await makeTask({ title: `Done already ${tag}`, assigneeId: me.id, dueDate: today, status: 'done', partnerId });
  await makeTask({ title: `Not mine ${tag}`, assigneeId: as.member.id, dueDate: today, partnerId });
});
afterAll(() => t.close());

describe('My work export', () => {
  it('writes only the caller’s open tasks, in the page’s order with its sections, formulas kept as text', async () => {
    const res = await me.get('/api/my-work/export?columns=group,title,status,priority,partner');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="my-work-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(csvRows(res.body)).toEqual([
      ['Due', 'Title', 'Status', 'Priority', 'Partner'],
      ['Overdue', `'=HYPERLINK("http://x") ${tag}`, 'In progress', 'Normal', ''],
      ['Today', `Call back ${tag}`, 'Open', 'Urgent', `Bergbahn Cloud ${tag}`],
      ['Later', `Send the price list ${tag}`, 'Open', 'High', `Bergbahn Cloud ${tag}`],
      ['Later', `Someday ${tag}`, 'Open', 'Normal', ''],
    ]);
  });

  it('is scoped to the caller: another member exports their own tasks only', async () => {
    const res = await as.member.get('/api/my-work/export?columns=title');
    expect(csvRows(res.body)).toEqual([['Title'], [`Not mine ${tag}`]]);
    const viewer = await as.viewer.get('/api/my-work/export?columns=title');
    expect(viewer.statusCode).toBe(200);
    expect(csvRows(viewer.body)).toEqual([['Title']]);
  });

  it('speaks German for headers, sections and enum labels', async () => {
    const res = await me.inject({ method: 'GET', url: '/api/my-work/export?columns=group,title,status,priority,subject', headers: { 'accept-language': 'de-CH' } });
    expect(res.statusCode).toBe(200);
    expect(csvRows(res.body).slice(0, 3)).toEqual([
      ['Fälligkeit', 'Titel', 'Status', 'Priorität', 'Verknüpft mit'],
      ['Überfällig', `'=HYPERLINK("http://x") ${tag}`, 'In Bearbeitung', 'Normal', ''],
      ['Heute', `Call back ${tag}`, 'Offen', 'Dringend', ''],
    ]);
    expect(csvRows(res.body)[3]).toEqual(['Später', `Send the price list ${tag}`, 'Offen', 'Hoch', `Partner: Bergbahn Cloud ${tag}`]);
  });
});

describe('task list export', () => {
  it('writes XLSX of the list’s filters and sort that a spreadsheet reads back, every column when none are chosen', async () => {
    const res = await as.viewer.get(`/api/tasks/export?partnerId=${partnerId}&status=open,done&sort=title&format=xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheet = await xlsxSheet(res);
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Title',
      'Status',
      'Priority',
      'Due date',
      'Assignee',
      'Partner',
      'Linked to',
      'Details',
      'Comments',
      'Created',
      'Created by',
      'Completed',
    ]);
    const titles = [2, 3, 4, 5].map((r) => sheet.getCell(`A${r}`).value);
    expect(titles).toEqual([`Call back ${tag}`, `Done already ${tag}`, `Not mine ${tag}`, `Send the price list ${tag}`]);
    expect(sheet.rowCount).toBe(5);
    expect(sheet.getCell('B3').value).toBe('Done');
    expect(sheet.getCell('D5').value).toEqual(new Date(`${laterDay}T00:00:00Z`));
    expect(sheet.getCell('E2').value).toBe(me.name);
    expect(sheet.getCell('G5').value).toBe(`Partner: Bergbahn Cloud ${tag}`);
    expect(sheet.getCell('I5').value).toBe(0);
  });

  it('refuses an unknown column with a 400 that names it, and a caller without credentials with 401', async () => {
    const bad = await me.get('/api/my-work/export?columns=title,salary');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ path: 'querystring.columns', message: expect.stringContaining('salary') })]);
    expect((await me.get('/api/tasks/export?columns=group')).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/my-work/export' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/tasks/export' })).statusCode).toBe(401);
  });
});
