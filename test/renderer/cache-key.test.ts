// What Settings says about the key of the local cache, per host and where the key is kept.
import { describe, expect, it } from 'vitest';
import { cacheKeyWords } from '../../src-renderer/logic/cache-key';

describe('the cache key notice', () => {
  it('tells the desktop app’s user plainly when no keychain protects the key', () => {
    expect(cacheKeyWords({ host: 'electron', databaseKey: 'owner-only-file' })).toBe(
      'This computer has no keychain; the cache’s key is stored in a file only you can read.',
    );
    expect(cacheKeyWords({ host: 'electron', databaseKey: 'keychain' })).toBe(
      'The cache on this computer is encrypted with a key kept by your operating system’s keychain.',
    );
  });

  it('says where the browser host keeps it: its key file, or the environment', () => {
    expect(cacheKeyWords({ host: 'browser', databaseKey: 'owner-only-file' })).toContain(
      'stored in a file only you can read, beside the cache',
    );
    expect(cacheKeyWords({ host: 'browser', databaseKey: 'environment' })).toContain(
      'LEAD_TRIAGE_DB_KEY; it is not stored on this computer',
    );
  });
});
