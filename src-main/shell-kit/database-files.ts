/**
 * One database file per Envoke account, and one for the demo, so switching accounts never mixes
 * leads or outbox rows of two accounts. The file name is a hash so neither the address nor the
 * API ID appears on disk in a file name.
 */
import { createHash } from 'node:crypto';
import type { Account } from '#contract';

export const DEMO_DATABASE_FILE = 'demo.db';

/** The same account typed two ways ("HTTPS://E1.envoke.com/" and "https://e1.envoke.com") is one. */
function accountKey(account: Account): string {
  const url = new URL(account.baseUrl.trim());
  const base = `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
  return `${base}\n${account.apiId.trim()}`;
}

export function databaseFileName(account: Account | null): string {
  if (account === null) return DEMO_DATABASE_FILE;
  const digest = createHash('sha256').update(accountKey(account)).digest('hex');
  return `account-${digest.slice(0, 16)}.db`;
}
