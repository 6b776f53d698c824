// `npm test`: the whole suite. API tests on the embedded database; again on PostgreSQL when
// TEST_DATABASE_URL is set; browser tests when Chromium is found (in CI it must be).
//
// The stages run in two lanes side by side: the API tests (embedded, then PostgreSQL) in one, the
// web build and the browser tests in the other. The lanes share nothing (each vitest run has its
// own template database, the browser tests their own server and data directory). The API lane runs
// at a lower CPU priority (nice 10): it wants throughput and takes whatever CPU is left, while the
// browser lane's steps wait on timeouts and must get a core when they need one (at equal priority
// two 90-second browser tests timed out beside vitest on two cores). While both lanes run, every
// output line is prefixed with its stage; TEST_SERIAL=1 runs the stages one after another with
// their output as is.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { stripVTControlCharacters } from 'node:util';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const truthy = (v) => ['true', '1', 'yes'].includes(String(v).toLowerCase());
const ci = truthy(process.env.CI);
const serial = truthy(process.env.TEST_SERIAL);
const args = process.argv.slice(2);
const results = [];
const started = performance.now();
// Each stage's machine-readable report, so the summary (the end of a long log, often all a CI page
// keeps) names the tests that failed.
const reports = path.join(root, '.tmp', 'test-reports');
fs.rmSync(reports, { recursive: true, force: true });
fs.mkdirSync(reports, { recursive: true });
const vitestReport = (tag) => ['--reporter=default', '--reporter=json', `--outputFile.json=${path.join(reports, `${tag}.json`)}`];

/** The failed tests' names in a vitest or Playwright JSON report (empty when it is missing). */
function failedTests(tag) {
  const file = path.join(reports, `${tag}.json`);
  if (!fs.existsSync(file)) return [];
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  const failed = [];
  // vitest: testResults[].assertionResults[]; a file that failed to load has no assertions but a message.
  for (const f of report.testResults ?? []) {
    const rel = path.relative(root, f.name);
    const bad = (f.assertionResults ?? []).filter((a) => a.status === 'failed');
    for (const a of bad) failed.push(`${rel} › ${a.fullName ?? a.title}: ${firstLine(a.failureMessages?.[0])}`);
    if (!bad.length && f.status === 'failed') failed.push(`${rel}: ${firstLine(f.message)}`);
  }
  // Playwright: a file's suite holds its specs and its describe blocks' suites; a spec's tests carry their results.
  const walk = (suite, trail) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status === 'unexpected' || t.status === 'flaky') {
          const err = t.results?.find((r) => r.error)?.error?.message;
          failed.push(`${spec.file}:${spec.line} › ${[...trail, spec.title].join(' › ')}: ${firstLine(err)}`);
        }
      }
    }
    for (const s of suite.suites ?? []) walk(s, [...trail, s.title]);
  };
  for (const s of report.suites ?? []) walk(s, []);
  for (const e of report.errors ?? []) failed.push(`(outside a test): ${firstLine(e.message)}`);
  return failed;
}

