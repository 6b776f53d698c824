import type { FastifyServerOptions } from 'fastify';
import type { Config } from './config.js';

/** pino options: JSON in production, pretty in development, secrets redacted everywhere. */
export function loggerOptions(config: Pick<Config, 'logLevel' | 'logPretty'>): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.token', '*.secret', 'headers.authorization', 'headers.cookie'],
      censor: '[redacted]',
    },
    ...(config.logPretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' } } } : {}),
  };
}
