/**
 * The one key handler: turns a key press into the keymap action of the context that has the
 * keyboard. It stays out of the way while a text field has focus, while an IME composes, and
 * when Enter or Space would press a focused button. A typed key that means nothing in the list
 * gets a short word instead of silence.
 */
import { useEffect } from 'react';
import { isMac } from '../logic/platform';
import { keyContextOf } from '../store/ui-slice';
import { useStore } from '../store/store';
import { keymapActions, type Action } from './actions';
import { createResolver } from './registry';
import { unboundKeyHint } from './hints';
import { displayKey, keyName, takesTyping } from './keys';

type Resolver = ReturnType<typeof createResolver<Action>>;
const resolvers = new WeakMap<readonly Action[], Resolver>();

function resolverFor(actions: readonly Action[]): Resolver {
  let resolver = resolvers.get(actions);
  if (!resolver) resolvers.set(actions, (resolver = createResolver(actions)));
  return resolver;
}

function pressesControl(element: Element | null, key: string | null): boolean {
  if (!element || (key !== 'Enter' && key !== 'Space')) return false;
  return element.tagName === 'BUTTON' || element.tagName === 'A' || element.tagName === 'INPUT';
}

let lastHint: number | null = null;

/** How long the first key of a sequence (`g` of `g 1`) waits for the second. */
const SEQUENCE_MS = 1500;
let pendingPrefix: { key: string; at: number } | null = null;

/** True when some action of the context has a sequence starting with `name`. */
function startsSequence(actions: readonly Action[], context: string, name: string): boolean {
  return actions.some(
    (action) =>
      (action.when as readonly string[]).includes(context) &&
      action.keys.some((key) => key.startsWith(`${name} `)),
  );
}

/** Says that a key does nothing, replacing the previous such message rather than piling up. */
function hintUnbound(name: string, actions: readonly Action[]): void {
  const helpKey = actions.find((action) => action.id === 'help')?.keys[0];
  const hint = unboundKeyHint(name, helpKey && displayKey(helpKey, isMac));
  if (!hint) return;
  const store = useStore.getState();
  if (lastHint !== null) store.dismissToast(lastHint);
  lastHint = store.addToast('info', hint);
}

export function useKeyboard(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const focused = document.activeElement as HTMLElement | null;
      if (takesTyping(focused)) return;
      const name = keyName(event);
      if (!name || pressesControl(focused, name)) return;
      const state = useStore.getState();
      const context = keyContextOf(state.panels);
      if (!context) return;
      const actions = keymapActions(state.prefs.keymap);
      const prefix = pendingPrefix;
      pendingPrefix = null;
      const sequence =
        prefix !== null && event.timeStamp - prefix.at < SEQUENCE_MS
          ? `${prefix.key} ${name}`
          : null;
      const resolve = resolverFor(actions);
      // A second key that ends no sequence (g, then x) means what it means on its own.
      const action =
        (sequence !== null ? resolve(context, sequence) : undefined) ?? resolve(context, name);
      if (!action && startsSequence(actions, context, name)) {
        event.preventDefault();
        pendingPrefix = { key: name, at: event.timeStamp };
        return;
      }
      if (!action) {
        if (context !== 'help') hintUnbound(name, actions);
        return;
      }
      event.preventDefault();
      action.run();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
