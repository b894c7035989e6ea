/**
 * The desktop app's start-over question for a database that cannot be opened: what is wrong,
 * what starting over does and what it costs (shell-kit/start-over.ts), with Quit as the default.
 * When changes would be lost for good (none could be saved), the person also ticks a box saying
 * so, as the CLI asks for --yes: one stray Enter never discards them.
 */
import { describeStartOver, losesChanges, type StartOverPlan } from '../shell-kit/start-over';
import type { StartOverDialog } from '../session';
import type { DatabaseKeyring } from './database-keys';

export interface MessageBoxLike {
  showMessageBox(options: {
    type: 'warning';
    message: string;
    detail: string;
    buttons: string[];
    defaultId: number;
    cancelId: number;
    checkboxLabel?: string;
    checkboxChecked?: boolean;
  }): Promise<{ response: number; checkboxChecked: boolean }>;
}

export const START_OVER_BUTTON = 'Set it aside and download the leads again';

function lossLabel(plan: StartOverPlan): string {
  if (plan.unsent === null) return 'I accept that any changes not yet sent are lost';
  return `I accept that ${plan.unsent} ${plan.unsent === 1 ? 'change' : 'changes'} not yet sent ${plan.unsent === 1 ? 'is' : 'are'} lost`;
}

export function createStartOverDialog(
  dialog: MessageBoxLike,
  keys: DatabaseKeyring,
): StartOverDialog {
  return {
    async ask(plan) {
      const loses = losesChanges(plan);
      let detail = `${plan.reason}\n\n${describeStartOver(plan)}`;
      for (;;) {
        const { response, checkboxChecked } = await dialog.showMessageBox({
          type: 'warning',
          message: 'The local database cannot be opened',
          detail,
          buttons: ['Quit', START_OVER_BUTTON],
          defaultId: 0,
          cancelId: 0,
          ...(loses ? { checkboxLabel: lossLabel(plan), checkboxChecked: false } : {}),
        });
        if (response !== 1) return false;
        if (!loses || checkboxChecked) return true;
        detail = `${plan.reason}\n\n${describeStartOver(plan)}\n\nTick the box to confirm, or Quit.`;
      }
    },
    setAside: (dbPath, aside) => keys.setAside(dbPath, aside),
  };
}
