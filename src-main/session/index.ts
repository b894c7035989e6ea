/**
 * The session's front door: what the shells use of it. The session is where the core runs (its
 * worker thread, or this thread) and the session around it (the current account's core, switched
 * on request, and the app commands); two names say it from outside: `RunningCore` (one core,
 * wherever it runs) and `Session` (whichever core is current). Outside src-main/session, code
 * imports it from here alone (see eslint.config.js).
 */
export type { CoreIn, DemoSimulator, RunningCore, SessionEventName } from './running-core';
export type { Session } from './session';
export { startSession, type SessionOptions, type StartOverDialog } from './start-session';
