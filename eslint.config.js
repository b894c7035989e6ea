// Lint, including the layering rule of the architecture: each folder may import only what its
// layer allows (an allow-list per layer). test/layering proves the rule fires.
import { posix } from 'node:path';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const electronOnly = [
  {
    name: 'electron',
    message: 'Only src-main/app, src-main/index.ts and the preload may import electron.',
  },
  { name: 'electron-store', message: 'Only src-main/app may use electron-store.' },
];
const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'child_process',
  'http',
  'https',
  'net',
  'crypto',
  'url',
  'stream',
];

/**
 * Layers, innermost first, as allow-lists (in the manner of VS Code's code-layering rule): a layer
 * names the layers it may import (`allow`), and any other import of the project's own code, by a
 * relative path or a `#` alias, is refused. A layer with a `door` is entered only through it: the
 * core through core/index.ts, the simulator through sim/index.ts, the session through
 * session/index.ts. A layer with an `alias` (package.json "imports") is imported by it alone,
 * never by a relative path. `paths` and `forbid` refuse packages (Electron, Node built-ins) where
 * the layer must run without them.
 */
export const layers = [
  {
    name: 'contract',
    root: 'src-shared/contract',
    alias: '#contract',
    allow: [],
    why: 'The contract is shared by every layer and depends on nothing but zod.',
    paths: electronOnly,
    forbid: [
      { regex: '^node:', message: 'The contract is shared with the renderer: no Node built-ins.' },
    ],
  },
  {
    name: 'channel',
    root: 'src-shared/channel',
    alias: '#channel',
    allow: ['contract'],
    why: 'The channel (invoke and on, the one emitter, the gate) is carried by every process and knows only the contract.',
    paths: electronOnly,
    forbid: [
      { regex: '^node:', message: 'The channel is shared with the renderer: no Node built-ins.' },
    ],
  },
  {
    name: 'core',
    root: 'src-main/core',
    door: 'index',
    // The channel gives the core its emitter and the one map of its command handlers.
    allow: ['contract', 'channel', 'package.json'],
    why: 'The core never depends on the shells, the session, the CLI or the simulator.',
    paths: electronOnly,
  },
  {
    name: 'sim',
    root: 'src-main/sim',
    door: 'index',
    allow: ['contract'],
    why: 'The simulator stands alone, like Envoke.',
    paths: electronOnly,
  },
  {
    name: 'shell-kit',
    root: 'src-main/shell-kit',
    allow: ['contract', 'core'],
    why: 'The parts the shells and the CLI are built from (CSP, renderer files, database files and keys, credentials, preferences, log redaction, export files, starting over) stand below the session and every shell.',
    paths: electronOnly,
  },
  {
    name: 'session',
    root: 'src-main/session',
    door: 'index',
    allow: ['contract', 'channel', 'core', 'sim', 'shell-kit'],
    why: 'The session (where the core runs, and switching it) serves both shells, and depends on neither.',
    paths: electronOnly,
  },
  {
    name: 'browser-host',
    root: 'src-main/browser-host',
    allow: ['contract', 'channel', 'core', 'shell-kit', 'session', 'package.json'],
    why: 'The browser host runs without Electron.',
    paths: electronOnly,
  },
  {
    name: 'cli',
    root: 'src-main/cli',
    allow: ['contract', 'channel', 'core', 'shell-kit'],
    why: 'The CLI holds its core itself: it runs without Electron, the browser host or the session.',
    paths: electronOnly,
  },
  {
    name: 'app',
    root: 'src-main/app',
    // The composition root belongs to the Electron shell.
    alsoFiles: ['src-main/index.ts'],
    allow: ['contract', 'channel', 'core', 'shell-kit', 'session', 'package.json'],
    why: 'The Electron shell never depends on the browser host, and reaches the renderer only through IPC.',
    paths: [],
  },
  {
    name: 'preload',
    root: 'src-preload',
    allow: ['contract', 'channel'],
    why: 'The preload hands the page the channel over IPC, and nothing of the main side.',
    paths: [],
  },
  {
    name: 'renderer',
    root: 'src-renderer',
    extensions: '{ts,tsx}',
    allow: ['contract', 'channel'],
    why: 'The renderer talks to the core only through the contract and its client end of the channel.',
    paths: [
      ...electronOnly,
      ...nodeBuiltins.map((name) => ({ name, message: 'The renderer has no Node.' })),
    ],
    forbid: [
      { regex: '^node:', message: 'The renderer has no Node: ask the core through the client.' },
      { regex: '^better-sqlite3$', message: 'The renderer reaches data only through the client.' },
    ],
    // One way to the core: the controller decides what is asked and paints the answers, so a
    // change is read once. Components, the store, the keymap and the rest never call the bridge.
    inner: {
      folders: ['controller', 'bridge'],
      forbid: {
        regex: '(^|/)bridge(/|$)',
        message: 'Outside controller/, the renderer calls the core through controller/, never the bridge.',
      },
    },
  },
];

