/**
 * An account switch reloads the window on the new account's cache; this note, left in the tab's
 * session before the reload, is said once by the new window.
 */
export const SWITCHED_KEY = 'lead-triage-switched';

export const SWITCHED_NOTE =
  'Switched accounts. Leads, saved views and unsent changes are kept per account on this laptop: these are the new account’s own.';
