/**
 * What Settings says about the key that encrypts the local cache. Where no keychain protects it,
 * the person is told plainly where it is instead (the desktop app on Linux without a keychain
 * keeps it in its settings file, readable only by this user; the browser host in a key file
 * beside the cache).
 */
import type { AppInfo } from '../store/prefs-slice';

export function cacheKeyWords(info: Pick<AppInfo, 'host' | 'databaseKey'>): string {
  switch (info.databaseKey) {
    case 'keychain':
      return 'The cache on this computer is encrypted with a key kept by your operating system’s keychain.';
    case 'environment':
      return 'The cache on this computer is encrypted with the key given in LEAD_TRIAGE_DB_KEY; it is not stored on this computer.';
    case 'owner-only-file':
      return info.host === 'electron'
        ? 'This computer has no keychain; the cache’s key is stored in a file only you can read.'
        : 'The cache’s key is stored in a file only you can read, beside the cache (its name ends in .key).';
  }
}
