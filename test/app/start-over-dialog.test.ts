// The desktop app's start-over question, with a stand-in for Electron's message box: Quit is the
// default, what starting over costs is in the text, and changes lost for good need a ticked box.
import { describe, expect, it } from 'vitest';
import {
  createStartOverDialog,
  START_OVER_BUTTON,
  type MessageBoxLike,
} from '../../src-main/app/start-over-dialog';
import type { DatabaseKeyring } from '../../src-main/app/database-keys';
import type { StartOverPlan } from '../../src-main/shell-kit/start-over';

function box(answers: { response: number; checkboxChecked: boolean }[]) {
  const shown: Parameters<MessageBoxLike['showMessageBox']>[0][] = [];
  const dialog: MessageBoxLike = {
    showMessageBox: async (options) => {
      shown.push(options);
      return answers.shift() ?? { response: 0, checkboxChecked: false };
    },
  };
  return { dialog, shown };
}

const moved: [string, string][] = [];
const keys = {
  setAside: (from: string, to: string) => moved.push([from, to]),
} as unknown as DatabaseKeyring;

const lost: StartOverPlan = {
  dbPath: '/profile/databases/account-1.db',
  reason:
    'The local database /profile/databases/account-1.db cannot be opened with the key this computer keeps for it.',
  unsent: 18,
  savedTo: null,
};

describe('the start-over dialog', () => {
  it('says what is lost, defaults to Quit, and goes ahead only with the loss ticked', async () => {
    const { dialog, shown } = box([
      { response: 1, checkboxChecked: false },
      { response: 1, checkboxChecked: true },
    ]);
    expect(await createStartOverDialog(dialog, keys).ask(lost)).toBe(true);
    expect(shown).toHaveLength(2);
    expect(shown[0]).toMatchObject({
      buttons: ['Quit', START_OVER_BUTTON],
      defaultId: 0,
      cancelId: 0,
      checkboxLabel: 'I accept that 18 changes not yet sent are lost',
      checkboxChecked: false,
    });
    expect(shown[0]!.detail).toContain(lost.reason);
    expect(shown[0]!.detail).toContain(
      'Its 18 changes not yet sent to Envoke cannot be read, so they would be lost.',
    );
    expect(shown[1]!.detail).toContain('Tick the box to confirm, or Quit.');
  });

  it('Quit changes nothing; changes saved first need no box; the key follows the set-aside file', async () => {
    const quit = box([{ response: 0, checkboxChecked: true }]);
    expect(await createStartOverDialog(quit.dialog, keys).ask(lost)).toBe(false);

    const saved = box([{ response: 1, checkboxChecked: false }]);
    const plan = { ...lost, savedTo: '/profile/databases/account-1.db.unsent-x.json' };
    expect(await createStartOverDialog(saved.dialog, keys).ask(plan)).toBe(true);
    expect(saved.shown[0]).not.toHaveProperty('checkboxLabel');
    expect(saved.shown[0]!.detail).toContain(
      'were saved to /profile/databases/account-1.db.unsent-x.json',
    );

    createStartOverDialog(saved.dialog, keys).setAside(lost.dbPath, `${lost.dbPath}.unreadable-x`);
    expect(moved).toEqual([[lost.dbPath, `${lost.dbPath}.unreadable-x`]]);
  });
});
