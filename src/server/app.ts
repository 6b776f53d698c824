import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { createAuth, sessionCookieName } from './auth/better-auth.js';
import { resolveAuthSecret } from './lib/secret.js';
import errorsPlugin, { frameworkErrors } from './plugins/errors.js';
import securityPlugin from './plugins/security.js';
import openapiPlugin from './plugins/openapi.js';
import authPlugin from './plugins/auth.js';
import webPlugin from './plugins/web.js';
import { loggerOptions } from './logger.js';
import { registerFeatures } from './features/index.js';
import jobsPlugin from './jobs/plugin.js';

export interface AppDeps {
  config: Config;
  database: Database;
  /** Serve the built web app (off in API tests); a string serves that folder instead of dist/web. */
  web?: boolean | string;
  logger?: boolean;
}

/** Builds the whole app without listening; main.ts and the tests build the same thing. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const { db } = database;
  const app = Fastify({
    logger: deps.logger === false ? false : loggerOptions(config),
    // Fastify's two lines per request are replaced by the one below.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: config.trustProxy,
    bodyLimit: 1_048_576 * 2,
    routerOptions: { maxParamLength: 200 },
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // One line per request, after the response, without query strings (they may carry secrets).
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? request.url.split('?')[0],
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
        user: request.actor?.id,
      },
      'request',
    );
  });

  const secret = await resolveAuthSecret(db, config.authSecret);
  const auth = createAuth({ db, config, secret });

  await app.register(errorsPlugin);
  await app.register(securityPlugin, { https: config.baseUrl.startsWith('https:') });
  await app.register(authPlugin, { auth, db, secret, tokenRateLimit: config.apiTokenRateLimit });
  await app.register(openapiPlugin, { sessionCookie: sessionCookieName(config) });

  await registerFeatures(app, { config, database, secret });
  await app.register(jobsPlugin, { config, database, secret });

  if (deps.web !== false) await app.register(webPlugin, { root: typeof deps.web === 'string' ? deps.web : undefined });
  return app;
}
