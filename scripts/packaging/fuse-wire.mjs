// Reads and writes Electron's fuse wire: the bytes after a fixed sentinel in the Electron binary
// (on macOS in its framework), laid out as Electron's build/fuses/fuses.json5 says: a version
// byte (1), a length byte, then one byte per fuse, '0' off, '1' on, 'r' removed.
//
// Written here rather than with @electron/fuses: its 1.x builds a wire of exactly 8 fuses (a 9th
// option is dropped), so Electron 41's wasmTrapHandlers could only be left as it came; its 2.x
// needs Node 22.12. Every fuse is written explicitly, and a wire of another length than the
// Electron version has stops the build.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
export const WIRE_VERSION = 1;
const ON = 0x31;
const OFF = 0x30;
const REMOVED = 0x72;

/**
 * How many fuses Electron's wire carries, by the first major with that many (fuses are only ever
 * appended). Electron 41 added wasmTrapHandlers, the 9th; this project packs Electron 45.
 */
const WIRE_LENGTH_SINCE = [
  { major: 41, fuses: 9 },
  { major: 29, fuses: 8 },
];

/** @param {string} electronVersion such as "45.3.4" */
export function expectedWireLength(electronVersion) {
  const major = Number.parseInt(String(electronVersion), 10);
  const known = WIRE_LENGTH_SINCE.find((entry) => major >= entry.major);
  if (!Number.isFinite(major) || known === undefined) {
    throw new Error(`Fuses are set for Electron 29 or later, not "${electronVersion}"`);
  }
  return known.fuses;
}

/** The file holding the wire: the executable, or on macOS the framework inside the .app. */
export function fuseFilePath(binaryPath) {
  if (!binaryPath.endsWith('.app')) return binaryPath;
  const framework = join(binaryPath, 'Contents', 'Frameworks', 'Electron Framework.framework');
  return join(framework, 'Electron Framework');
}

/** Offsets of every wire in the file (a universal macOS binary has two). */
function wireOffsets(bytes, file) {
  const offsets = [];
  for (let at = bytes.indexOf(SENTINEL); at !== -1; at = bytes.indexOf(SENTINEL, at + 1)) {
    offsets.push(at + SENTINEL.length);
  }
  if (offsets.length === 0) throw new Error(`No Electron fuse wire in ${file}`);
  return offsets;
}

/**
 * The fuses as they are in the binary: '0', '1' or 'r' per fuse, for each wire.
 * @param {string} binaryPath
 */
export function readFuseWires(binaryPath) {
  const file = fuseFilePath(binaryPath);
  const bytes = readFileSync(file);
  return wireOffsets(bytes, file).map((at) =>
    bytes.subarray(at + 2, at + 2 + bytes[at + 1]).toString('latin1'),
  );
}

/**
 * Sets every fuse of every wire in the binary, then reads the file back.
 * @param {string} binaryPath
 * @param {{ name: string, enabled: boolean }[]} fuses in wire order
 * @param {{ electronVersion: string, resetAdHocDarwinSignature?: boolean }} options
 * @returns {string} the wire as written, such as "010011001"
 */
export function writeFuses(binaryPath, fuses, options) {
  const expected = expectedWireLength(options.electronVersion);
  const names = fuses.map((fuse) => fuse.name).join(', ');
  if (fuses.length !== expected) {
    throw new Error(
      `scripts/packaging/fuses.mjs sets ${fuses.length} fuses (${names}) but Electron ` +
        `${options.electronVersion} has ${expected}: decide each of Electron's fuses there.`,
    );
  }
  const file = fuseFilePath(binaryPath);
  const bytes = readFileSync(file);
  for (const at of wireOffsets(bytes, file)) {
    if (bytes[at] !== WIRE_VERSION) {
      throw new Error(`The fuse wire in ${file} is version ${bytes[at]}, not ${WIRE_VERSION}`);
    }
    const length = bytes[at + 1];
    if (length !== expected) {
      throw new Error(
        `The fuse wire in ${file} has ${length} fuses, but Electron ${options.electronVersion} ` +
          `has ${expected} (${names}): the binary is not that Electron, or Electron added a ` +
          'fuse; decide it in scripts/packaging/fuses.mjs before building.',
      );
    }
    fuses.forEach((fuse, index) => {
      // A removed fuse does nothing; setting it would only hide that it is gone.
      if (bytes[at + 2 + index] === REMOVED) {
        throw new Error(`Electron ${options.electronVersion} removed the fuse ${fuse.name}`);
      }
      bytes[at + 2 + index] = fuse.enabled ? ON : OFF;
    });
  }
  writeFileSync(file, bytes);

  const wanted = fuses.map((fuse) => (fuse.enabled ? '1' : '0')).join('');
  const written = readFuseWires(binaryPath);
  if (written.some((wire) => wire !== wanted)) {
    throw new Error(`The fuses of ${file} read back as ${written.join(', ')}, not ${wanted}`);
  }
  // Changing the binary breaks an Apple Silicon build's ad-hoc signature; the real signature
  // comes after the afterPack hook.
  if (options.resetAdHocDarwinSignature && binaryPath.endsWith('.app')) {
    const signed = spawnSync(
      'codesign',
      [
        '--sign',
        '-',
        '--force',
        '--preserve-metadata=entitlements,requirements,flags,runtime',
        '--deep',
        binaryPath,
      ],
      { encoding: 'utf8' },
    );
    if (signed.status !== 0) {
      throw new Error(`Ad-hoc signing ${binaryPath} failed: ${signed.stderr || signed.error}`);
    }
  }
  return wanted;
}
