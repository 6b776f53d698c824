// The `partnerhub` command as an operator runs it: a child process on a real database — a
// temporary embedded data directory, or (TEST_BACKEND=postgres) a database of its own on the
// server of TEST_DATABASE_URL. Every spawn costs about a second of tsx start-up, so each test
// does a whole story rather than one call.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, createPgDatabase, run, startServer, tempDir, terminateConnections, type RunResult } from './helpers.js';

const onPostgres = process.env.TEST_BACKEND === 'postgres';
const PASSWORD = 'correct horse battery staple';

let workDir: string;
let dataDir: string;
let env: Record<string, string>;
let dropDatabase: (() => Promise<void>) | undefined;
let firstMigrate: RunResult;

const explain = (r: RunResult) => `exit ${r.code}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`;
async function ok(args: string[], extraEnv: Record<string, string> = {}): Promise<RunResult> {
  const r = await cli(args, { ...env, ...extraEnv });
  expect(r.code, explain(r)).toBe(0);
  return r;
}
async function fails(args: string[], extraEnv: Record<string, string> = {}): Promise<RunResult> {
  const r = await cli(args, { ...env, ...extraEnv });
  expect(r.code, explain(r)).not.toBe(0);
  // A clear message, not a stack trace.
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  return r;
}
/** `user list` parsed into { email: { role, status, name } }. */
async function listUsers() {
  const r = await ok(['user', 'list']);
  const rows = r.stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split('\t'));
  return new Map(rows.map(([email, role, status, name]) => [email!, { role, status, name }]));
}
let n = 0;
const email = (what: string) => `${what}.${++n}.${Date.now().toString(36)}@example.com`;

beforeAll(async () => {
  workDir = tempDir('cli');
  dataDir = path.join(workDir, 'nested', 'data');
  if (onPostgres) {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('TEST_BACKEND=postgres needs TEST_DATABASE_URL');
    const database = await createPgDatabase(url, 'partnerhub_cli_');
    dropDatabase = database.drop;
    env = { DATABASE_URL: database.url, DATA_DIR: dataDir };
  } else {
    env = { DATA_DIR: dataDir };
  }
  // A new embedded database takes seconds to create, many more on a machine busy with other suites.
  firstMigrate = await cli(['migrate'], env, 150_000);
}, 180_000);

