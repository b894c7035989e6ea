import type { ElectronBinary } from './electron-binary.mjs';

export declare const SQLITE_BINDING_ENV: string;
export type ElectronLaunch =
  | { ok: true; path: string; env: Record<string, string | undefined> }
  | { ok: false; reason: string };
export declare function electronLaunch(
  electron: ElectronBinary,
  options?: {
    env?: Record<string, string | undefined>;
    prepareSqlite?: () => { ok: true; path: string } | { ok: false; reason: string };
  },
): ElectronLaunch;
