import { Command, InvalidArgumentError } from 'commander';
import { ConfigError } from '../server/config.js';
import { DataDirLockedError } from '../server/db/lock.js';
import { DatabaseUnavailableError } from '../server/db/errors.js';
import type { Database } from '../server/db/client.js';
import { AppError } from '../server/lib/errors.js';
import { BackupFileError } from '../server/backup/format.js';
import { ROLES, type Role } from '../shared/roles.js';
import { email as emailSchema, personName } from '../shared/schemas/common.js';
import { password as passwordSchema } from '../shared/schemas/user.js';
import type { Auth } from '../server/auth/better-auth.js';

// The server's heavier modules (better-auth, the services) are imported inside the actions, so a
// command loads only what it uses and a mistyped one fails at once.

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

async function withDb<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const { loadConfig } = await import('../server/config.js');
  const { openAndMigrate } = await import('../server/boot.js');
  const config = loadConfig();
  const database = await openAndMigrate(config, (m) => console.error(m));
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

/** better-auth, for the commands that hash a password with its hasher. */
async function authFor(database: Database): Promise<Auth> {
  const [{ loadConfig }, { createAuth }, { resolveAuthSecret }] = await Promise.all([
    import('../server/config.js'),
    import('../server/auth/better-auth.js'),
    import('../server/lib/secret.js'),
  ]);
  const config = loadConfig();
  const secret = await resolveAuthSecret(database.db, config.authSecret);
  return createAuth({ db: database.db, config, secret });
}

async function requireUser(database: Database, email: string) {
  const { findUserByEmail } = await import('../server/features/users/users.service.js');
  const u = await findUserByEmail(database.db, email);
  if (!u) throw new AppError('not_found', `No user with e-mail ${email}`);
  return u;
}

const program = new Command('partnerhub').description('Partnerhub: partner relationship management').showHelpAfterError();

program
  .command('serve')
  .description('start the server (same as npm start)')
  .action(async () => {
    await import('../server/main.js');
  });

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(() => withDb(async (database) => console.log(`Migrations applied (${database.kind}).`)));

const user = program.command('user').description('manage accounts');
user
  .command('create')
  .requiredOption('--email <email>', 'e-mail address', parseWith(emailSchema, 'e-mail'))
  .requiredOption('--name <name>', 'display name', parseWith(personName, 'name'))
  .option('--role <role>', `one of ${ROLES.join(', ')}`, parseRole, 'member')
  .option('--password <password>', 'initial password (or set PARTNERHUB_PASSWORD)')
  .action(async (o: { email: string; name: string; role: Role; password?: string }) => {
    // Checked before the database is opened: bad input writes nothing.
    const pw = passwordSchema.safeParse(o.password ?? process.env.PARTNERHUB_PASSWORD ?? '');
    if (!pw.success) throw new AppError('validation_failed', `password ${pw.error.issues[0]?.message}`);
    await withDb(async (database) => {
      const { createUser } = await import('../server/features/users/users.service.js');
      const u = await createUser(database.db, await authFor(database), { name: o.name, email: o.email, role: o.role, password: pw.data }, CLI_ACTOR);
      console.log(`Created ${u.role} ${u.email} (${u.id})`);
    });
  });
user
  .command('list')
  .description('accounts by e-mail: e-mail, role, status and name, tab-separated')
  .action(() =>
    withDb(async (database) => {
      const { listUsers } = await import('../server/features/users/users.service.js');
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
      const { updateUser } = await import('../server/features/users/users.service.js');
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
      const { setActive } = await import('../server/features/users/users.service.js');
      const u = await requireUser(database, email);
      await setActive(database.db, u.id, false, u.version, CLI_ACTOR);
      console.log(`${email} is deactivated; their sessions and API tokens have ended`);
    }),
  );

user
  .command('set-password')
  .description('set a new password for someone who forgot theirs (from --password or PARTNERHUB_PASSWORD); their sessions end')
  .argument('<email>', 'e-mail of the account', parseWith(emailSchema, 'e-mail'))
  .option('--password <password>', 'the new password (or set PARTNERHUB_PASSWORD)')
  .action(async (email: string, o: { password?: string }) => {
    const pw = passwordSchema.safeParse(o.password ?? process.env.PARTNERHUB_PASSWORD ?? '');
    if (!pw.success) throw new AppError('validation_failed', `password ${pw.error.issues[0]?.message}`);
    await withDb(async (database) => {
      const { setPassword } = await import('../server/features/users/users.service.js');
      const u = await requireUser(database, email);
      await setPassword(database.db, await authFor(database), u.id, pw.data, CLI_ACTOR);
      console.log(`New password set for ${email}; their sessions have ended`);
    });
  });

program
  .command('seed')
  .description('load data into the database')
  .requiredOption('--demo', 'the demo portfolio: fictional partners, their people, our team and a year of timeline')
  .option('--force', 'add it even though the database already holds partners')
  .action((o: { force?: boolean }) =>
    withDb(async (database) => {
      const { seedDemo } = await import('../server/seed/demo.js');
      const r = await seedDemo(database.db, await authFor(database), { force: o.force });
      console.log(`Demo data loaded: ${r.partners} partners, ${r.contacts} contacts, ${r.activities} timeline entries, ${r.colleagues} colleagues.`);
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
      const { createToken } = await import('../server/features/tokens/tokens.service.js');
      const u = await requireUser(database, o.email);
      if (u.deactivatedAt) throw new AppError('conflict', `${o.email} is deactivated`);
      const t = await createToken(database.db, u.id, { name: o.name, expiresInDays: o.expiresInDays ?? null }, CLI_ACTOR);
      // The only place the secret is ever shown: on stdout, once.
      console.log(t.token);
      console.error(`Token "${t.name}" for ${o.email} created. It is shown only this once; store it safely.`);
    }),
  );

program
  .command('backup')
  .description('write every table and stored document, consistent at one moment, to a file (restore loads it into either backend)')
  .argument('<file>', 'the backup file to write, e.g. partnerhub.jsonl.gz')
  .action(async (file: string) => {
    const { backupToFile } = await import('./backup.js');
    await backupToFile(file);
  });

program
  .command('restore')
  .description('load a backup into an empty database (migrated first), embedded or PostgreSQL (DATABASE_URL)')
  .argument('<file>', 'a file written by partnerhub backup')
  .option('--force', 'replace everything in a database that is not empty')
  .action(async (file: string, o: { force?: boolean }) => {
    const { restoreFromFile } = await import('./backup.js');
    await restoreFromFile(file, { force: o.force });
  });

program.parseAsync(process.argv).catch((e: unknown) => {
  if (e instanceof ConfigError || e instanceof DataDirLockedError || e instanceof DatabaseUnavailableError || e instanceof AppError || e instanceof BackupFileError)
    console.error(e.message);
  else console.error(e);
  process.exitCode = 1;
});
