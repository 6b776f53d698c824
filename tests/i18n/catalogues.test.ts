// The catalogues are complete: every key the code names exists in English and German, both
// languages have the same keys with the same placeholders, and the German is Swiss ("ss", not "ß").
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../src/shared/i18n/en/index.js';
import de from '../../src/shared/i18n/de/index.js';
import { WEB_NAMESPACES } from '../../src/shared/i18n/namespaces.js';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of leaves(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}|\$t\(([^)]+)\)/g)].map((m) => m[1] ?? m[2]).sort();
const namespaces = Object.keys(en) as (keyof typeof en)[];
const flat = (lng: Tree, ns: string) => leaves(lng[ns] as Tree);

describe('catalogues', () => {
  it.each(namespaces)('%s: German has every English key, no other, with the same placeholders', (ns) => {
    const english = flat(en as unknown as Tree, ns);
    const german = flat(de as unknown as Tree, ns);
    expect([...german.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of english) {
      expect(placeholders(german.get(key)!), `${ns}:${key}`).toEqual(placeholders(text));
      expect(text.trim(), `${ns}:${key} is empty in English`).not.toBe('');
      expect(german.get(key)!.trim(), `${ns}:${key} is empty in German`).not.toBe('');
    }
  });

  it('lists for the web app every namespace a web feature reads', () => {
    const web = fs.readdirSync(path.resolve(import.meta.dirname, '../../src/web/features'));
    for (const feature of web) if (feature in en) expect(WEB_NAMESPACES, feature).toContain(feature);
    for (const ns of WEB_NAMESPACES) expect(Object.keys(en)).toContain(ns);
  });

  it('writes Swiss German: "ss", never "ß"', () => {
    const offenders = namespaces.flatMap((ns) => [...flat(de as unknown as Tree, ns)].filter(([, v]) => v.includes('ß')).map(([k]) => `${ns}:${k}`));
    expect(offenders).toEqual([]);
  });

  it('has every key the code names, in both languages', () => {
    const root = path.resolve(import.meta.dirname, '../../src');
    const missing: string[] = [];
    let seen = 0;
    const has = (tree: Tree, ns: string, key: string) => {
      const all = flat(tree, ns);
      return all.has(key) || all.has(`${key}_one`) || all.has(`${key}_other`) || (ns === 'validation' && key in (tree.validation as Tree));
    };
    for (const file of sourceFiles(root)) {
      const text = fs.readFileSync(file, 'utf8');
      const ownNs = /useTranslation\(\s*\[?\s*'([\w-]+)'/.exec(text)?.[1] ?? 'common';
      const found: [string, string][] = [];
      // t('ns:key' …), i18n.t('…'), t('key') with the file's namespace; msg('key') is the errors namespace.
      for (const m of text.matchAll(/(?<![\w.])(?:i18n\.)?t\(\s*'([^'$`]+)'/g)) {
        const [ns, key] = m[1]!.includes(':') ? (m[1]!.split(/:(.*)/s) as [string, string]) : [ownNs, m[1]!];
        found.push([ns, key]);
      }
      for (const m of text.matchAll(/i18nKey="([^"]+)"/g)) found.push(m[1]!.includes(':') ? (m[1]!.split(/:(.*)/s) as [string, string]) : [ownNs, m[1]!]);
      for (const m of text.matchAll(/\bmsg\(\s*'([^'$`]+)'/g)) found.push(['errors', m[1]!]);
      for (const [ns, key] of found) {
        seen++;
        if (!(ns in en)) missing.push(`${path.relative(root, file)}: unknown namespace ${ns}:${key}`);
        else {
          if (!has(en as unknown as Tree, ns, key)) missing.push(`${path.relative(root, file)}: ${ns}:${key} (English)`);
          if (!has(de as unknown as Tree, ns, key)) missing.push(`${path.relative(root, file)}: ${ns}:${key} (German)`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(seen).toBeGreaterThan(20);
  });
});

describe('field messages', () => {
  it('has German for every message the shared schemas word themselves', () => {
    const root = path.resolve(import.meta.dirname, '../../src/shared');
    const missing = new Set<string>();
    for (const file of sourceFiles(root)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/'((?:is|must|needs|give|choose|has) [^'$]*)'/g)) if (!(m[1]! in de.validation)) missing.add(m[1]!);
    }
    expect([...missing]).toEqual([]);
  });
});

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'i18n' || !full.includes(`shared${path.sep}i18n`)) yield* sourceFiles(full);
    } else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) yield full;
  }
}
