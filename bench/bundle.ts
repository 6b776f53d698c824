// The web app's first load: the JavaScript a browser fetches for a page, gzip-compressed, from the
// built chunks (`dist/web`, Vite's manifest). A page loads the entry chunk and what it imports
// statically, then its own lazy chunk and what that imports. Goal: sign-in and Home < 250 kB each.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { log, root } from './lib.js';

const fmt = (kb: number) => kb.toFixed(1);

interface Chunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

const GOAL_KB = 250;
const dist = path.join(root, 'dist/web');
const SHELL = 'src/web/shell/AppLayout.tsx';
/** A page and the lazy chunks it needs: signed-in pages load the shell (navigation, palette) too. */
const PAGES: [string, string[]][] = [
  ['sign-in', ['src/web/features/session/SignInPage.tsx']],
  ['Home', [SHELL, 'src/web/features/home/HomePage.tsx']],
  ['partner list', [SHELL, 'src/web/features/partners/PartnersPage.tsx']],
  ['partner 360', [SHELL, 'src/web/features/partners/PartnerPage.tsx']],
];

export function benchBundle(): string[] {
  log('building the web app…');
  const built = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  const manifestPath = path.join(dist, '.vite/manifest.json');
  if (built.status !== 0 || !fs.existsSync(manifestPath)) return [`The web app did not build with its manifest (${manifestPath}).`];
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Record<string, Chunk>;
  const gz = new Map<string, number>();
  const gzipKb = (file: string) => {
    let n = gz.get(file);
    if (n === undefined) gz.set(file, (n = zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length / 1024));
    return n;
  };
  // The chunks a key loads before it runs: itself and its static imports, transitively.
  const closure = (key: string, into = new Set<string>()): Set<string> => {
    if (into.has(key) || !manifest[key]) return into;
    into.add(key);
    for (const i of manifest[key]!.imports ?? []) closure(i, into);
    return into;
  };
  const entryKey = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
  const entry = closure(entryKey);
  const kb = (keys: Iterable<string>) => [...keys].filter((k) => manifest[k]!.file.endsWith('.js')).reduce((sum, k) => sum + gzipKb(manifest[k]!.file), 0);

  const lines = ['| page | JavaScript, gzip kB (entry + page) | goal |', '| --- | ---: | --- |'];
  lines.push(`| every page: the entry and its imports (${entry.size} chunks) | ${fmt(kb(entry))} | — |`);
  for (const [name, srcs] of PAGES) {
    const missing = srcs.filter((src) => !manifest[src]);
    if (missing.length) {
      lines.push(`| ${name} | not a chunk of its own (${missing.join(', ')}) | — |`);
      continue;
    }
    const loaded = new Set(entry);
    for (const src of srcs) closure(src, loaded);
    const total = kb(loaded);
    const goal = name === 'sign-in' || name === 'Home' ? `${total < GOAL_KB ? 'goal met' : 'goal missed'} (< ${GOAL_KB} kB)` : '—';
    lines.push(`| ${name} | ${fmt(total)} | ${goal} |`);
  }
  const all = Object.values(manifest).filter((c) => c.file.endsWith('.js'));
  const largest = [...all].sort((a, b) => gzipKb(b.file) - gzipKb(a.file)).slice(0, 6);
  lines.push('', `Largest of the ${all.length} chunks (gzip kB): ${largest.map((c) => `${path.basename(c.file)} ${fmt(gzipKb(c.file))}`).join(', ')}.`);
  return lines;
}
