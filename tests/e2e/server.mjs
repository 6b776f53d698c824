// Starts the app for the browser tests on a fresh embedded database, and removes that database
// when Playwright stops the server. scripts/start.mjs rebuilds the web app only when needed.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = path.resolve(root, process.env.DATA_DIR ?? '.tmp/e2e');
if (!dataDir.startsWith(path.join(root, '.tmp') + path.sep)) throw new Error(`Refusing to wipe ${dataDir}: it must lie under .tmp/`);

fs.rmSync(dataDir, { recursive: true, force: true });
// PGlite does not create missing parents.
fs.mkdirSync(path.dirname(dataDir), { recursive: true });

const child = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, DATA_DIR: dataDir },
});

const forward = (signal) => () => child.kill(signal);
process.on('SIGINT', forward('SIGINT'));
process.on('SIGTERM', forward('SIGTERM'));
child.on('exit', (code, signal) => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? (signal ? 1 : 0));
});
