/**
 * The one registry of keyboard actions: applies the person's remapping to the defaults, finds the
 * action for a key in a context, and refuses any keymap where one key would mean two things.
 * Pure: the key handler, the palette, the help overlay and settings all read from here.
 */
import type { ActionSpec, KeyContext } from './specs';

/** Action id -> keys, as kept in settings. Missing ids keep their default keys. */
export type KeymapOverrides = Readonly<Record<string, readonly string[]>>;

export interface KeyClash {
  context: KeyContext;
  key: string;
  actionIds: string[];
}

/** The specs with the person's keys in place of the defaults. Unknown ids are ignored. */
export function applyOverrides<S extends ActionSpec>(
  specs: readonly S[],
  overrides: KeymapOverrides,
): S[] {
  return specs.map((spec) => {
    const keys = Object.prototype.hasOwnProperty.call(overrides, spec.id)
      ? overrides[spec.id]
      : undefined;
    return keys ? { ...spec, keys: [...keys] } : spec;
  });
}

/** Every key that would run more than one action in some context. */
export function findClashes(specs: readonly ActionSpec[]): KeyClash[] {
  const owners = new Map<string, { context: KeyContext; key: string; actionIds: string[] }>();
  for (const spec of specs) {
    for (const context of spec.when) {
      for (const key of new Set(spec.keys)) {
        const slot = `${context}\u0000${key}`;
        const owner = owners.get(slot);
        if (owner) owner.actionIds.push(spec.id);
        else owners.set(slot, { context, key, actionIds: [spec.id] });
      }
    }
  }
  return [...owners.values()].filter((owner) => owner.actionIds.length > 1);
}

/** Looks an action up by context and key name. Built once per keymap. */
export function createResolver<S extends ActionSpec>(
  specs: readonly S[],
): (context: KeyContext, key: string) => S | undefined {
  const table = new Map<string, S>();
  for (const spec of specs) {
    for (const context of spec.when) {
      for (const key of spec.keys) {
        const slot = `${context}\u0000${key}`;
        // findClashes keeps clashing keymaps out; should one slip in, the first action wins.
        if (!table.has(slot)) table.set(slot, spec);
      }
    }
  }
  return (context, key) => table.get(`${context}\u0000${key}`);
}

/**
 * Checks a new set of keys for one action against the rest of the keymap. Returns a sentence
 * naming the action that already uses a key, or null when the keys are free.
 */
export function checkRemap(
  specs: readonly ActionSpec[],
  overrides: KeymapOverrides,
  actionId: string,
  keys: readonly string[],
): string | null {
  const target = specs.find((spec) => spec.id === actionId);
  if (!target) return `There is no action "${actionId}".`;
  const proposed = applyOverrides(specs, { ...overrides, [actionId]: keys });
  const clash = findClashes(proposed).find((c) => c.actionIds.includes(actionId));
  if (!clash) return null;
  const other = clash.actionIds.find((id) => id !== actionId);
  const otherLabel = specs.find((spec) => spec.id === other)?.label ?? other;
  return `${clash.key} already means “${otherLabel}” there.`;
}