/** Outside its folder, a layer with an alias (`#contract`) is imported by it, never by a path. */
const byAlias = (layer) =>
  layers
    .filter((target) => target.alias !== undefined && target !== layer)
    .map((target) => ({
      regex: `(^|/)${escapeRegex(target.root)}(/|$)`,
      message: `Import the ${target.name} as ${target.alias} (package.json "imports"), not by a relative path.`,
    }));

/** Folders below a layer's root that lint covers; a file deeper than this is not layered. */
const MAX_DEPTH = 8;
const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The import sources a file `depth` folders below its layer's root may use, as regex
 * alternatives. ESLint matches the source as written, so each allowed place is spelt as the
 * relative path from that depth (computed from a stand-in folder of that depth).
 */
function allowedSources(layer, fromDir, depth) {
  const relativeTo = (target) => {
    const path = posix.relative(fromDir, target);
    return escapeRegex(path.startsWith('..') ? path : `./${path}`);
  };
  const inside = fromDir === layer.root || fromDir.startsWith(`${layer.root}/`);
  const own = inside
    ? [
        '\\./(?!\\.\\.)',
        ...(depth > 0
          ? [`(\\.\\./){1,${depth}}(?!\\.\\.)`, `(\\.\\./){0,${depth - 1}}\\.\\.$`]
          : []),
      ]
    : [`${relativeTo(layer.root)}(/|$)`];
  const others = layer.allow.map((name) => {
    if (name === 'package.json') return `${relativeTo('package.json')}$`;
    const target = layers.find((candidate) => candidate.name === name);
    if (target.alias) return `${escapeRegex(target.alias)}(/[\\w-]+)?$`;
    return target.door
      ? `${relativeTo(target.root)}(/${target.door})?$`
      : `${relativeTo(target.root)}(/|$)`;
  });
  return [...own, ...others];
}

const describeAllowed = (layer) => {
  const names = layer.allow.map((name) => {
    const target = layers.find((candidate) => candidate.name === name);
    if (target?.alias) return target.alias;
    return target?.door ? `${name} (through ${name}/${target.door}.ts alone)` : name;
  });
  return names.length === 0 ? 'nothing of the project' : names.join(', ');
};

/** One lint block per folder depth of each layer (and its extra files), with its allow-list. */
function layerBlocks(layer) {
  const extension = layer.extensions ?? 'ts';
  const places = [
    ...Array.from({ length: MAX_DEPTH + 1 }, (_, depth) => ({
      files: [`${layer.root}/${'*/'.repeat(depth)}*.${extension}`],
      fromDir: [layer.root, ...Array(depth).fill('_')].join('/'),
      depth,
    })),
    ...(layer.alsoFiles ?? []).map((file) => ({
      files: [file],
      fromDir: posix.dirname(file),
      depth: 0,
    })),
  ];
  // A layer's `inner` rule: its files outside `inner.folders` may not import what it forbids
  // (the second block of a place wins for the files it matches).
  const block = ({ files, fromDir, depth }, extra) => ({
    files,
    ...(extra ? { ignores: layer.inner.folders.map((folder) => `${layer.root}/${folder}/**`) } : {}),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: layer.paths,
          patterns: [
            ...byAlias(layer),
            ...(layer.forbid ?? []),
            ...(extra ? [extra] : []),
            {
              // Any import of the project's own code (relative, absolute or a # alias) not allowed.
              regex: `^(?=[./#])(?!(${allowedSources(layer, fromDir, depth).join('|')}))`,
              message: `Outside its own files, ${layer.name} may import only ${describeAllowed(layer)}. ${layer.why}`,
            },
          ],
        },
      ],
    },
  });
  return places.flatMap((place) => (layer.inner ? [block(place), block(place, layer.inner.forbid)] : [block(place)]));
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.bench/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}', 'test/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  ...layers.flatMap(layerBlocks),
);
