/**
 * "Test connection": one cheap authenticated request to Envoke, answered in words a salesperson
 * understands. Never throws: every outcome is a sentence.
 */
import { createEnvokeClient, describeEnvokeError, type EnvokeClient, isEnvokeError } from '../core';
import type { SavedAccount } from '../shell-kit/credentials';

export interface ConnectionTest {
  ok: boolean;
  message: string;
}

/** Short: the person is waiting on a button. */
const TEST_TIMEOUT_MS = 10_000;

export type ConnectionTester = (saved: SavedAccount) => Promise<ConnectionTest>;

export async function testConnection(
  saved: SavedAccount,
  connect: typeof createEnvokeClient = createEnvokeClient,
): Promise<ConnectionTest> {
  let client: EnvokeClient;
  try {
    client = connect({ ...saved.account, apiKey: saved.apiKey, timeoutMs: TEST_TIMEOUT_MS });
  } catch (error) {
    // Refused before any request: the client's own words say what to fix in the form.
    return {
      ok: false,
      message: isEnvokeError(error) ? error.message : describeEnvokeError(error),
    };
  }
  try {
    await client.probe();
    return { ok: true, message: 'Connected: Envoke accepted this API ID and key' };
  } catch (error) {
    return { ok: false, message: describeEnvokeError(error) };
  }
}
