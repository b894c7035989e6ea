/** The salesperson editor offers the account's known names, most used first. */
import { expect } from '@playwright/test';
import { SimLeadStore } from '../../src-main/sim';
import { createTimeFormatter } from '../../src-main/sim/time';
import { currentEnvokeId, expectPending, openApp, press, SCREENSHOTS, test } from './support/app';

/** The demo's salespeople by how many leads each has, as the demo's simulator seeds them. */
function knownByUse(): string[] {
  const seeded = new SimLeadStore({
    seed: 1,
    leads: 150,
    clock: () => new Date(),
    formatTime: createTimeFormatter('UTC'),
  });
  const counts = new Map<string, number>();
  for (const lead of seeded.all())
    if (lead.salesperson) counts.set(lead.salesperson, (counts.get(lead.salesperson) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name]) => name);
}

test('a picks from the known salespeople, most used first, and takes one by keyboard', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  const id = await currentEnvokeId(page);
  const now = (await app.envoke.lead(id))?.salesperson ?? '';
  const expected = knownByUse().filter((name) => name !== now);
  expect(expected.length).toBeGreaterThan(1);

  await press(page, 'a');
  const editor = page.getByRole('dialog', { name: 'Salesperson' });
  const names = editor.getByRole('listbox', { name: 'Known salespeople' }).getByRole('option');
  await expect(editor.getByRole('combobox', { name: 'Salesperson' })).toBeFocused();
  await expect(names).toHaveText(expected.slice(0, 6));
  await page.screenshot({ path: `${SCREENSHOTS}/salesperson-names.png` });

  // Typing narrows them; ↓ and Enter take one; Enter again saves.
  const pick = expected[1] ?? '';
  await press(page, 'Control+a');
  await page.keyboard.type(pick.slice(0, 3));
  await expect(names.first()).toBeVisible();
  const offered = await names.allTextContents();
  const typed = pick.slice(0, 3).toLowerCase();
  expect(offered.every((name) => name.toLowerCase().startsWith(typed))).toBe(true);
  expect(offered).toContain(pick);
  await press(page, 'ArrowDown');
  await press(page, 'Enter');
  await expect(editor.getByRole('combobox', { name: 'Salesperson' })).toHaveValue(offered[0] ?? '');
  await press(page, 'Enter');
  await expect(editor).toBeHidden();
  await expectPending(page, 0, 20_000);
  expect((await app.envoke.lead(id))?.salesperson).toBe(offered[0]);
});
