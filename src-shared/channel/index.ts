/**
 * The channel's front door (`#channel`): what every side uses to speak across a process
 * boundary. See channel.ts for the shape and where each adapter lives.
 */
export type { Channel } from './channel';
export { coreHandlers, type CoreCall } from './core-handlers';
export {
  createEmitter,
  logListenerFailures,
  type Emitter,
  type Listener,
  type ListenerFailure,
} from './emitter';
export { errorFromWire, errorToWire, failure } from './errors';
export {
  INTERNAL_ERROR_MESSAGE,
  parseCommandInput,
  serveChannel,
  TRUSTED,
  type Caller,
  type ChannelEvents,
  type ChannelLogger,
  type ChannelServer,
  type Handlers,
  type ServeOptions,
} from './server';
