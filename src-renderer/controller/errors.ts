/**
 * The sentence a component shows for anything a call to the core threw. Components reach the
 * core only through the controller, so they take it from here rather than from the bridge.
 */
export { errorMessage } from '../bridge/client';
