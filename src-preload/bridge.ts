/**
 * The channel over Electron IPC, its client end: what the preload hands the page, `invoke` and
 * `on` for the contract's names only (src-main/app/ipc.ts is the server end). The page never sees
 * `ipcRenderer` or an IPC event object (whose `sender` would give it all of IPC).
 */
import type { Channel } from '#channel/channel';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '#contract/bridge-channels';
import type { Result } from '#contract/errors';
import { BRIDGE_COMMAND_NAMES, BRIDGE_EVENT_NAMES } from '#contract/names';

/** The part of Electron's `ipcRenderer` the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** What the page finds as `window.leadTriage`. */
export type LeadTriageBridge = Channel;

const commandNames: ReadonlySet<string> = new Set(BRIDGE_COMMAND_NAMES);
const eventNames: ReadonlySet<string> = new Set(BRIDGE_EVENT_NAMES);

export function createBridge(ipc: IpcRendererLike): LeadTriageBridge {
  return {
    invoke(name, input) {
      if (typeof name !== 'string' || !commandNames.has(name)) {
        return Promise.resolve({
          ok: false,
          error: {
            code: 'unknown-command',
            message: `There is no command named ${JSON.stringify(String(name))}`,
          },
        });
      }
      return ipc.invoke(INVOKE_CHANNEL, name, input) as Promise<Result<unknown>>;
    },
    on(event, callback) {
      if (typeof event !== 'string' || !eventNames.has(event)) {
        throw new TypeError(`There is no event named ${JSON.stringify(String(event))}`);
      }
      if (typeof callback !== 'function') throw new TypeError('An event needs a callback function');
      const listener = (_event: unknown, name: unknown, payload: unknown): void => {
        if (name === event) callback(payload);
      };
      ipc.on(EVENT_CHANNEL, listener);
      return () => {
        ipc.removeListener(EVENT_CHANNEL, listener);
      };
    },
  };
}
