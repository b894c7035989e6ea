/**
 * The Envoke account of the desktop app. The API key is encrypted with the operating system's
 * keychain (safeStorage) and only the encrypted bytes reach the settings file. Where Linux has no
 * keychain, Electron's "basic_text" backend would encrypt with a password built into Chromium,
 * which protects nothing: the person is told, and may keep the key for this session only.
 */
import { z } from 'zod';
import { AccountSchema, CommandError } from '#contract';
import type { Logger } from '../core';
import type { CredentialStore, SavedAccount } from '../shell-kit/credentials';
import type { StoredValue } from './settings-store';

/** The part of Electron's `safeStorage` used here. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend(): string;
}

const StoredAccountSchema = AccountSchema.extend({ encryptedKey: z.string().min(1) });

export const NO_SAFE_STORAGE_MESSAGE =
  'This computer has no keychain to keep the API key safe, so Lead Triage will not write it to disk. ' +
  'Choose to keep it for this session only, or set up a keychain (such as GNOME Keyring or KWallet).';

export interface KeychainOptions {
  record: StoredValue;
  safeStorage: SafeStorageLike;
  platform: NodeJS.Platform;
  logger: Logger;
}

export function createKeychainCredentials({
  record,
  safeStorage,
  platform,
  logger,
}: KeychainOptions): CredentialStore {
  let sessionOnly: SavedAccount | null = null;

  const canEncrypt = (): boolean =>
    safeStorage.isEncryptionAvailable() &&
    !(platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text');

  function loadStored(): SavedAccount | null {
    const stored = record.read();
    if (stored === undefined) return null;
    const parsed = StoredAccountSchema.safeParse(stored);
    if (!parsed.success || !canEncrypt()) {
      logger.warn('The saved Envoke account cannot be used; starting on demo data', {
        reason: parsed.success
          ? 'the keychain is not available'
          : 'the saved account is unreadable',
      });
      return null;
    }
    const { encryptedKey, ...account } = parsed.data;
    try {
      return { account, apiKey: safeStorage.decryptString(Buffer.from(encryptedKey, 'base64')) };
    } catch (error) {
      // A keychain reset or another user's profile: the key is gone, the account must be re-entered.
      logger.warn('The saved API key could not be decrypted; starting on demo data', {
        error: String(error),
      });
      return null;
    }
  }

  return {
    keyStorage() {
      if (canEncrypt()) return 'encrypted';
      return sessionOnly === null ? 'unavailable' : 'session-only';
    },
    refusal: (options) => (options.sessionOnly || canEncrypt() ? null : NO_SAFE_STORAGE_MESSAGE),
    load: () => sessionOnly ?? loadStored(),
    save(saved, options) {
      if (options.sessionOnly) {
        record.remove();
        sessionOnly = saved;
        return;
      }
      if (!canEncrypt()) throw new CommandError('invalid-input', NO_SAFE_STORAGE_MESSAGE);
      const encryptedKey = safeStorage.encryptString(saved.apiKey).toString('base64');
      record.write({ ...saved.account, encryptedKey });
      sessionOnly = null;
    },
    clear() {
      sessionOnly = null;
      record.remove();
    },
  };
}
