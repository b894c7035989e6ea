/**
 * The channel: how anything outside the core's process speaks to it. Two verbs, whatever carries
 * them: `invoke(name, input)` answers a `Result` (never throws; a refusal or a failure is a code
 * and a sentence), and `on(event, listener)` hears the contract's events until unsubscribed.
 *
 * One channel, three adapters, each a client end and a server end over one transport (the shape
 * of VS Code's base/parts/ipc and Actual's platform/server/connection):
 * - the core worker's port: session/core-worker/core-worker.ts (client, main thread) and
 *   worker-entry.ts (server, the worker's thread);
 * - Electron IPC: src-preload/bridge.ts (client, the window) and src-main/app/ipc.ts (server);
 * - HTTP and Server-Sent Events: src-renderer/bridge/browser-channel.ts (client, the page) and
 *   src-main/browser-host/http/channel.ts (server).
 * The window's two adapters meet the same server end (server.ts), where the gate stands: the
 * caller, the name and the input are checked there once, for every transport.
 */
import type { Result } from '#contract';

export interface Channel {
  /** One command of the contract; the answer is its value or a code and a sentence. */
  invoke(name: string, input?: unknown): Promise<Result<unknown>>;
  /** Hears one event of the contract until the returned function is called. */
  on(event: string, listener: (payload: unknown) => void): () => void;
}
