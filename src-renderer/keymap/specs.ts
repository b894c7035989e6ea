/**
 * The default keymap as data. Each action names the contexts it works in (`when`): the context is
 * whatever has the keyboard, the lead list or one of the panels over it. The palette, help overlay
 * and settings read this same list, so what they show is what the keys do.
 *
 * Runs are bound separately (actions.ts) so this file stays pure data a test can check.
 */

/** Who has the keyboard: the list, or the panel drawn over it. */
export const KEY_CONTEXTS = ['list', 'outbox', 'conflict', 'help'] as const;
export type KeyContext = (typeof KEY_CONTEXTS)[number];

export interface ActionSpec {
  id: string;
  label: string;
  /** Where it is listed in the help overlay and palette. */
  group:
    'Move' | 'Triage' | 'Select' | 'History' | 'Find' | 'Views' | 'Panels' | 'Outbox' | 'Conflict';
  /** A key name, or two separated by a space for a sequence (`g 1`: g, then 1). */
  keys: readonly string[];
  when: readonly KeyContext[];
}

const LIST: readonly KeyContext[] = ['list'];
const ANYWHERE: readonly KeyContext[] = KEY_CONTEXTS;

function status<N extends 1 | 2 | 3 | 4 | 5>(n: N) {
  return {
    id: `status-${n}` as const,
    // The words depend on the active stage; the palette and help fill them in.
    label: `Status ${n} of the active stage`,
    group: 'Triage',
    keys: [`${n}`],
    when: LIST,
  } as const;
}

function rating<N extends 1 | 2 | 3>(n: N, key: string) {
  return {
    id: `rating-${n}` as const,
    label: `Rating ${n} of the active stage`,
    group: 'Triage',
    keys: [key],
    when: LIST,
  } as const;
}

function savedView<N extends 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9>(n: N) {
  return {
    id: `saved-view-${n}` as const,
    label: `Go to saved view ${n}`,
    group: 'Views',
    keys: [`g ${n}`],
    when: LIST,
  } as const;
}

