/**
 * Where a host keeps the Envoke account and its API key. The desktop app encrypts the key with the
 * operating system's keychain; the browser host holds it in memory for the run only.
 */
import type { z } from 'zod';
import type { Account, KeyStorageSchema } from '#contract';

export type KeyStorage = z.infer<typeof KeyStorageSchema>;

export interface SavedAccount {
  account: Account;
  apiKey: string;
}

export interface CredentialStore {
  /** How a key given now would be kept, as settings say it to the person. */
  keyStorage(): KeyStorage;
  /** Why a key cannot be kept as asked (to be said before anything else is tried), or null. */
  refusal(options: { sessionOnly: boolean }): string | null;
  /** The account to open at start, with its key, or null for demo data. */
  load(): SavedAccount | null;
  /**
   * Keep the account. `sessionOnly` asks to hold the key in memory only; where `refusal` has a
   * reason this throws a CommandError with it rather than write the key in plain text.
   */
  save(saved: SavedAccount, options: { sessionOnly: boolean }): void;
  clear(): void;
}

/** The browser host's store: nothing reaches the disk, so the key lives as long as the process. */
export function createMemoryCredentials(initial: SavedAccount | null): CredentialStore {
  let saved = initial;
  return {
    keyStorage: () => 'session-only',
    refusal: () => null,
    load: () => saved,
    save(next) {
      saved = next;
    },
    clear() {
      saved = null;
    },
  };
}