function firstLine(text) {
  // Without colours, and short enough to read in a summary. A property test's (fast-check) first line
  // only says it failed: its seed, counterexample and cause follow on lines of their own.
  const lines = stripVTControlCharacters(String(text ?? ''))
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const more = /Property failed/.test(lines[0] ?? '') ? lines.filter((l) => /^(\{ seed:|Counterexample:|Caused by:)/.test(l)) : [];
  return [lines[0] ?? '', ...more].map((l) => l.slice(0, 240)).join(' | ');
}

const node = process.execPath;
const bin = (p) => path.join(root, 'node_modules', p);
const seconds = (ms) => `${(ms / 1000).toFixed(0)} s`;
const clock = (ms) => `${Math.floor(ms / 60_000)}:${String(Math.round((ms % 60_000) / 1000)).padStart(2, '0')}`;

/**
 * Runs one stage; resolves to whether it passed. Its output is prefixed while another stage runs
 * too; `background` lowers its CPU priority (its child processes inherit it).
 */
function run(tag, label, cmd, cmdArgs, env = {}, { background = false } = {}) {
  const at = performance.now();
  console.log(`\n=== ${label} (${tag}, at ${clock(at - started)}) ===`);
  // Listed in the order the stages started, whichever ends first.
  const result = { tag, label, ok: false, ms: 0 };
  results.push(result);
  const prefixed = !serial;
  const child = spawn(cmd, cmdArgs, {
    cwd: root,
    stdio: prefixed ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    // Colours survive the pipe when the terminal has them.
    env: { ...process.env, ...(prefixed && process.stdout.isTTY ? { FORCE_COLOR: '1' } : {}), ...env },
  });
  if (background && !serial && child.pid) {
    try {
      os.setPriority(child.pid, 10);
    } catch {
      // Not allowed here: the stage still runs, only at the same priority.
    }
  }
  if (prefixed) {
    for (const [stream, out] of [
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ]) {
      readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => out.write(`[${tag}] ${line}\n`));
    }
  }
  return new Promise((resolve) => {
    let done = false;
    const finish = (ok) => {
      if (done) return;
      done = true;
      result.ok = ok;
      result.ms = performance.now() - at;
      console.log(`\n=== ${ok ? 'passed' : 'FAILED'}: ${label} in ${seconds(result.ms)} ===`);
      resolve(ok);
    };
    child.on('error', (e) => {
      console.error(`[${tag}] could not start: ${e.message}`);
      finish(false);
    });
    child.on('close', (code) => finish(code === 0));
  });
}

function fail(label, message) {
  console.error(message);
  results.push({ label, ok: false, ms: 0 });
}

async function apiLane() {
  const background = { background: true };
  await run(
    'pglite',
    'API and unit tests on the embedded database (PGlite)',
    node,
    [bin('vitest/vitest.mjs'), 'run', ...vitestReport('pglite'), ...args],
    { TEST_BACKEND: 'pglite' },
    background,
  );
  if (process.env.TEST_DATABASE_URL) {
    await run(
      'postgres',
      'API and unit tests on PostgreSQL',
      node,
      [bin('vitest/vitest.mjs'), 'run', ...vitestReport('postgres'), ...args],
      { TEST_BACKEND: 'postgres' },
      background,
    );
  } else if (ci) {
    fail('PostgreSQL tests (TEST_DATABASE_URL missing)', 'CI needs TEST_DATABASE_URL: the suite must run on PostgreSQL too.');
  } else {
    console.log('\nTEST_DATABASE_URL is not set: skipping the PostgreSQL run.');
  }
}

async function browserLane() {
  const chromium = process.env.CHROMIUM_PATH || ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));
  if (chromium) {
    if (await run('build', 'Build the web app', node, [bin('vite/bin/vite.js'), 'build', '--logLevel', 'warn'])) {
      await run('browser', 'Browser tests (Playwright, Chromium)', node, [bin('@playwright/test/cli.js'), 'test'], {
        CHROMIUM_PATH: chromium,
        PLAYWRIGHT_JSON_OUTPUT_FILE: path.join(reports, 'browser.json'),
      });
    }
  } else if (ci) {
    fail('Browser tests (Chromium missing)', 'CI needs Chromium for the browser tests (apt-get install chromium).');
  } else {
    console.log("\nChromium not found: skipping the browser tests (install Debian's chromium to run them).");
  }
}

if (serial) {
  await apiLane();
  await browserLane();
} else {
  await Promise.all([apiLane(), browserLane()]);
}

console.log('\n=== Summary ===');
for (const r of results) {
  console.log(`${r.ok ? 'passed' : 'FAILED'}  ${r.label}${r.ms ? ` (${seconds(r.ms)})` : ''}`);
  if (!r.ok && r.tag) {
    const names = failedTests(r.tag);
    for (const n of names.slice(0, 30)) console.log(`        ✗ ${n}`);
    if (names.length > 30) console.log(`        … and ${names.length - 30} more`);
  }
}
const failed = results.filter((r) => !r.ok).length;
console.log(`wall time: ${seconds(performance.now() - started)}${serial ? ' (stages one after another)' : ' (two lanes side by side)'}`);
console.log(`stages: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