afterAll(async () => {
  await dropDatabase?.();
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

// Generous timeouts: on an idle 2-core machine the file takes well under a minute, but CI
// runners and shared machines can be several times slower.
describe(`partnerhub CLI (${onPostgres ? 'PostgreSQL' : 'embedded PGlite'})`, { timeout: 180_000 }, () => {
  it('migrate sets up a new database and is a no-op the second time', async () => {
    expect(firstMigrate.code, explain(firstMigrate)).toBe(0);
    if (onPostgres) {
      expect(firstMigrate.stdout).toContain('Migrations applied (postgres)');
      // With DATABASE_URL the embedded data directory is never touched.
      expect(fs.existsSync(dataDir)).toBe(false);
    } else {
      expect(firstMigrate.stdout).toContain('Migrations applied (pglite)');
      // The first run says why it takes a few seconds; missing parent folders were created.
      expect(firstMigrate.stderr).toContain(`Creating a new embedded database in ${dataDir}`);
      expect(fs.existsSync(path.join(dataDir, 'pgdata', 'PG_VERSION'))).toBe(true);
      // The lock is released on exit.
      expect(fs.existsSync(path.join(dataDir, 'partnerhub.lock'))).toBe(false);
    }
    const again = await ok(['migrate']);
    expect(again.stdout).toContain('Migrations applied');
    expect(again.stderr).not.toContain('Creating a new embedded database');
  });

  it('user create, list, set-role and deactivate manage accounts', async () => {
    const admin = email('admin');
    const member = email('member');
    const created = await ok(['user', 'create', '--email', admin.toUpperCase(), '--name', 'Ada Admin', '--role', 'admin', '--password', PASSWORD]);
    expect(created.stdout).toMatch(new RegExp(`^Created admin ${admin.replace(/\./g, '\\.')} \\([0-9a-f-]{36}\\)\\n$`));
    // The password may come from the environment instead of the command line (shell history).
    await ok(['user', 'create', '--email', member, '--name', 'Max Member'], { PARTNERHUB_PASSWORD: PASSWORD });

    let users = await listUsers();
    expect(users.get(admin)).toEqual({ role: 'admin', status: 'active', name: 'Ada Admin' });
    expect(users.get(member)).toEqual({ role: 'member', status: 'active', name: 'Max Member' });

    expect((await ok(['user', 'set-role', member, 'manager'])).stdout).toContain(`${member} is now manager`);
    expect((await ok(['user', 'deactivate', member])).stdout).toContain(`${member} is deactivated`);
    users = await listUsers();
    expect(users.get(member)).toEqual({ role: 'manager', status: 'deactivated', name: 'Max Member' });
    expect(users.get(admin)?.status).toBe('active');

    // A deactivated account gets no new token.
    const refused = await fails(['token', 'create', '--email', member]);
    expect(refused.stderr).toContain(`${member} is deactivated`);
    expect(refused.stdout).toBe('');
  });

  it('token create prints a token once that authenticates Bearer calls to a server on the same database', async () => {
    const admin = email('tokens');
    const member = email('leaver');
    await ok(['user', 'create', '--email', admin, '--name', 'Toke Admin', '--role', 'admin', '--password', PASSWORD]);
    await ok(['user', 'create', '--email', member, '--name', 'Lee Leaver', '--role', 'member', '--password', PASSWORD]);
    const issued = await ok(['token', 'create', '--email', admin, '--name', 'deploy script']);
    // stdout carries the token alone, so `TOKEN=$(partnerhub token create …)` works; the notice goes to stderr.
    expect(issued.stdout).toMatch(/^ph_[A-Za-z0-9_-]{43}\n$/);
    expect(issued.stderr).toContain(`Token "deploy script" for ${admin} created`);
    const token = issued.stdout.trim();
    const memberToken = (await ok(['token', 'create', '--email', member])).stdout.trim();
    // Deactivation ends the member's tokens.
    await ok(['user', 'deactivate', member]);

    const server = await startServer(env);
    let stopped: Awaited<ReturnType<typeof server.stop>>;
    try {
      const auth = { authorization: `Bearer ${token}` };
      const me = await fetch(`${server.url}/api/me`, { headers: auth });
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({ user: { email: admin, role: 'admin' }, via: 'token' });

      const users = await fetch(`${server.url}/api/users?pageSize=100&q=${encodeURIComponent('example.com')}`, { headers: auth });
      expect(users.status).toBe(200);
      const emails = ((await users.json()) as { items: { email: string }[] }).items.map((u) => u.email);
      expect(emails).toEqual(expect.arrayContaining([admin, member]));

      const tokens = (await (await fetch(`${server.url}/api/tokens`, { headers: auth })).json()) as { items: { name: string; prefix: string }[] };
      expect(tokens.items).toEqual([expect.objectContaining({ name: 'deploy script', prefix: token.slice(0, 10) })]);
      // The secret itself is never shown again.
      expect(JSON.stringify(tokens)).not.toContain(token);

      expect((await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${memberToken}` } })).status).toBe(401);
      expect((await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${token.slice(0, -2)}xx` } })).status).toBe(401);

      const other = await cli(['user', 'list'], env);
      if (onPostgres) {
        // A PostgreSQL server is shared: the CLI works beside a running server.
        expect(other.code, explain(other)).toBe(0);
        expect(other.stdout).toContain(admin);
        // The server outlives PostgreSQL ending its pooled connections (restart, fail-over).
        const ended = await terminateConnections(env.DATABASE_URL!);
        expect(ended).toBeGreaterThan(0);
        await new Promise((r) => setTimeout(r, 300));
        expect(server.child.exitCode).toBeNull();
        expect((await fetch(`${server.url}/api/me`, { headers: auth })).status).toBe(200);
        expect(server.output()).toContain('PostgreSQL closed an idle connection');
      } else {
        // The embedded database belongs to one process at a time.
        expect(other.code, explain(other)).not.toBe(0);
        expect(other.stderr).toContain(`The embedded database in ${dataDir} is in use by another Partnerhub process (pid ${server.pid})`);
        expect(other.stderr).toMatch(/stop that process first/);
        expect(other.stdout).toBe('');
        // The refused command changed nothing: the lock is still the server's and the server still serves.
        expect(fs.readFileSync(path.join(dataDir, 'partnerhub.lock'), 'utf8')).toBe(String(server.pid));
        const health = await fetch(`${server.url}/api/health`);
        expect(health.status).toBe(200);
        expect(await health.json()).toMatchObject({ status: 'ok', database: { status: 'ok', kind: 'pglite' } });
        expect((await fetch(`${server.url}/api/me`, { headers: auth })).status).toBe(200);
      }
    } finally {
      stopped = await server.stop();
    }
    // SIGTERM closes gracefully.
    expect(stopped).toEqual({ code: 0, signal: null });
    if (!onPostgres) expect(fs.existsSync(path.join(dataDir, 'partnerhub.lock'))).toBe(false);
    // Once the server has stopped, the CLI opens the database again and finds everything.
    const users = await listUsers();
    expect(users.get(admin)).toMatchObject({ role: 'admin', status: 'active' });
    expect(users.get(member)).toMatchObject({ status: 'deactivated' });
  });

  it('refuses bad input with a clear message and writes nothing', async () => {
    const target = email('target');
    const before = await listUsers();

    // Rejected by the argument parser: the database is not even opened.
    let r = await fails(['user', 'create', '--email', 'not-an-email', '--name', 'X', '--password', PASSWORD]);
    expect(r.stderr).toContain('e-mail must be a valid e-mail address');
    r = await fails(['user', 'create', '--email', target, '--name', 'X', '--role', 'boss', '--password', PASSWORD]);
    expect(r.stderr).toContain("argument 'boss' is invalid. must be one of admin, manager, member, finance, viewer");
    r = await fails(['user', 'set-role', target, 'superuser']);
    expect(r.stderr).toContain('must be one of admin, manager, member, finance, viewer');
    // Rejected by the rules, after the database was opened.
    r = await fails(['user', 'create', '--email', target, '--name', 'X', '--password', 'short']);
    expect(r.stderr).toContain('password must be at least 12 characters');
    r = await fails(['user', 'set-role', target, 'manager']);
    expect(r.stderr).toContain(`No user with e-mail ${target}`);

    const after = await listUsers();
    expect(after).toEqual(before);
    expect(after.has(target)).toBe(false);
  });

  it('refuses to start on an invalid environment, naming the variable', async () => {
    const dir = path.join(workDir, 'never-created');
    const server = await run(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { DATA_DIR: dir, PORT: 'abc' });
    expect(server.code).toBe(1);
    expect(server.stderr).toMatch(/Invalid configuration:\n\s+PORT: /);
    expect(server.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(fs.existsSync(dir)).toBe(false);

    const command = await fails(['migrate'], { DATA_DIR: dir, DATABASE_URL: 'mysql://localhost/partnerhub' });
    expect(command.stderr).toContain('DATABASE_URL: must start with postgres:// or postgresql://');
    expect(fs.existsSync(dir)).toBe(false);
  });
});
