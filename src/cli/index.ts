import { Command, InvalidArgumentError } from 'commander';
import { ConfigError, loadConfig } from '../server/config.js';
import { openAndMigrate } from '../server/boot.js';
import { createAuth } from '../server/auth/better-auth.js';
import { DataDirLockedError } from '../server/db/lock.js';
import { resolveAuthSecret } from '../server/lib/secret.js';
import { AppError } from '../server/lib/errors.js';
import { createUser, findUserByEmail, listUsers, setActive, updateUser } from '../server/features/users/users.service.js';
import { createToken } from '../server/features/tokens/tokens.service.js';
import { ROLES, type Role } from '../shared/roles.js';
import { email as emailSchema, personName } from '../shared/schemas/common.js';
import { password as passwordSchema } from '../shared/schemas/user.js';
import type { Database } from '../server/db/client.js';

/** The shell's identity in the audit trail. */
const CLI_ACTOR = { id: 'cli', name: 'partnerhub CLI', email: 'cli@localhost', role: 'admin' as const, via: 'token' as const };

function parseWith<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } }, what: string) {
  return (value: string): T => {
    const r = schema.safeParse(value);
    if (!r.success) throw new InvalidArgumentError(`${what} ${r.error.issues[0]?.message ?? 'is invalid'}`);
    return r.data;
  };
}
const parseRole = (v: string): Role => {
  if (!ROLES.includes(v as Role)) throw new InvalidArgumentError(`must be one of ${ROLES.join(', ')}`);
  return v as Role;
};

async function withDb<T>(fn: (database: Database, auth: ReturnType<typeof createAuth>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openAndMigrate(config, (m) => console.error(m));
  try {
    const secret = await resolveAuthSecret(database.db, config.authSecret);
    return await fn(database, createAuth({ db: database.db, config, secret }));
  } finally {
    await database.close();
  }
}

async function requireUser(database: Database, email: string) {
  const u = await findUserByEmail(database.db, email);
  if (!u) throw new AppError('not_found', `No user with e-mail ${email}`);
  return u;
}

const program = new Command('partnerhub').description('Partnerhub: partner relationship management').showHelpAfterError();

program.command('serve').description('start the server (same as npm start)').action(async () => {
  await import('../server/main.js');
});

program.command('migrate').description('apply pending database migrations').action(() =>
  withDb(async (database) => console.log(`Migrations applied (${database.kind}).`)),
);

const user = program.command('user').description('manage accounts');
user
  .command('create')
  .requiredOption('--email <email>', 'e-mail address', parseWith(emailSchema, 'e-mail'))
  .requiredOption('--name <name>', 'display name', parseWith(personName, 'name'))
  .option('--role <role>', `one of ${ROLES.join(', ')}`, parseRole, 'member')
  .option('--password <password>', 'initial password (or set PARTNERHUB_PASSWORD)')
  .action((o: { email: string; name: string; role: Role; password?: string }) =>
    withDb(async (database, auth) => {
      const pw = passwordSchema.safeParse(o.password ?? process.env.PARTNERHUB_PASSWORD ?? '');
      if (!pw.success) throw new AppError('validation_failed', `password ${pw.error.issues[0]?.message}`);
      const u = await createUser(database.db, auth, { name: o.name, email: o.email, role: o.role, password: pw.data }, CLI_ACTOR);
      console.log(`Created ${u.role} ${u.email} (${u.id})`);
    }),
  );
user.command('list').action(() =>
  withDb(async (database) => {
    const page = await listUsers(database.db, { page: 1, pageSize: 100, sort: 'email', status: 'all' });
    for (const u of page.items) console.log(`${u.email}\t${u.role}\t${u.active ? 'active' : 'deactivated'}\t${u.name}`);
    if (page.total > page.items.length) console.log(`… and ${page.total - page.items.length} more`);
  }),
);
user
  .command('set-role')
  .argument('<email>', 'e-mail of the account', parseWith(emailSchema, 'e-mail'))
  .argument('<role>', `one of ${ROLES.join(', ')}`, parseRole)
  .action((email: string, role: Role) =>
    withDb(async (database) => {
      const u = await requireUser(database, email);
      await updateUser(database.db, u.id, { role, version: u.version }, CLI_ACTOR);
      console.log(`${email} is now ${role}`);
    }),
  );
user
  .command('deactivate')
  .argument('<email>', 'e-mail of the account', parseWith(emailSchema, 'e-mail'))
  .action((email: string) =>
    withDb(async (database) => {
      const u = await requireUser(database, email);
      await setActive(database.db, u.id, false, u.version, CLI_ACTOR);
      console.log(`${email} is deactivated; their sessions and API tokens have ended`);
    }),
  );

program
  .command('token')
  .description('personal API tokens')
  .command('create')
  .requiredOption('--email <email>', 'whose token', parseWith(emailSchema, 'e-mail'))
  .option('--name <name>', 'what the token is for', 'CLI token')
  .option('--expires-in-days <days>', 'expiry', (v) => {
    const n = Number.parseInt(v, 10);
    if (!Number.isInteger(n) || n < 1 || n > 3650) throw new InvalidArgumentError('must be 1 to 3650');
    return n;
  })
  .action((o: { email: string; name: string; expiresInDays?: number }) =>
    withDb(async (database) => {
      const u = await requireUser(database, o.email);
      if (u.deactivatedAt) throw new AppError('conflict', `${o.email} is deactivated`);
      const t = await createToken(database.db, u.id, { name: o.name, expiresInDays: o.expiresInDays ?? null }, CLI_ACTOR);
      // The only place the secret is ever shown: on stdout, once.
      console.log(t.token);
      console.error(`Token "${t.name}" for ${o.email} created. It is shown only this once; store it safely.`);
    }),
  );

program.parseAsync(process.argv).catch((e: unknown) => {
  if (e instanceof ConfigError || e instanceof DataDirLockedError || e instanceof AppError) console.error(e.message);
  else console.error(e);
  process.exitCode = 1;
});
