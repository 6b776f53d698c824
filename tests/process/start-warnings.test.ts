// The warnings an operator sees in the log when Partnerhub starts with a risky setting: the real
// server as `npm start` runs it. (Which settings warn is tested on startupWarnings in config.test.ts.)
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, tempDir, type ServerProcess } from './helpers.js';

const workDir = tempDir('start-warnings');
let server: ServerProcess | undefined;

afterAll(async () => {
  await server?.stop();
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe('start-up warnings', () => {
  it('warns in the log that cookies travel unencrypted when BASE_URL is http on a LAN host', async () => {
    server = await startServer({ DATA_DIR: path.join(workDir, 'data'), BASE_URL: 'http://partnerhub.lan:3000' }, 120_000);
    const lines = server
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { level: number; msg: string });
    const warnings = lines.filter((l) => l.level === 40 && l.msg.includes('http://partnerhub.lan:3000'));
    expect(warnings, server.output()).toHaveLength(1);
    expect(warnings[0]!.msg).toMatch(/unencrypted/);
    expect(warnings[0]!.msg).toMatch(/https/);
  }, 150_000);
});
