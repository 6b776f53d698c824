import { z } from 'zod';
import path from 'node:path';
import { DOCUMENT_MAX_BYTES_DEFAULT } from '../shared/compliance.js';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    BASE_URL: z.url().optional(),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
    DATABASE_STATEMENT_TIMEOUT_MS: z.coerce
      .number({ error: 'must be a number of milliseconds' })
      .int('must be a whole number of milliseconds')
      .min(0, 'must be 0 (no limit) or more milliseconds')
      .max(86_400_000, 'must be at most 86400000 (one day)')
      .default(30_000),
    AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    ADMIN_EMAIL: z.email().optional(),
    ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').max(128).optional(),
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_NAME: z.string().min(1).max(40).default('Single sign-on'),
    OIDC_AUTO_CREATE_USERS: bool.default(true),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOG_PRETTY: bool.optional(),
    TRUST_PROXY: bool.default(false),
    SIGN_IN_RATE_LIMIT: z.coerce.number().int().min(1).max(10000).default(10),
    SIGN_IN_ACCOUNT_RATE_LIMIT: z.coerce.number().int().min(1).max(100000).default(10),
    API_TOKEN_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000_000).default(600),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/[^/\s]+/, 'must be an smtp:// or smtps:// URL, e.g. smtps://user:password@mail.example.com:465')
      .refine((v) => URL.canParse(v), 'must be an smtp:// or smtps:// URL')
      .optional(),
    MAIL_FROM: z.string().trim().min(3).max(200).default('Partnerhub <partnerhub@localhost>'),
    CHAT_WEBHOOK_URL: z.url().optional(),
    JOBS: z.enum(['on', 'off']).optional(),
    FILES_DIR: z.string().min(1).optional(),
    DOCUMENT_MAX_BYTES: z.coerce
      .number({ error: 'must be a number of bytes' })
      .int('must be a whole number of bytes')
      .min(1024, 'must be at least 1024 bytes (1 KiB)')
      .max(2 * 1024 ** 3, 'must be at most 2147483648 bytes (2 GiB)')
      .default(DOCUMENT_MAX_BYTES_DEFAULT),
    S3_BUCKET: z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a bucket name: 3–63 lower-case letters, digits, dots and hyphens')
      .optional(),
    S3_ENDPOINT: z.url('must be a URL, e.g. https://s3.eu-central-1.amazonaws.com or http://localhost:9000').optional(),
    S3_REGION: z.string().trim().min(1).max(64).default('us-east-1'),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    S3_FORCE_PATH_STYLE: bool.default(false),
  })
  .superRefine((env, ctx) => {
    if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
      ctx.addIssue({
        code: 'custom',
        path: [env.S3_ACCESS_KEY_ID ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID'],
        message: 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together (or leave both out for the default credential chain)',
      });
    }
    if (!env.S3_BUCKET && (env.S3_ENDPOINT || env.S3_ACCESS_KEY_ID || env.S3_SECRET_ACCESS_KEY)) {
      ctx.addIssue({ code: 'custom', path: ['S3_BUCKET'], message: 'is required when other S3_ settings are given' });
    }
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      for (const key of ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const) {
        if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required when single sign-on is configured' });
      }
    }
    if (env.OIDC_ISSUER && env.NODE_ENV === 'production') {
      const u = new URL(env.OIDC_ISSUER);
      if (u.protocol !== 'https:' && !['localhost', '127.0.0.1', '[::1]'].includes(u.hostname)) {
        ctx.addIssue({ code: 'custom', path: ['OIDC_ISSUER'], message: 'must be an https:// URL in production' });
      }
    }
    if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
      ctx.addIssue({ code: 'custom', path: [env.ADMIN_EMAIL ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL'], message: 'ADMIN_EMAIL and ADMIN_PASSWORD go together' });
    }
    if (env.DATABASE_URL && !env.AUTH_SECRET && env.NODE_ENV === 'production') {
      ctx.addIssue({ code: 'custom', path: ['AUTH_SECRET'], message: 'is required in production with DATABASE_URL (several instances must share it)' });
    }
    if (env.CHAT_WEBHOOK_URL) {
      const u = new URL(env.CHAT_WEBHOOK_URL);
      const local = ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
      if (u.protocol !== 'https:' && !(u.protocol === 'http:' && local)) {
        ctx.addIssue({ code: 'custom', path: ['CHAT_WEBHOOK_URL'], message: 'must be an https:// URL (http:// only for localhost)' });
      }
    }
  });

export type Env = z.infer<typeof schema>;

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  baseUrl: string;
  dataDir: string;
  databaseUrl?: string;
  databasePoolSize: number;
  /** PostgreSQL's statement_timeout for the app's connections, in ms (0: none); maintenance lifts it. */
  databaseStatementTimeoutMs: number;
  authSecret?: string;
  admin?: { email: string; password: string };
  oidc?: { issuer: string; clientId: string; clientSecret: string; name: string; autoCreateUsers: boolean };
  logLevel: Env['LOG_LEVEL'];
  logPretty: boolean;
  trustProxy: boolean;
  signInRateLimit: number;
  /** Failed sign-in attempts per e-mail address, from all client addresses together, per 15 minutes. */
  signInAccountRateLimit: number;
  /** Requests per minute per personal API token. */
  apiTokenRateLimit: number;
  /** SMTP server for outgoing mail; without it mail stays in the outbox. Holds a password: never log it (see redactUrl). */
  smtpUrl?: string;
  mailFrom: string;
  chatWebhookUrl?: string;
  /** Run the in-process scheduler (reminders, digests, mail retries). Off by default in tests. */
  jobs: boolean;
  /** Uploaded documents: a local directory, or an S3-compatible bucket when `s3` is set. */
  files: FilesConfig;
}

