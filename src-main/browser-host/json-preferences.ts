/**
 * The browser host's preferences: a small JSON file beside its database. Written to a temporary
 * file and renamed over the old one, so a crash mid-write leaves the previous preferences intact.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from '../core';
import { mergePreferences, readPreferences, type PreferencesStore } from '../shell-kit/preferences';

function readJson(file: string, logger: Logger): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      logger.warn('Preferences could not be read; using defaults', { file, error: String(error) });
    }
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    logger.warn('Preferences file is not JSON; using defaults', { file });
    return undefined;
  }
}

export function createJsonPreferences(file: string, logger: Logger): PreferencesStore {
  let current = readPreferences(readJson(file, logger));
  return {
    get: () => current,
    update(patch) {
      const next = mergePreferences(current, patch);
      mkdirSync(dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
      renameSync(temporary, file);
      current = next;
      return current;
    },
  };
}
