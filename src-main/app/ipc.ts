/**
 * The channel over Electron IPC, its server end (the preload's bridge.ts is the client end): one
 * IPC channel carries every command (name + input) to the channel's gate, and one carries every
 * event of the contract to the window. The transport says who called (the app window's own top
 * frame showing the app's own page, or not); the gate refuses the rest, and validates the name
 * and the input exactly as for the browser host.
 * Written against `ipcMain`- and `webContents`-like objects so a test can drive it with fakes.
 */
import { TRUSTED, type Caller, type ChannelServer } from '#channel';
import { EVENT_NAMES } from '#contract';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '#contract/bridge-channels';
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
  handle(
    channel: string,
    listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>,
  ): void;
  removeHandler(channel: string): void;
}

/** The window's contents, as far as events go. */
export interface EventTarget {
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

export type SenderCheck = (event: InvokeEventLike) => boolean;

/** Only the app window's top frame, and only while it shows the app page. */
export function trustedSender(appContents: unknown, appUrl: URL): SenderCheck {
  return (event) => {
    const frame = event.senderFrame;
    return (
      event.sender === appContents &&
      frame !== null &&
      frame.parent === null &&
      isAppUrl(frame.url, appUrl)
    );
  };
}

function callerOf(event: InvokeEventLike, isTrustedSender: SenderCheck): Caller {
  if (isTrustedSender(event)) return TRUSTED;
  return {
    trusted: false,
    from: 'outside the app window',
    refusal: 'Only the Lead Triage window may send commands',
    detail: { frame: event.senderFrame?.url ?? null },
  };
}

export interface IpcOptions {
  ipcMain: IpcMainLike;
  channel: ChannelServer;
  /** The app window's contents: events go there, and only its top frame may send commands. */
  window: EventTarget;
  isTrustedSender: SenderCheck;
}

/** Serves the channel to the window; returns the function that stops serving it. */
export function registerIpc({ ipcMain, channel, window, isTrustedSender }: IpcOptions): () => void {
  ipcMain.handle(INVOKE_CHANNEL, (event, name, input) =>
    channel.invoke(name, input, callerOf(event, isTrustedSender)),
  );
  const stops = EVENT_NAMES.map((event) =>
    channel.on(event, (payload) => {
      // The window may close while the core still reports (a sync finishing during quit).
      if (!window.isDestroyed()) window.send(EVENT_CHANNEL, event, payload);
    }),
  );
  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    for (const stop of stops) stop();
  };
}
