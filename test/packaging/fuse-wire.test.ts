/**
 * The fuses the afterPack hook writes into the packed Electron binary, on files laid out as
 * Electron ships them: the sentinel, version 1, the length, one byte per fuse. The full build
 * against a stand-in Electron is in stand-in-build.test.ts.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import afterPack from '../../scripts/packaging/after-pack.mjs';
import {
  expectedWireLength,
  readFuseWires,
  SENTINEL,
  writeFuses,
} from '../../scripts/packaging/fuse-wire.mjs';
import { fuseSettings } from '../../scripts/packaging/fuses.mjs';
import { ELECTRON_45_DEFAULT_WIRE, standInBinary } from './stand-in-electron';

/** RunAsNode, cookies, NODE_OPTIONS, --inspect, ASAR integrity, ASAR only, V8 snapshot, file://, wasm traps */
const SHIPPED = '010011001';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lead-triage-fuses-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function binary(wire = ELECTRON_45_DEFAULT_WIRE, copies = 1): string {
  const path = join(dir, 'lead-triage');
  writeFileSync(path, standInBinary(wire, copies));
  return path;
}

const context = (version = '45.3.4') => ({
  appOutDir: dir,
  electronPlatformName: 'linux',
  arch: 1,
  packager: {
    appInfo: { productFilename: 'Lead Triage' },
    executableName: 'lead-triage',
    info: { framework: { version } },
  },
});

async function withTestBuild<T>(value: string | undefined, run: () => Promise<T>): Promise<T> {
  const before = process.env.LEAD_TRIAGE_TEST_BUILD;
  if (value === undefined) delete process.env.LEAD_TRIAGE_TEST_BUILD;
  else process.env.LEAD_TRIAGE_TEST_BUILD = value;
  try {
    return await run();
  } finally {
    if (before === undefined) delete process.env.LEAD_TRIAGE_TEST_BUILD;
    else process.env.LEAD_TRIAGE_TEST_BUILD = before;
  }
}

describe('the afterPack hook on an Electron 45 binary', () => {
  it('sets all nine fuses: RunAsNode, NODE_OPTIONS, --inspect off; cookies, ASAR integrity, ASAR only on; wasm traps as Electron ships them', async () => {
    const path = binary();
    await withTestBuild(undefined, () => afterPack(context()));
    expect(readFuseWires(path)).toEqual([SHIPPED]);
    // Only the wire changed: the rest of the file is as it was.
    const before = standInBinary(ELECTRON_45_DEFAULT_WIRE);
    const after = readFileSync(path);
    const at = before.indexOf(SENTINEL) + SENTINEL.length + 2;
    expect(after.subarray(0, at).equals(before.subarray(0, at))).toBe(true);
    expect(after.subarray(at + 9).equals(before.subarray(at + 9))).toBe(true);
  });

  it('keeps --inspect on in a test build (LEAD_TRIAGE_TEST_BUILD=1), and only that', async () => {
    const path = binary();
    await withTestBuild('1', () => afterPack(context()));
    expect(readFuseWires(path)).toEqual(['010111001']);
  });

  it('writes each fuse explicitly: a wire with every fuse flipped from the defaults comes out the same', async () => {
    const inverted = [...ELECTRON_45_DEFAULT_WIRE].map((c) => (c === '1' ? '0' : '1')).join('');
    const path = binary(inverted);
    await withTestBuild(undefined, () => afterPack(context()));
    expect(readFuseWires(path)).toEqual([SHIPPED]);
  });

  it('sets both wires of a universal binary', () => {
    const path = binary(ELECTRON_45_DEFAULT_WIRE, 2);
    writeFuses(path, fuseSettings({}), { electronVersion: '45.3.4' });
    expect(readFuseWires(path)).toEqual([SHIPPED, SHIPPED]);
  });

  it('finds the wire in the framework of a macOS .app', () => {
    const framework = join(dir, 'Lead Triage.app/Contents/Frameworks/Electron Framework.framework');
    mkdirSync(framework, { recursive: true });
    writeFileSync(join(framework, 'Electron Framework'), standInBinary(ELECTRON_45_DEFAULT_WIRE));
    writeFuses(join(dir, 'Lead Triage.app'), fuseSettings({}), { electronVersion: '45.3.4' });
    expect(readFuseWires(join(dir, 'Lead Triage.app'))).toEqual([SHIPPED]);
  });
});

describe('a wire the settings do not fit stops the build', () => {
  it('refuses a binary with 8 fuses where Electron 45 has 9, saying what to do, and changes nothing', async () => {
    const path = binary('10110001');
    await expect(afterPack(context())).rejects.toThrow(
      /has 8 fuses, but Electron 45\.3\.4 has 9 \(runAsNode, .*wasmTrapHandlers\): the binary is not that Electron, or Electron added a fuse/,
    );
    expect(readFuseWires(path)).toEqual(['10110001']);
  });

  it('refuses a binary with a 10th fuse a later Electron added', () => {
    const path = binary(`${ELECTRON_45_DEFAULT_WIRE}1`);
    expect(() => writeFuses(path, fuseSettings({}), { electronVersion: '45.3.4' })).toThrow(
      /has 10 fuses, but Electron 45\.3\.4 has 9/,
    );
  });

  it('refuses settings that leave one of Electron 45’s fuses undecided', () => {
    const path = binary();
    const eight = fuseSettings({}).slice(0, 8);
    expect(() => writeFuses(path, eight, { electronVersion: '45.3.4' })).toThrow(
      "scripts/packaging/fuses.mjs sets 8 fuses (runAsNode, cookieEncryption, nodeOptions, nodeCliInspect, embeddedAsarIntegrityValidation, onlyLoadAppFromAsar, loadBrowserProcessSpecificV8Snapshot, grantFileProtocolExtraPrivileges) but Electron 45.3.4 has 9: decide each of Electron's fuses there.",
    );
  });

  it('refuses a fuse Electron marked removed, a wire of another version, and a file without a wire', () => {
    expect(() =>
      writeFuses(binary('1r1100011'), fuseSettings({}), { electronVersion: '45.3.4' }),
    ).toThrow('Electron 45.3.4 removed the fuse cookieEncryption');
    const other = standInBinary(ELECTRON_45_DEFAULT_WIRE);
    other[other.indexOf(SENTINEL) + SENTINEL.length] = 2;
    writeFileSync(join(dir, 'v2'), other);
    expect(() =>
      writeFuses(join(dir, 'v2'), fuseSettings({}), { electronVersion: '45.3.4' }),
    ).toThrow(/is version 2, not 1/);
    writeFileSync(join(dir, 'plain'), 'no wire here');
    expect(() => readFuseWires(join(dir, 'plain'))).toThrow(/No Electron fuse wire in .*plain/);
  });

  it('knows the wire length per Electron version', () => {
    expect(expectedWireLength('45.3.4')).toBe(9);
    expect(expectedWireLength('41.0.0')).toBe(9);
    expect(expectedWireLength('40.10.6')).toBe(8);
    expect(() => expectedWireLength('28.3.3')).toThrow(/Electron 29 or later/);
  });
});
