import { loadConfig, ConfigError, startupWarnings } from './config.js';
import { openAndMigrate } from './boot.js';
import { buildApp } from './app.js';
import { DataDirLockedError } from './db/lock.js';
import { DatabaseUnavailableError } from './db/errors.js';
import { ensureEnvAdmin } from './features/setup/setup.service.js';
import { countUsers } from './features/users/users.service.js';

async function main() {
  const config = loadConfig();
  const started = performance.now();
  const database = await openAndMigrate(config, (msg) => console.log(msg));
  const app = await buildApp({ config, database });
  for (const warning of startupWarnings(config)) app.log.warn(warning);

  const admin = await ensureEnvAdmin(database.db, app.auth, config.admin);
  if (admin) app.log.info(`Created the first administrator ${admin.email} from ADMIN_EMAIL`);

  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: closing`);
    const timer = setTimeout(() => process.exit(1), 10_000).unref();
    try {
      await app.close();
      await database.close();
    } finally {
      clearTimeout(timer);
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void close('SIGINT'));
  process.on('SIGTERM', () => void close('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const where = database.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL server';
  const users = await countUsers(database.db);
  app.log.info(`Partnerhub is ready on ${config.baseUrl} (${where}), started in ${Math.round(performance.now() - started)} ms`);
  app.log.info(
    users === 0
      ? `No account yet: open ${config.baseUrl} to create the first administrator (or set ADMIN_EMAIL and ADMIN_PASSWORD)`
      : `Sign in at ${config.baseUrl} with your e-mail and password${config.oidc ? ` or ${config.oidc.name}` : ''}`,
  );
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError || e instanceof DataDirLockedError || e instanceof DatabaseUnavailableError) {
    console.error(e.message);
  } else {
    console.error('Partnerhub could not start:', e);
  }
  process.exit(1);
});
