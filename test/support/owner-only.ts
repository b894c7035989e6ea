/**
 * "Only this user can read it", checked with what each system offers: the mode bits 0600 / 0700
 * on macOS and Linux; on Windows, which has no such bits (Node's chmod only sets the read-only
 * flag), the file's access list read back with `icacls`, which may grant no one but this user,
 * SYSTEM and the Administrators (a user profile's own folders grant exactly these).
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { expect, it } from 'vitest';

export const HAS_UNIX_MODES = process.platform !== 'win32';

export const NO_UNIX_MODES_ON_WINDOWS =
  'Windows has no Unix mode bits to widen or narrow (chmod only sets the read-only flag); ' +
  'there the access list is checked where the file is made';

/** A test about mode bits themselves: on Windows it is reported skipped, with the reason. */
export function itWithUnixModes(name: string, test: () => void | Promise<void>): void {
  if (HAS_UNIX_MODES) it(name, test);
  else it.skip(`${name} (skipped on Windows: ${NO_UNIX_MODES_ON_WINDOWS})`, test);
}

/** Who an `icacls PATH` listing grants access to, as written there ("NT AUTHORITY\SYSTEM"). */
export function icaclsGrantees(output: string, path: string): string[] {
  const grantees: string[] = [];
  for (const [index, line] of output.split(/\r?\n/).entries()) {
    if (/^Successfully processed|^Failed processing/.test(line.trim())) break;
    // The first line starts with the path; each entry is "WHO:(flags)(rights)".
    const entry = (index === 0 && line.startsWith(path) ? line.slice(path.length) : line).trim();
    const who = /^(.+?):\(/.exec(entry)?.[1];
    if (who !== undefined) grantees.push(who);
  }
  return grantees;
}

/** The grantees other than this user, SYSTEM and the Administrators. */
export function othersGranted(grantees: string[], user: string): string[] {
  const allowed = (who: string): boolean => {
    const name = who.toLowerCase();
    return (
      name === user.toLowerCase() ||
      name.endsWith(`\\${user.toLowerCase()}`) ||
      name === 'nt authority\\system' ||
      name === 'builtin\\administrators'
    );
  };
  return grantees.filter((who) => !allowed(who));
}

/** Asserts that only this user (and the system) can read `path`. */
export function expectOwnerOnly(path: string, kind: 'file' | 'folder'): void {
  if (HAS_UNIX_MODES) {
    expect((statSync(path).mode & 0o777).toString(8), path).toBe(kind === 'file' ? '600' : '700');
    return;
  }
  const listing = execFileSync('icacls', [path], { encoding: 'utf8' });
  const grantees = icaclsGrantees(listing, path);
  expect(grantees.length, listing).toBeGreaterThan(0);
  expect(othersGranted(grantees, userInfo().username), listing).toEqual([]);
}
