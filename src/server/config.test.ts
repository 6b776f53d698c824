import { describe, expect, it } from 'vitest';
import { loadConfig, startupWarnings } from './config.js';

describe('configuration', () => {
  it('has working defaults for a local start', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, baseUrl: 'http://localhost:3000', databaseUrl: undefined });
    expect(c.dataDir.endsWith('/data')).toBe(true);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ ADMIN_EMAIL: 'not-an-email', ADMIN_PASSWORD: 'long enough password' }, 'ADMIN_EMAIL'],
    [{ ADMIN_EMAIL: 'a@example.com' }, 'ADMIN_PASSWORD'],
    [{ ADMIN_EMAIL: 'a@example.com', ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD'],
    [{ OIDC_ISSUER: 'https://login.example.com' }, 'OIDC_CLIENT_ID'],
    [{ NODE_ENV: 'production', OIDC_ISSUER: 'http://login.example.com', OIDC_CLIENT_ID: 'x', OIDC_CLIENT_SECRET: 'y', AUTH_SECRET: 'x'.repeat(32) }, 'OIDC_ISSUER'],
    [{ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/x' }, 'AUTH_SECRET'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ OIDC_AUTO_CREATE_USERS: 'maybe' }, 'OIDC_AUTO_CREATE_USERS'],
  ])('a bad value stops the start naming the variable: %j', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration:[\\s\\S]*\\b${variable}:`));
  });
});

describe('document storage configuration', () => {
  it('stores files under DATA_DIR/files with the 25 MiB limit and no S3 by default', () => {
    const c = loadConfig({ DATA_DIR: '/srv/partnerhub' });
    expect(c.files).toEqual({ dir: '/srv/partnerhub/files', maxBytes: 25 * 1024 * 1024, s3: undefined });
  });

  it('reads FILES_DIR, DOCUMENT_MAX_BYTES and an S3 bucket with its settings', () => {
    const c = loadConfig({
      FILES_DIR: '/mnt/files',
      DOCUMENT_MAX_BYTES: '1048576',
      S3_BUCKET: 'partnerhub-docs',
      S3_ENDPOINT: 'http://localhost:9000',
      S3_REGION: 'eu-central-2',
      S3_ACCESS_KEY_ID: 'key',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_FORCE_PATH_STYLE: 'true',
    });
    expect(c.files).toEqual({
      dir: '/mnt/files',
      maxBytes: 1_048_576,
      s3: {
        bucket: 'partnerhub-docs',
        endpoint: 'http://localhost:9000',
        region: 'eu-central-2',
        credentials: { accessKeyId: 'key', secretAccessKey: 'secret' },
        forcePathStyle: true,
      },
    });
    // Without keys the SDK's default chain (environment, instance role) applies.
    expect(loadConfig({ S3_BUCKET: 'docs-bucket' }).files.s3).toEqual({
      bucket: 'docs-bucket',
      endpoint: undefined,
      region: 'us-east-1',
      credentials: undefined,
      forcePathStyle: false,
    });
  });

  it.each([
    [{ DOCUMENT_MAX_BYTES: '1023' }, 'DOCUMENT_MAX_BYTES'],
    [{ DOCUMENT_MAX_BYTES: String(2 * 1024 ** 3 + 1) }, 'DOCUMENT_MAX_BYTES'],
    [{ DOCUMENT_MAX_BYTES: '25MB' }, 'DOCUMENT_MAX_BYTES'],
    [{ S3_BUCKET: 'ab' }, 'S3_BUCKET'],
    [{ S3_BUCKET: 'Not_A_Bucket' }, 'S3_BUCKET'],
    [{ S3_BUCKET: 'docs', S3_ENDPOINT: 'not a url' }, 'S3_ENDPOINT'],
    [{ S3_BUCKET: 'docs', S3_ACCESS_KEY_ID: 'key' }, 'S3_SECRET_ACCESS_KEY'],
    [{ S3_BUCKET: 'docs', S3_SECRET_ACCESS_KEY: 'secret' }, 'S3_ACCESS_KEY_ID'],
    [{ S3_ENDPOINT: 'http://localhost:9000' }, 'S3_BUCKET'],
    [{ S3_BUCKET: 'docs', S3_FORCE_PATH_STYLE: 'sometimes' }, 'S3_FORCE_PATH_STYLE'],
  ])('a bad document storage value stops the start naming the variable: %j', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration:[\\s\\S]*\\b${variable}:`));
  });

  it('never puts the S3 secret in its error messages', () => {
    expect(() => loadConfig({ S3_SECRET_ACCESS_KEY: 'very-secret-value' })).toThrow(/S3_ACCESS_KEY_ID/);
    try {
      loadConfig({ S3_SECRET_ACCESS_KEY: 'very-secret-value' });
    } catch (e) {
      expect(String(e)).not.toContain('very-secret-value');
    }
  });
});

describe('start-up warnings', () => {
  it('warns that cookies travel unencrypted when BASE_URL is http on a network host', () => {
    const [warning, ...more] = startupWarnings(loadConfig({ BASE_URL: 'http://partnerhub.lan:3000' }));
    expect(more).toEqual([]);
    expect(warning).toContain('http://partnerhub.lan:3000');
    expect(warning).toMatch(/unencrypted/);
    expect(warning).toMatch(/https/);
  });

  it.each(['http://localhost:3000', 'http://127.0.0.1:8080', 'http://[::1]:3000', 'https://partnerhub.example.com', 'https://partnerhub.lan'])('stays quiet for %s', (BASE_URL) => {
    expect(startupWarnings(loadConfig({ BASE_URL }))).toEqual([]);
  });

  it('never repeats credentials written into BASE_URL', () => {
    const [warning] = startupWarnings(loadConfig({ BASE_URL: 'http://admin:hunter2@partnerhub.lan' }));
    expect(warning).toBeDefined();
    expect(warning).not.toContain('hunter2');
  });
});