export const ACTION_SPECS = [
  { id: 'next', label: 'Next lead', group: 'Move', keys: ['j', 'ArrowDown'], when: LIST },
  { id: 'previous', label: 'Previous lead', group: 'Move', keys: ['k', 'ArrowUp'], when: LIST },
  {
    id: 'advance',
    label: 'Done with this lead: on to the next (auto-advance)',
    group: 'Move',
    keys: ['Space'],
    when: LIST,
  },
  { id: 'first', label: 'First lead', group: 'Move', keys: ['Home'], when: LIST },
  { id: 'last', label: 'Last lead', group: 'Move', keys: ['End'], when: LIST },
  {
    id: 'next-view',
    label: 'Next view (saved views follow the built-in ones)',
    group: 'Move',
    keys: [']'],
    when: LIST,
  },
  { id: 'previous-view', label: 'Previous view', group: 'Move', keys: ['['], when: LIST },
  {
    id: 'stage-marketing',
    label: 'Make Marketing the active stage',
    group: 'Triage',
    keys: ['m'],
    when: LIST,
  },
  {
    id: 'stage-sales',
    label: 'Make Sales the active stage',
    group: 'Triage',
    keys: ['s'],
    when: LIST,
  },
  status(1),
  status(2),
  status(3),
  status(4),
  status(5),
  // The account's most used ratings of the active stage; the palette and help fill them in.
  rating(1, 'h'),
  rating(2, 'w'),
  rating(3, 'c'),
  {
    id: 'rating-pick',
    label: 'Rating… (every value of the active stage)',
    group: 'Triage',
    keys: ['Shift+r'],
    when: LIST,
  },
  {
    id: 'note',
    label: 'Edit the note of the active stage',
    group: 'Triage',
    keys: ['n'],
    when: LIST,
  },
  { id: 'opportunity', label: 'Opportunity…', group: 'Triage', keys: ['o'], when: LIST },
  { id: 'sale', label: 'Sale…', group: 'Triage', keys: ['$'], when: LIST },
  { id: 'salesperson', label: 'Assign a salesperson…', group: 'Triage', keys: ['a'], when: LIST },
  { id: 'new-lead', label: 'New lead…', group: 'Triage', keys: ['Mod+n', 'Shift+n'], when: LIST },
  {
    id: 'toggle-select',
    label: 'Select for bulk changes',
    group: 'Select',
    keys: ['x'],
    when: LIST,
  },
  { id: 'undo', label: 'Undo', group: 'History', keys: ['z', 'Mod+z'], when: LIST },
  { id: 'redo', label: 'Redo', group: 'History', keys: ['Mod+Shift+z', 'Shift+z'], when: LIST },
  { id: 'search', label: 'Search', group: 'Find', keys: ['/'], when: LIST },
  savedView(1),
  savedView(2),
  savedView(3),
  savedView(4),
  savedView(5),
  savedView(6),
  savedView(7),
  savedView(8),
  savedView(9),
  { id: 'pipeline', label: 'Pipeline', group: 'Views', keys: ['g p'], when: LIST },
  {
    id: 'duplicates',
    label: 'Possible duplicates',
    group: 'Views',
    keys: ['g d'],
    when: LIST,
  },
  { id: 'clear', label: 'Clear search or selection', group: 'Find', keys: ['Escape'], when: LIST },
  { id: 'palette', label: 'Command palette', group: 'Panels', keys: ['Mod+k'], when: ANYWHERE },
  { id: 'help', label: 'Keyboard shortcuts', group: 'Panels', keys: ['?'], when: ANYWHERE },
  {
    id: 'outbox',
    label: 'Outbox: changes on their way to Envoke',
    group: 'Panels',
    keys: ['p'],
    when: ['list', 'outbox'],
  },
  {
    id: 'resolve',
    label: 'Resolve conflicts of this lead',
    group: 'Panels',
    keys: ['r'],
    when: LIST,
  },
  { id: 'settings', label: 'Settings', group: 'Panels', keys: [',', 'Mod+,'], when: LIST },
  { id: 'sync-now', label: 'Sync now', group: 'Panels', keys: ['Shift+s'], when: LIST },
  {
    id: 'toggle-auto-advance',
    label: 'Turn auto-advance on or off',
    group: 'Panels',
    keys: ['Shift+a'],
    when: LIST,
  },
  {
    id: 'close',
    label: 'Close',
    group: 'Panels',
    keys: ['Escape'],
    when: ['outbox', 'conflict', 'help'],
  },
  {
    id: 'outbox-next',
    label: 'Next change',
    group: 'Outbox',
    keys: ['j', 'ArrowDown'],
    when: ['outbox'],
  },
  {
    id: 'outbox-previous',
    label: 'Previous change',
    group: 'Outbox',
    keys: ['k', 'ArrowUp'],
    when: ['outbox'],
  },
  {
    id: 'outbox-retry',
    label: 'Retry this change now',
    group: 'Outbox',
    keys: ['r'],
    when: ['outbox'],
  },
  { id: 'outbox-edit', label: 'Edit this change', group: 'Outbox', keys: ['e'], when: ['outbox'] },
  {
    id: 'outbox-discard',
    label: 'Discard this change',
    group: 'Outbox',
    keys: ['d', 'Delete'],
    when: ['outbox'],
  },
  {
    id: 'outbox-resolve',
    label: 'Resolve this conflict',
    group: 'Outbox',
    keys: ['Enter'],
    when: ['outbox'],
  },
  {
    id: 'conflict-next',
    label: 'Next field',
    group: 'Conflict',
    keys: ['j', 'ArrowDown'],
    when: ['conflict'],
  },
  {
    id: 'conflict-previous',
    label: 'Previous field',
    group: 'Conflict',
    keys: ['k', 'ArrowUp'],
    when: ['conflict'],
  },
  {
    id: 'conflict-theirs',
    label: 'Keep what Envoke has',
    group: 'Conflict',
    keys: ['t', 'ArrowLeft'],
    when: ['conflict'],
  },
  {
    id: 'conflict-mine',
    label: 'Keep my change',
    group: 'Conflict',
    keys: ['m', 'ArrowRight'],
    when: ['conflict'],
  },
] as const satisfies readonly ActionSpec[];

export type ActionId = (typeof ACTION_SPECS)[number]['id'];
