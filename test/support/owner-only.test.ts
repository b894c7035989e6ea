// Reading an icacls listing, as the Windows runs of the file-privacy tests do (owner-only.ts).
import { describe, expect, it } from 'vitest';
import { icaclsGrantees, othersGranted } from './owner-only';

const PATH = 'C:\\Users\\runneradmin\\AppData\\Local\\Temp\\lead-triage-key-x1\\leads.db.key';
const pad = ' '.repeat(PATH.length + 1);

describe('icacls listings', () => {
  it('names each grantee, and a file in the profile grants only this user and the system', () => {
    const listing =
      `${PATH} NT AUTHORITY\\SYSTEM:(I)(F)\r\n` +
      `${pad}BUILTIN\\Administrators:(I)(F)\r\n` +
      `${pad}fv-az1234-567\\runneradmin:(I)(F)\r\n\r\n` +
      'Successfully processed 1 files; Failed processing 0 files\r\n';
    const grantees = icaclsGrantees(listing, PATH);
    expect(grantees).toEqual([
      'NT AUTHORITY\\SYSTEM',
      'BUILTIN\\Administrators',
      'fv-az1234-567\\runneradmin',
    ]);
    expect(othersGranted(grantees, 'runneradmin')).toEqual([]);
  });

  it('finds everyone else a listing grants, whatever their rights', () => {
    const listing =
      `${PATH} Everyone:(R)\n` +
      `${pad}BUILTIN\\Users:(I)(RX)\n` +
      `${pad}NT AUTHORITY\\Authenticated Users:(I)(M)\n` +
      `${pad}fv-az1234-567\\runneradmin:(F)\n\n` +
      'Successfully processed 1 files; Failed processing 0 files\n';
    expect(othersGranted(icaclsGrantees(listing, PATH), 'runneradmin')).toEqual([
      'Everyone',
      'BUILTIN\\Users',
      'NT AUTHORITY\\Authenticated Users',
    ]);
  });
});
