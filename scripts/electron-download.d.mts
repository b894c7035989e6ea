import type { ElectronBinary } from './electron-binary.mjs';

export declare const RETRY_AFTER_MS: number;
export declare function failureNoteFile(root?: string): string;
export declare function findOrDownloadElectron(options?: {
  root?: string;
  log?: (line: string) => void;
  now?: () => number;
}): ElectronBinary;
