/**
 * The two IPC channels between the preload and the main process. Commands travel on one channel
 * with their name as the first argument, so the main process validates every name against the
 * contract in one place instead of registering a channel per command.
 */
export const INVOKE_CHANNEL = 'lead-triage:invoke';
export const EVENT_CHANNEL = 'lead-triage:event';
