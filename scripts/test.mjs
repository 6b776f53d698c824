// `npm test`: the whole suite. API tests on the embedded database; again on PostgreSQL when
// TEST_DATABASE_URL is set; browser tests when Chromium is found (in CI it must be).
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ci = ['true', '1'].includes(String(process.env.CI).toLowerCase());
const args = process.argv.slice(2);
const results = [];

function run(label, cmd, cmdArgs, env = {}) {
  console.log(`\n=== ${label} ===`);
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  results.push({ label, ok: r.status === 0 });
  return r.status === 0;
}

const node = process.execPath;
const bin = (p) => path.join(root, 'node_modules', p);

run('API and unit tests on the embedded database (PGlite)', node, [bin('vitest/vitest.mjs'), 'run', ...args], { TEST_BACKEND: 'pglite' });

if (process.env.TEST_DATABASE_URL) {
  run('API and unit tests on PostgreSQL', node, [bin('vitest/vitest.mjs'), 'run', ...args], { TEST_BACKEND: 'postgres' });
} else if (ci) {
  console.error('CI needs TEST_DATABASE_URL: the suite must run on PostgreSQL too.');
  results.push({ label: 'PostgreSQL tests (TEST_DATABASE_URL missing)', ok: false });
} else {
  console.log('\nTEST_DATABASE_URL is not set: skipping the PostgreSQL run.');
}

const chromium = process.env.CHROMIUM_PATH || ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));
if (chromium) {
  if (run('Build the web app', node, [bin('vite/bin/vite.js'), 'build', '--logLevel', 'warn'])) {
    run('Browser tests (Playwright, Chromium)', node, [bin('@playwright/test/cli.js'), 'test'], { CHROMIUM_PATH: chromium });
  }
} else if (ci) {
  console.error('CI needs Chromium for the browser tests (apt-get install chromium).');
  results.push({ label: 'Browser tests (Chromium missing)', ok: false });
} else {
  console.log('\nChromium not found: skipping the browser tests (install Debian\'s chromium to run them).');
}

console.log('\n=== Summary ===');
for (const r of results) console.log(`${r.ok ? 'passed' : 'FAILED'}  ${r.label}`);
const failed = results.filter((r) => !r.ok).length;
console.log(`stages: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
