import fs from 'node:fs';
import path from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import i18next from 'eslint-plugin-i18next';
import reactHooks from 'eslint-plugin-react-hooks';

// Module boundaries (docs/decisions/0019-module-boundaries.md). Paths are resolved, so a rule holds
// however the import is spelled; the feature lists are read from the folders, so a new feature is
// covered without touching this file.
// The attributes whose text a user reads or hears (labels, placeholders, tooltips, accessible names).
const USER_FACING_ATTRIBUTES = [
  'label',
  'placeholder',
  'title',
  'aria-label',
  'aria-description',
  'aria-valuetext',
  'description',
  'alt',
  'error',
  'tooltip',
  'nothingFoundMessage',
  'confirmLabel',
  'cancelLabel',
  'message',
  'heading',
  'hint',
];
const root = import.meta.dirname;
const featuresIn = (dir) =>
  fs
    .readdirSync(path.join(root, dir), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
// A feature uses another feature only through that feature's index.ts.
const throughIndex = (dir) => {
  const features = featuresIn(dir);
  return features.map((feature) => ({
    target: `${dir}/${feature}`,
    from: features.filter((other) => other !== feature).map((other) => `${dir}/${other}`),
    except: ['./index.ts'],
    message: `A feature uses another feature only through that feature's index.ts (${dir}/<feature>/index.ts): import it from there, and export what you need from it.`,
  }));
};
// No cycle between server features (import-x/no-cycle sees only cycles between files): the feature
// graph is read once from the features' imports (tests left out: they sit above the features).
const featuresRoot = path.join(root, 'src/server/features');
const featureOf = (file) => {
  const rel = path.relative(featuresRoot, file);
  return rel.startsWith('..') || !rel.includes(path.sep) ? null : rel.split(path.sep)[0];
};
const isFeatureCode = (file) => featureOf(file) !== null && !/\.test\.tsx?$/.test(file);
let featureGraph;
const readFeatureGraph = () => {
  const graph = new Map();
  for (const entry of fs.readdirSync(featuresRoot, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (!entry.isFile() || !/\.tsx?$/.test(entry.name) || !isFeatureCode(file)) continue;
    const from = featureOf(file);
    for (const [, spec] of fs.readFileSync(file, 'utf8').matchAll(/(?:from|import\()\s*'(\.[^']*)'/g)) {
      const to = featureOf(path.resolve(entry.parentPath, spec));
      if (to && to !== from) graph.set(from, new Set([...(graph.get(from) ?? []), to]));
    }
  }
  return graph;
};
const pathBetween = (graph, from, to, seen = new Set()) => {
  if (from === to) return [to];
  seen.add(from);
  for (const next of graph.get(from) ?? []) {
    const rest = !seen.has(next) && pathBetween(graph, next, to, seen);
    if (rest) return [from, ...rest];
  }
  return null;
};
const noFeatureCycle = {
  meta: {
    type: 'problem',
    messages: {
      cycle: 'Feature cycle: {{path}}. Move the shared piece into the feature that owns it (or below the features, in lib/), or invert the dependency with a registration hook.',
    },
  },
  create(context) {
    const file = context.physicalFilename;
    if (!isFeatureCode(file)) return {};
    const from = featureOf(file);
    const check = (node) => {
      if (typeof node.source?.value !== 'string' || !node.source.value.startsWith('.')) return;
      const to = featureOf(path.resolve(path.dirname(file), node.source.value));
      if (!to || to === from) return;
      featureGraph ??= readFeatureGraph();
      const back = pathBetween(featureGraph, to, from);
      if (back) context.report({ node: node.source, messageId: 'cycle', data: { path: [from, ...back].join(' → ') } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

const boundaryZones = [
  { target: 'src/shared', from: ['src/server', 'src/web', 'src/cli'], message: 'src/shared is imported by both sides and imports nothing of the app.' },
  { target: 'src/web', from: ['src/server', 'src/cli'], message: 'The web app imports no server code: put what both sides need in src/shared.' },
  {
    target: 'src/server/db',
    from: ['src/server/features', 'src/server/seed'],
    message: 'src/server/db is below the features and imports none: code that needs features (e.g. the demo seeds) lives above them, in src/server/seed.',
  },
  {
    target: 'src/web/components',
    from: 'src/web/features',
    message: 'Shared web components import no feature: pass what they need as props, or move the component into the feature.',
  },
  ...throughIndex('src/server/features'),
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'drizzle/**', 'data/**', '.tmp/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        performance: 'readonly',
        crypto: 'readonly',
        fetch: 'readonly',
        Blob: 'readonly',
        Headers: 'readonly',
        Request: 'readonly',
        Response: 'readonly',
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        localStorage: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name=/^(only|skip)$/]', message: 'No focused or skipped tests.' },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: path.join(root, 'tsconfig.json') })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: boundaryZones }],
    },
  },
  {
    // No import cycles between files (a lazy import() may close one: documents' storage loads its S3
    // driver on demand), and none between features.
    files: ['src/server/**/*.ts'],
    plugins: { local: { rules: { 'no-feature-cycle': noFeatureCycle } } },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true, allowUnsafeDynamicCyclicDependency: true }],
      'local/no-feature-cycle': 'error',
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'import-x/no-nodejs-modules': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['drizzle-orm', 'drizzle-orm/*', 'pg', '@electric-sql/*', 'fastify', 'fastify-*', '@fastify/*'],
              message: 'src/shared runs in the browser too: no database or server libraries.',
            },
            { group: ['react', 'react-dom', 'react-dom/*', '@mantine/*', '@tanstack/*'], message: 'src/shared runs on the server too: no UI libraries.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage'].map((name) => ({ name, message: 'src/shared runs on the server too: no DOM.' })),
        ...['process', 'Buffer'].map((name) => ({ name, message: 'src/shared runs in the browser too: no Node.js globals.' })),
      ],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['drizzle-orm', 'drizzle-orm/*', 'pg', '@electric-sql/*', 'fastify', 'fastify-*', '@fastify/*', 'better-auth/node'],
              message: 'The web app imports no server code.',
            },
          ],
        },
      ],
    },
  },
  // The plugin's recommended rules: the rules of hooks (an error: a hook called conditionally or in a
  // loop breaks React's state), exhaustive dependencies (a warning to read), and the React Compiler
  // rules, which are on: no state set in an effect (a dialog mounts its body only while it is open,
  // so its state starts fresh), no ref read in render, pure renders (no Date.now(): useNow), use-memo.
  {
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.flat.recommended.rules },
  },
  // Every text a user reads comes from the catalogues (issue 12): a JSX text or a user-facing
  // attribute that is a literal fails. Words without letters (punctuation, numbers, symbols) pass.
  {
    files: ['src/web/**/*.tsx'],
    ignores: ['src/web/**/*.test.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': { include: USER_FACING_ATTRIBUTES },
          words: { exclude: ['[^\\p{L}]+', 'Partnerhub'] },
        },
      ],
    },
  },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } } },
);