export interface FilesConfig {
  /** Local storage's root; with S3, only uploads in progress are spooled here. */
  dir: string;
  maxBytes: number;
  /** Holds a secret key: never log it. */
  s3?: { bucket: string; endpoint?: string; region: string; credentials?: { accessKeyId: string; secretAccessKey: string }; forcePathStyle: boolean };
}

export class ConfigError extends Error {}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether the app is reached over https: session cookies are then Secure and __Secure- prefixed. */
export const isHttps = (baseUrl: string) => new URL(baseUrl).protocol === 'https:';

/**
 * Settings that work but put users at risk; main.ts logs each at start. Not errors: a company LAN
 * host without a certificate is a real (if unwise) setup, and refusing it would only hide the risk.
 */
export function startupWarnings(config: Pick<Config, 'baseUrl'>): string[] {
  const url = new URL(config.baseUrl);
  const warnings: string[] = [];
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    warnings.push(
      `BASE_URL ${url.origin} is plain http on a host other than this machine: passwords and session cookies travel unencrypted over the network. Serve Partnerhub over https (for example behind a TLS-terminating proxy) and set BASE_URL to its https:// address.`,
    );
  }
  return warnings;
}

/** Parses the environment; a bad value throws a ConfigError naming the variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${String(i.path[0] ?? '?')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    baseUrl: (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    databaseStatementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
    authSecret: e.AUTH_SECRET,
    admin: e.ADMIN_EMAIL && e.ADMIN_PASSWORD ? { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD } : undefined,
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? { issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET, name: e.OIDC_NAME, autoCreateUsers: e.OIDC_AUTO_CREATE_USERS }
        : undefined,
    logLevel: e.LOG_LEVEL,
    logPretty: e.LOG_PRETTY ?? e.NODE_ENV === 'development',
    trustProxy: e.TRUST_PROXY,
    signInRateLimit: e.SIGN_IN_RATE_LIMIT,
    signInAccountRateLimit: e.SIGN_IN_ACCOUNT_RATE_LIMIT,
    apiTokenRateLimit: e.API_TOKEN_RATE_LIMIT,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    chatWebhookUrl: e.CHAT_WEBHOOK_URL,
    // Tests build many apps; a scheduler in each would send reminders nobody asked for.
    jobs: (e.JOBS ?? (e.NODE_ENV === 'test' ? 'off' : 'on')) === 'on',
    files: {
      dir: path.resolve(e.FILES_DIR ?? path.join(e.DATA_DIR, 'files')),
      maxBytes: e.DOCUMENT_MAX_BYTES,
      s3: e.S3_BUCKET
        ? {
            bucket: e.S3_BUCKET,
            endpoint: e.S3_ENDPOINT,
            region: e.S3_REGION,
            credentials: e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY ? { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY } : undefined,
            forcePathStyle: e.S3_FORCE_PATH_STYLE,
          }
        : undefined,
    },
  };
}
