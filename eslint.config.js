// Lint, including the layering rule of the architecture: each folder may import only what its
// layer allows. test/layering proves the rule fires.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const electronOnly = [
  { name: 'electron', message: 'Only src-main/app, src-main/index.ts and the preload may import electron.' },
  { name: 'electron-store', message: 'Only src-main/app may use electron-store.' },
];
const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'url', 'stream'];

/** Layers, innermost first. `forbid` lists import patterns (regex) the folder must not use. */
export const layers = [
  {
    name: 'contract',
    files: ['src-shared/contract/**/*.ts'],
    paths: electronOnly,
    forbid: [
      { regex: '^node:', message: 'The contract is shared with the renderer: no Node built-ins.' },
      { regex: '(^|/)(src-main|src-renderer|src-preload)(/|$)', message: 'The contract depends on nothing but zod.' },
      { regex: '^\\.\\./(?!contract)', message: 'The contract depends on nothing but zod.' },
    ],
  },
  {
    name: 'core',
    files: ['src-main/core/**/*.ts'],
    paths: electronOnly,
    forbid: [
      { regex: '(^|/)(app|sim|session|browser-host|cli)(/|$)', message: 'The core never depends on the shells, the session, the CLI or the simulator.' },
      { regex: '(^|/)src-renderer(/|$)', message: 'The core never depends on the renderer.' },
    ],
  },
  {
    name: 'sim',
    files: ['src-main/sim/**/*.ts'],
    paths: electronOnly,
    forbid: [{ regex: '(^|/)(app|core|session|browser-host|cli|src-renderer)(/|$)', message: 'The simulator stands alone, like Envoke.' }],
  },
  {
    name: 'session',
    files: ['src-main/session/**/*.ts'],
    paths: electronOnly,
    forbid: [
      { regex: '(^|/)(app|browser-host|cli|src-renderer)(/|$)', message: 'The session serves both shells and depends on neither.' },
    ],
  },
  {
    name: 'browser-host',
    files: ['src-main/browser-host/**/*.ts'],
    paths: electronOnly,
    forbid: [{ regex: '(^|/)(app|cli|src-renderer)(/|$)', message: 'The browser host runs without Electron.' }],
  },
  {
    name: 'cli',
    files: ['src-main/cli/**/*.ts'],
    paths: electronOnly,
    forbid: [{ regex: '(^|/)(app|browser-host|src-renderer)(/|$)', message: 'The CLI runs without Electron or the browser host.' }],
  },
  {
    name: 'app',
    files: ['src-main/app/**/*.ts', 'src-main/index.ts'],
    paths: [],
    forbid: [
      { regex: '(^|/)browser-host(/|$)', message: 'The Electron shell never depends on the browser host.' },
      { regex: '(^|/)src-renderer(/|$)', message: 'The Electron shell reaches the renderer only through IPC.' },
    ],
  },
  {
    name: 'renderer',
    files: ['src-renderer/**/*.{ts,tsx}'],
    paths: [...electronOnly, ...nodeBuiltins.map((name) => ({ name, message: 'The renderer has no Node.' }))],
    forbid: [
      { regex: '^node:', message: 'The renderer has no Node: ask the core through the client.' },
      { regex: '^better-sqlite3$', message: 'The renderer reaches data only through the client.' },
      { regex: '(^|/)src-main(/|$)', message: 'The renderer talks to the core only through the contract and its client.' },
      { regex: '(^|/)src-preload(/|$)', message: 'The renderer reaches the preload only through window.leadTriage.' },
    ],
  },
];

/** Outside its folder, the contract is imported as `#contract`, never by climbing folders. */
const contractByAlias = {
  regex: '(^|/)src-shared/contract(/|$)',
  message: 'Import the contract as #contract (package.json "imports"), not by a relative path.',
};
for (const layer of layers) {
  if (layer.name !== 'contract') layer.forbid.push(contractByAlias);
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
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
  ...layers.map((layer) => ({
    files: layer.files,
    rules: {
      'no-restricted-imports': ['error', { paths: layer.paths, patterns: layer.forbid }],
    },
  })),
);
