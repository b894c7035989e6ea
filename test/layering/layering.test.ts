// Proves the layering rule of the architecture is live: each forbidden import is reported by
// ESLint for the folder it is forbidden in, and allowed imports pass.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function importErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('layering rule', () => {
  it.each([
    ['src-main/core/sync/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['src-main/core/sync/x.ts', "import Store from 'electron-store';\nexport const s = Store;"],
    ['src-main/core/sync/x.ts', "import { w } from '../../app/window';\nexport const a = w;"],
    ['src-main/core/x.ts', "import { s } from '../sim';\nexport const a = s;"],
    ['src-main/sim/x.ts', "import { c } from '../core/create-core';\nexport const a = c;"],
    ['src-main/session/x.ts', "import { w } from '../app/window';\nexport const a = w;"],
    [
      'src-main/session/x.ts',
      "import { h } from '../browser-host/browser-host';\nexport const a = h;",
    ],
    ['src-main/browser-host/x.ts', "import { w } from '../app/window';\nexport const a = w;"],
    ['src-main/cli/x.ts', "import { h } from '../browser-host/browser-host';\nexport const a = h;"],
    ['src-main/app/x.ts', "import { h } from '../browser-host/browser-host';\nexport const a = h;"],
    ['src-main/index.ts', "import { h } from './browser-host/http/guard';\nexport const a = h;"],
    ['src-main/core/x.ts', "import { g } from '../session/command-gate';\nexport const a = g;"],
    ['src-main/core/x.ts', "import { c } from '../../src-shared/contract';\nexport const a = c;"],
    [
      'src-renderer/x.ts',
      "import { commands } from '../src-shared/contract';\nexport const a = commands;",
    ],
    [
      'src-renderer/x.ts',
      "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;",
    ],
    ['src-renderer/x.ts', "import { join } from 'path';\nexport const a = join;"],
    ['src-renderer/x.ts', "import Database from 'better-sqlite3';\nexport const a = Database;"],
    ['src-renderer/x.ts', "import { c } from '../src-main/core/create-core';\nexport const a = c;"],
    ['src-renderer/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;"],
    [
      'src-shared/contract/x.ts',
      "import { c } from '../../src-main/core/api';\nexport const a = c;",
    ],
  ])('%s may not run %s', async (file, source) => {
    expect(await importErrors(file, source)).not.toEqual([]);
  });

  it.each([
    [
      'src-main/core/x.ts',
      "import { z } from 'zod';\nimport { TRIAGE_FIELDS } from '#contract/lead';\nexport const a = [z, TRIAGE_FIELDS];",
    ],
    ['src-renderer/x.ts', "import { commands } from '#contract';\nexport const a = commands;"],
    ['src-main/app/x.ts', "import { s } from '../session';\nexport const a = s;"],
    ['src-main/browser-host/x.ts', "import { s } from '../session/index';\nexport const a = s;"],
    [
      'src-main/app/x.ts',
      "import { app } from 'electron';\nimport { c } from '../core';\nexport const a = [app, c];",
    ],
  ])('%s may import what its layer allows', async (file, source) => {
    expect(await importErrors(file, source)).toEqual([]);
  });

  // The core has one front door (src-main/core/index.ts) and the layers are allow-lists: an
  // import from outside the core into any of its files but the door is refused, at any depth.
  it.each([
    [
      'src-main/session/x.ts',
      "import { lockCache } from '../core/db/cache-lock';\nexport const a = lockCache;",
    ],
    ['src-main/session/x.ts', "export { DatabaseKeyError } from '../core/db/errors';"],
    [
      'src-main/session/core-worker/x.ts',
      "import { e } from '../../core/sync/sync-engine';\nexport const a = e;",
    ],
    [
      'src-main/cli/x.ts',
      "import { exportChunks } from '../core/export/lead-export';\nexport const a = exportChunks;",
    ],
    [
      'src-main/browser-host/http/x.ts',
      "import { isEnvokeError } from '../../core/envoke';\nexport const a = isEnvokeError;",
    ],
    [
      'src-main/app/x.ts',
      "import { systemClock } from '../core/api';\nexport const a = systemClock;",
    ],
    [
      'src-main/index.ts',
      "import { makePrivateFolder } from './core/db/private-files';\nexport const a = makePrivateFolder;",
    ],
    [
      'src-main/session/x.ts',
      "import { LeadStore } from '../sim/lead-store';\nexport const a = LeadStore;",
    ],
    ['src-preload/x.ts', "import { c } from '../src-main/core';\nexport const a = c;"],
    [
      'src-renderer/components/x.tsx',
      "import { TRIAGE_FIELDS } from '../../src-shared/contract/lead';\nexport const a = TRIAGE_FIELDS;",
    ],
  ])('%s may not reach past a front door: %s', async (file, source) => {
    expect(await importErrors(file, source)).not.toEqual([]);
  });

  it.each([
    [
      'src-main/session/x.ts',
      "import { lockCache } from '../core';\nimport { startSimulator } from '../sim';\nexport const a = [lockCache, startSimulator];",
    ],
    [
      'src-main/session/core-worker/x.ts',
      "import type { Logger } from '../../core';\nimport { o } from '../core-in-process';\nexport const a: [Logger?, unknown] = [undefined, o];",
    ],
    [
      'src-main/cli/x.ts',
      "import { createCore } from '../core/index';\nexport const a = createCore;",
    ],
    [
      'src-main/index.ts',
      "import { systemClock } from './core';\nimport { i } from './app/ipc';\nimport { s } from './session';\nexport const a = [systemClock, i, s];",
    ],
    [
      'src-main/core/sync/x.ts',
      "import { openDatabase } from '../db/open-database';\nimport { Store } from '../store/store';\nexport const a = [openDatabase, Store];",
    ],
  ])('%s may import the core and the simulator through their front doors', async (file, source) => {
    expect(await importErrors(file, source)).toEqual([]);
  });

  // The shell kit (what the shells and the CLI are built from, apart from the session) stands
  // below the session and every shell: it may use the core and the contract, nothing above.
  it.each([
    [
      'src-main/shell-kit/x.ts',
      "import { startSession } from '../session/start-session';\nexport const a = startSession;",
    ],
    [
      'src-main/shell-kit/x.ts',
      "import { registerIpc } from '../app/ipc';\nexport const a = registerIpc;",
    ],
    [
      'src-main/shell-kit/x.ts',
      "import { h } from '../browser-host/browser-host';\nexport const a = h;",
    ],
    [
      'src-main/shell-kit/x.ts',
      "import { startSimulator } from '../sim';\nexport const a = startSimulator;",
    ],
    [
      'src-main/shell-kit/x.ts',
      "import { lockCache } from '../core/db/cache-lock';\nexport const a = lockCache;",
    ],
    ['src-main/shell-kit/x.ts', "import { app } from 'electron';\nexport const a = app;"],
  ])('%s may not run %s', async (file, source) => {
    expect(await importErrors(file, source)).not.toEqual([]);
  });

  it.each([
    [
      'src-main/shell-kit/x.ts',
      "import { lockCache } from '../core';\nimport { CONTENT_SECURITY_POLICY } from './csp';\nexport const a = [lockCache, CONTENT_SECURITY_POLICY];",
    ],
    [
      'src-main/session/x.ts',
      "import type { SavedAccount } from '../shell-kit/credentials';\nexport const a: SavedAccount | null = null;",
    ],
    [
      'src-main/app/x.ts',
      "import { CONTENT_SECURITY_POLICY } from '../shell-kit/csp';\nexport const a = CONTENT_SECURITY_POLICY;",
    ],
    [
      'src-main/browser-host/http/x.ts',
      "import { resolveStaticPath } from '../../shell-kit/renderer-files';\nexport const a = resolveStaticPath;",
    ],
    [
      'src-main/cli/x.ts',
      "import { hostDatabaseKey } from '../shell-kit/database-key';\nexport const a = hostDatabaseKey;",
    ],
  ])('%s may use the shell kit', async (file, source) => {
    expect(await importErrors(file, source)).toEqual([]);
  });

  // The session is entered through its front door, and the channel (shared by every process)
  // is imported by its alias and knows only the contract.
  it.each([
    [
      'src-main/app/x.ts',
      "import { startSession } from '../session/start-session';\nexport const a = startSession;",
    ],
    [
      'src-main/browser-host/x.ts',
      "import { createCoreWorker } from '../session/core-worker/core-worker';\nexport const a = createCoreWorker;",
    ],
    [
      'src-main/cli/x.ts',
      "import { startSession } from '../session';\nexport const a = startSession;",
    ],
    [
      'src-main/session/x.ts',
      "import { registerIpc } from '../app/ipc';\nexport const a = registerIpc;",
    ],
    [
      'src-shared/channel/x.ts',
      "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;",
    ],
    ['src-shared/channel/x.ts', "import { c } from '../../src-main/core';\nexport const a = c;"],
    [
      'src-shared/channel/x.ts',
      "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;",
    ],
    [
      'src-renderer/bridge/x.ts',
      "import { createEmitter } from '../../src-shared/channel/emitter';\nexport const a = createEmitter;",
    ],
    [
      'src-main/core/x.ts',
      "import { serveChannel } from '../../src-shared/channel/server';\nexport const a = serveChannel;",
    ],
    ['src-preload/x.ts', "import { s } from '../src-main/session';\nexport const a = s;"],
  ])('%s may not run %s', async (file, source) => {
    expect(await importErrors(file, source)).not.toEqual([]);
  });

  it.each([
    [
      'src-main/app/x.ts',
      "import { startSession, type Session } from '../session';\nimport { TRUSTED } from '#channel';\nexport const a: [typeof startSession, Session?, unknown] = [startSession, undefined, TRUSTED];",
    ],
    [
      'src-main/session/core-worker/x.ts',
      "import { coreHandlers } from '#channel';\nimport type { RunningCore } from '../running-core';\nexport const a: [unknown, RunningCore?] = [coreHandlers];",
    ],
    [
      'src-shared/channel/x.ts',
      "import { commands } from '#contract';\nimport { createEmitter } from './emitter';\nexport const a = [commands, createEmitter];",
    ],
    [
      'src-main/core/x.ts',
      "import { createEmitter } from '#channel';\nexport const a = createEmitter;",
    ],
    [
      'src-renderer/bridge/x.ts',
      "import type { Channel } from '#channel';\nexport const a: Channel | null = null;",
    ],
    [
      'src-preload/x.ts',
      "import type { Channel } from '#channel/channel';\nexport const a: Channel | null = null;",
    ],
    [
      'src-main/cli/x.ts',
      "import { parseCommandInput } from '#channel';\nexport const a = parseCommandInput;",
    ],
  ])(
    '%s may import the session through its door and the channel by its alias',
    async (file, source) => {
      expect(await importErrors(file, source)).toEqual([]);
    },
  );

  // The renderer calls the core through controller/ alone, which paints each change from its
  // answer: a component that invoked the bridge itself would read again what the answer said.
  it.each([
    [
      'src-renderer/components/x.tsx',
      "import { invoke } from '../bridge/client';\nexport const a = invoke;",
    ],
    [
      'src-renderer/components/deep/x.tsx',
      "import { on } from '../../bridge/client';\nexport const a = on;",
    ],
    [
      'src-renderer/store/x.ts',
      "import { invoke } from '../bridge/client';\nexport const a = invoke;",
    ],
    [
      'src-renderer/keymap/x.ts',
      "import { invoke } from '../bridge/client';\nexport const a = invoke;",
    ],
    ['src-renderer/x.tsx', "import { invoke } from './bridge/client';\nexport const a = invoke;"],
  ])('%s may not call the bridge: %s', async (file, source) => {
    expect(await importErrors(file, source)).toEqual([
      expect.stringContaining('calls the core through controller/'),
    ]);
  });

  it.each([
    [
      'src-renderer/controller/x.ts',
      "import { invoke } from '../bridge/client';\nexport const a = invoke;",
    ],
    [
      'src-renderer/components/x.tsx',
      "import { errorMessage } from '../controller/errors';\nimport { useStore } from '../store/store';\nexport const a = [errorMessage, useStore];",
    ],
  ])('%s may reach the core through the controller: %s', async (file, source) => {
    expect(await importErrors(file, source)).toEqual([]);
  });
});
