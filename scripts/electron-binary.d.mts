export declare const projectRoot: string;
export type ElectronBinary =
  { ok: true; path: string } | { ok: false; checked: string; reason: string };
export declare function findElectronBinary(root?: string): ElectronBinary;
