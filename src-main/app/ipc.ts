/**
 * Commands from the window over IPC. One channel carries every command (name + input); the
 * sender must be the app window's own top frame showing the app's own page, and then the shared
 * dispatcher validates the name and the input exactly as the browser host does.
 * Written against an `ipcMain`-like object so a test can drive it with a fake.
 */
import type { Logger } from '../core';
import type { Dispatch } from '../session/command-gate';
import type { Result } from '#contract';
import { INVOKE_CHANNEL } from '#contract/bridge-channels';
import { isAppUrl } from './web-security';

export interface SenderFrameLike {
  url: string;
  /** null for a top frame. */
  parent: unknown;
}

export interface InvokeEventLike {
  sender: unknown;
  senderFrame: SenderFrameLike | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export type SenderCheck = (event: InvokeEventLike) => boolean;

/** Only the app window's top frame, and only while it shows the app page. */
export function trustedSender(appContents: unknown, appUrl: URL): SenderCheck {
  return (event) => {
    const frame = event.senderFrame;
    return event.sender === appContents && frame !== null && frame.parent === null && isAppUrl(frame.url, appUrl);
  };
}

const REFUSED: Result<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'Only the Lead Triage window may send commands' },
};

export interface IpcOptions {
  ipcMain: IpcMainLike;
  dispatch: Dispatch;
  isTrustedSender: SenderCheck;
  logger: Logger;
}

/** Registers the command channel; returns the function that removes it. */
export function registerIpc({ ipcMain, dispatch, isTrustedSender, logger }: IpcOptions): () => void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, name, input) => {
    if (!isTrustedSender(event)) {
      logger.warn('Refused a command from outside the app window', {
        command: typeof name === 'string' ? name.slice(0, 80) : typeof name,
        frame: event.senderFrame?.url ?? null,
      });
      return REFUSED;
    }
    return dispatch(name, input);
  });
  return () => ipcMain.removeHandler(INVOKE_CHANNEL);
}
