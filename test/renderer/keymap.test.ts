import { describe, expect, it } from 'vitest';
import { unboundKeyHint } from '../../src-renderer/keymap/hints';
import { displayKey, keyName, takesTyping, type KeyLike } from '../../src-renderer/keymap/keys';
import {
  applyOverrides,
  checkRemap,
  createResolver,
  findClashes,
} from '../../src-renderer/keymap/registry';
import { ACTION_SPECS, KEY_CONTEXTS, type ActionSpec } from '../../src-renderer/keymap/specs';

function press(key: string, mods: Partial<KeyLike> = {}): KeyLike {
  return { key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods };
}

describe('default keymap', () => {
  it('gives no key two actions in the same context', () => {
    expect(findClashes(ACTION_SPECS)).toEqual([]);
  });

  it('has unique action ids', () => {
    const ids = ACTION_SPECS.map((spec) => spec.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('carries the keys the triage view promises', () => {
    const resolve = createResolver(ACTION_SPECS);
    const expected: Record<string, string> = {
      j: 'next',
      ArrowDown: 'next',
      k: 'previous',
      ArrowUp: 'previous',
      Home: 'first',
      End: 'last',
      m: 'stage-marketing',
      s: 'stage-sales',
      '1': 'status-1',
      '5': 'status-5',
      h: 'rating-1',
      w: 'rating-2',
      c: 'rating-3',
      'Shift+r': 'rating-pick',
      n: 'note',
      o: 'opportunity',
      $: 'sale',
      x: 'toggle-select',
      z: 'undo',
      'Mod+z': 'undo',
      'Mod+Shift+z': 'redo',
      '/': 'search',
      Escape: 'clear',
      'Mod+k': 'palette',
      'Mod+n': 'new-lead',
      '?': 'help',
    };
    for (const [key, id] of Object.entries(expected))
      expect(resolve('list', key)?.id, key).toBe(id);
  });

  it('lets every panel close with Escape and open the palette', () => {
    const resolve = createResolver(ACTION_SPECS);
    for (const context of KEY_CONTEXTS.filter((c) => c !== 'list')) {
      expect(resolve(context, 'Escape')?.id).toBe('close');
      expect(resolve(context, 'Mod+k')?.id).toBe('palette');
    }
  });

  it('keeps list keys out of panels', () => {
    const resolve = createResolver(ACTION_SPECS);
    expect(resolve('outbox', '1')).toBeUndefined();
    expect(resolve('conflict', 'h')).toBeUndefined();
    expect(resolve('outbox', 'r')?.id).toBe('outbox-retry');
    expect(resolve('conflict', 'm')?.id).toBe('conflict-mine');
  });
});

describe('remapping', () => {
  it('replaces the default keys of an action and frees the old ones', () => {
    const specs = applyOverrides(ACTION_SPECS, { next: ['l'] });
    const resolve = createResolver(specs);
    expect(resolve('list', 'l')?.id).toBe('next');
    expect(resolve('list', 'j')).toBeUndefined();
    expect(resolve('list', 'k')?.id).toBe('previous');
  });

  it('ignores overrides for actions that do not exist', () => {
    expect(applyOverrides(ACTION_SPECS, { nope: ['q'] })).toEqual(ACTION_SPECS);
  });

  it('refuses a key another action uses in the same context, naming it', () => {
    expect(checkRemap(ACTION_SPECS, {}, 'next', ['k'])).toBe(
      'k already means “Previous lead” there.',
    );
  });

  it('accepts a key used only in another context', () => {
    expect(checkRemap(ACTION_SPECS, {}, 'next', ['e'])).toBeNull();
    expect(checkRemap(ACTION_SPECS, {}, 'outbox-edit', ['h'])).toBeNull();
  });

  it('sees clashes created by earlier overrides', () => {
    expect(checkRemap(ACTION_SPECS, { previous: ['q'] }, 'next', ['q'])).toMatch(/Previous lead/);
    expect(checkRemap(ACTION_SPECS, { previous: ['q'] }, 'next', ['k'])).toBeNull();
  });

  it('finds a clash across two actions that share a context', () => {
    const specs: ActionSpec[] = [
      { id: 'a', label: 'A', group: 'Move', keys: ['q'], when: ['list', 'outbox'] },
      { id: 'b', label: 'B', group: 'Move', keys: ['q'], when: ['outbox'] },
    ];
    expect(findClashes(specs)).toEqual([{ context: 'outbox', key: 'q', actionIds: ['a', 'b'] }]);
  });
});

describe('key names', () => {
  it('names letters lower-case and keeps Shift only where the character does not carry it', () => {
    expect(keyName(press('J', { shiftKey: true }))).toBe('Shift+j');
    expect(keyName(press('j'))).toBe('j');
    expect(keyName(press('?', { shiftKey: true }))).toBe('?');
    expect(keyName(press('$', { shiftKey: true }))).toBe('$');
    expect(keyName(press('ArrowDown', { shiftKey: true }))).toBe('Shift+ArrowDown');
  });

  it('reads Ctrl and Cmd both as Mod', () => {
    expect(keyName(press('z', { ctrlKey: true }))).toBe('Mod+z');
    expect(keyName(press('z', { metaKey: true }))).toBe('Mod+z');
    expect(keyName(press('Z', { ctrlKey: true, shiftKey: true }))).toBe('Mod+Shift+z');
  });

  it('reads the physical key under Alt, where the character changes', () => {
    expect(keyName(press('¡', { altKey: true, code: 'Digit1' }))).toBe('Alt+1');
  });

  it('ignores modifiers pressed alone', () => {
    expect(keyName(press('Shift', { shiftKey: true }))).toBeNull();
    expect(keyName(press('Control', { ctrlKey: true }))).toBeNull();
  });

  it('shows keys the way each platform writes them', () => {
    expect(displayKey('Mod+Shift+z', false)).toBe('Ctrl+Shift+Z');
    expect(displayKey('Mod+k', true)).toBe('⌘K');
    expect(displayKey('ArrowDown', false)).toBe('↓');
    expect(displayKey('j', false)).toBe('j');
  });
});

describe('text fields', () => {
  it('treats inputs that take typing, text areas, selects and editable content as typing targets', () => {
    expect(takesTyping({ tagName: 'INPUT', type: 'text' })).toBe(true);
    expect(takesTyping({ tagName: 'INPUT', type: 'search' })).toBe(true);
    expect(takesTyping({ tagName: 'INPUT', type: 'email' })).toBe(true);
    expect(takesTyping({ tagName: 'TEXTAREA' })).toBe(true);
    expect(takesTyping({ tagName: 'SELECT' })).toBe(true);
    expect(takesTyping({ tagName: 'DIV', isContentEditable: true })).toBe(true);
  });

  it('leaves buttons, checkboxes and the list to the keymap', () => {
    expect(takesTyping({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(takesTyping({ tagName: 'BUTTON' })).toBe(false);
    expect(takesTyping({ tagName: 'DIV' })).toBe(false);
    expect(takesTyping(null)).toBe(false);
  });
});

describe('keys that mean nothing', () => {
  it('get a sentence that points to the keymap', () => {
    expect(unboundKeyHint('q', '?')).toBe('“q” does nothing here. Press ? to see every key.');
    expect(unboundKeyHint('9', undefined)).toBe('“9” does nothing here.');
  });

  it('stay quiet for chords and named keys, which belong to the system', () => {
    expect(unboundKeyHint('Mod+p', '?')).toBeNull();
    expect(unboundKeyHint('Shift+q', '?')).toBeNull();
    expect(unboundKeyHint('Tab', '?')).toBeNull();
    expect(unboundKeyHint('F5', '?')).toBeNull();
  });
});
