/**
 * A stand-in for Electron's Linux distribution, for packaging without downloading Electron: an
 * executable that carries Electron's fuse wire (sentinel, version 1, length, one byte per fuse)
 * among other bytes as the real binary does, and the files electron-builder moves or keeps
 * around it. It runs (a shell script saying what it is), but it is not Electron.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SENTINEL, WIRE_VERSION } from '../../scripts/packaging/fuse-wire.mjs';

/**
 * Electron 45's fuses as it ships them (build/fuses/fuses.json5): runAsNode on, cookie
 * encryption off, NODE_OPTIONS on, --inspect on, ASAR integrity off, ASAR only off, V8 snapshot
 * off, file:// privileges on, wasm trap handlers on.
 */
export const ELECTRON_45_DEFAULT_WIRE = '101100011';

/** The bytes of the stand-in executable: `copies` wires, as a universal macOS binary has two. */
export function standInBinary(wire: string, copies = 1): Buffer {
  const script = Buffer.from(
    '#!/bin/sh\necho "A stand-in for Electron, for packaging tests"\nexit 0\n',
  );
  const wireBytes = Buffer.concat([
    Buffer.from(SENTINEL, 'latin1'),
    Buffer.from([WIRE_VERSION, wire.length]),
    Buffer.from(wire, 'latin1'),
  ]);
  const parts: Buffer[] = [script, Buffer.alloc(4096, 0)];
  for (let copy = 0; copy < copies; copy += 1) parts.push(wireBytes, Buffer.alloc(512, 0x7f));
  return Buffer.concat(parts);
}

/** Lays out the stand-in distribution in `dir` (electron-builder's `electronDist`). */
export function makeStandInElectron(dir: string, wire = ELECTRON_45_DEFAULT_WIRE): string {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  mkdirSync(join(dir, 'locales'), { recursive: true });
  const executable = join(dir, 'electron');
  writeFileSync(executable, standInBinary(wire));
  chmodSync(executable, 0o755);
  // Electron's own and Chromium's licences, which electron-builder keeps beside the executable.
  writeFileSync(join(dir, 'LICENSE'), 'Stand-in for the Electron licence\n');
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '<p>Stand-in for the Chromium licences</p>\n');
  writeFileSync(join(dir, 'locales', 'en-US.pak'), 'stand-in');
  writeFileSync(join(dir, 'version'), '45.3.4');
  return dir;
}
