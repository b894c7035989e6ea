/**
 * The one key handler: turns a key press into the keymap action of the context that has the
 * keyboard. It stays out of the way while a text field has focus, while an IME composes, and
 * when Enter or Space would press a focused button.
 */
import { useEffect } from 'react';
import { keyContextOf } from '../store/ui-slice';
import { useStore } from '../store/store';
import { keymapActions, type Action } from './actions';
import { createResolver } from './registry';
import { keyName, takesTyping } from './keys';

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
      const action = resolverFor(keymapActions(state.prefs.keymap))(context, name);
      if (!action) return;
      event.preventDefault();
      action.run();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
