/**
 * Saved views, export, the pipeline and possible duplicates in Chromium through the browser host:
 * a view built by typing a query in the palette (with completion) is saved and still there with
 * its count after the host restarts; the CSV export of a view parses back to the same rows as the
 * JSON export, tricky cells included; each pipeline bar opens a view of exactly its count; a
 * seeded duplicate pair is listed side by side and can be dismissed.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect, type Page } from '@playwright/test';
import {
  currentLead,
  leadList,
  openApp,
  press,
  SCREENSHOTS,
  startApp,
  statusBar,
  test,
  type TestApp,
} from './support/app';

const queryBar = (page: Page) => page.getByRole('region', { name: 'Query' });
const savedViews = (page: Page) => page.getByRole('list', { name: 'Saved views' });

/** "N leads" in the query bar, once the list has loaded. */
async function listedCount(page: Page): Promise<number> {
  const text =
    (await queryBar(page).locator('.query-count').textContent({ timeout: 10_000 })) ?? '';
  await expect(queryBar(page).locator('.query-count')).toHaveText(/\d[\d,]* leads/);
  const settled = (await queryBar(page).locator('.query-count').textContent()) ?? text;
  return Number(settled.replace(/[^\d]/g, ''));
}

async function syncNow(page: Page): Promise<void> {
  await press(page, 'Shift+S');
  await expect(statusBar(page)).toContainText(/^Online\W.*(?<!not )synced/, { timeout: 20_000 });
}

test('a view typed in the palette is saved and still there, with its count, after a restart', async ({
  page,
}) => {
  // The folder outlives the first host, so the second opens the same database file.
  const dir = mkdtempSync(join(tmpdir(), 'lead-triage-e2e-restart-'));
  let app: TestApp | null = await startApp(150, dir);
  try {
    const commands: string[] = [];
    page.on('request', (request) => {
      const found = /(query(?:%3A|:)[a-z-]+)/.exec(request.url());
      if (found) commands.push(decodeURIComponent(found[1] ?? ''));
    });
    await openApp(page, app);
    await press(page, 'Control+k');
    const palette = page.getByRole('dialog', { name: 'Commands' });
    await page.keyboard.type('staus:passed');
    await expect(palette.getByRole('alert')).toHaveText(
      "Unknown field 'staus' — did you mean status?",
    );
    await page.getByRole('combobox', { name: 'Type a command' }).fill('status:pa');
    // Completion: the one status that begins so, in Envoke's spelling.
    await expect(palette.getByRole('option').nth(1)).toContainText('status:"Passed to sales"');
    await page.screenshot({ path: `${SCREENSHOTS}/palette-query.png` });
    await press(page, 'Tab');
    await page.keyboard.type('sort:company');
    await expect(palette.getByRole('option').first()).toContainText(
      'Show leads matching: status:"Passed to sales" sort:company',
    );
    await press(page, 'Enter');

    await expect(queryBar(page)).toBeVisible();
    const count = await listedCount(page);
    expect(count).toBeGreaterThan(0);
    // The list reads the view by keyset pages, never its whole id list.
    expect(commands).toContain('query:id-page');
    expect(commands).not.toContain('query:ids');
    await expect(leadList(page).getByRole('option').first()).toHaveAttribute(
      'data-envoke-id',
      /\d+/,
    );
    await queryBar(page).getByRole('textbox', { name: 'View name' }).fill('Passed by company');
    await queryBar(page).getByRole('button', { name: 'Save view' }).click();
    const saved = savedViews(page).getByRole('button', { name: /Passed by company/ });
    await expect(saved).toContainText(count.toLocaleString('en-US'));
    await page.screenshot({ path: `${SCREENSHOTS}/saved-view.png` });

    await app.stop();
    app = null;
    app = await startApp(150, dir);
    await openApp(page, app);
    const again = savedViews(page).getByRole('button', { name: /Passed by company/ });
    await expect(again).toContainText(count.toLocaleString('en-US'));
    // g 1 opens the first saved view, in its sort.
    await press(page, 'g', '1');
    await expect(queryBar(page).locator('.query-name')).toHaveText('Passed by company');
    expect(await listedCount(page)).toBe(count);
    await expect(queryBar(page).getByRole('combobox', { name: 'Sort' })).toHaveValue('company');
    await page.screenshot({ path: `${SCREENSHOTS}/saved-view-after-restart.png` });
    // g followed by a key that ends no sequence means that key alone: j moves down.
    await expect(currentLead(page)).toHaveAttribute('aria-posinset', '1');
    await press(page, 'g', 'j');
    await expect(currentLead(page)).toHaveAttribute('aria-posinset', '2');

    // The query box completes too: has:n becomes has:note, and Enter narrows the list.
    const box = queryBar(page).getByRole('combobox', { name: 'Lead query' });
    await box.click();
    await box.press('End');
    await page.keyboard.type(' has:n');
    await expect(queryBar(page).getByRole('listbox', { name: 'Completions' })).toContainText(
      'has:note',
    );
    await press(page, 'Tab');
    await expect(box).toHaveValue('status:"Passed to sales" has:note ');
    await press(page, 'Enter');
    await expect(queryBar(page).locator('.query-name')).toHaveText('Query');
    const narrowed = await listedCount(page);
    expect(narrowed).toBeLessThanOrEqual(count);
    await box.fill('staus:x');
    await press(page, 'Enter');
    await expect(queryBar(page).getByRole('alert')).toHaveText(
      "Unknown field 'staus' — did you mean status?",
    );
  } finally {
    await app?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the CSV export of a view parses back to the same rows, tricky cells included', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  const tricky = await app.envoke.insert({
    contact: {
      email: 'tricky@csv.example',
      first_name: '=HYPERLINK("x")',
      last_name: 'Zoë',
      company: 'Ñandú, "Quoted"\nLtd',
    },
    marketing_rating_status: 'Passed to sales',
  });
  await syncNow(page);
  await press(page, 'Control+k');
  await page.keyboard.type('status:passed');
  await press(page, 'Enter');
  const count = await listedCount(page);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    queryBar(page).getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^leads-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = readFileSync(await download.path(), 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const records = parse(text, { columns: true, bom: true }) as Record<string, string>[];
  expect(records).toHaveLength(count);

  // The JSON export of the same view is the reference: the same rows, in the same order.
  const json = await page.request.get(
    new URL('/api/export?format=json&query=status%3Apassed&sort=-created', app.url).toString(),
  );
  const rows = (await json.json()) as Record<string, unknown>[];
  expect(records.map((record) => record.id)).toEqual(rows.map((row) => String(row.id)));
  const mine = records.find((record) => record.envokeId === tricky.id);
  expect(mine).toMatchObject({
    // The formula cell is defused with a leading ', everything else exactly as typed.
    contactName: `'=HYPERLINK("x") Zoë`,
    company: 'Ñandú, "Quoted"\nLtd',
    email: 'tricky@csv.example',
  });
  const other = records.find((record) => record.envokeId !== tricky.id)!;
  const reference = rows.find((row) => String(row.id) === other.id)!;
  expect(other.company).toBe(reference.company);
  expect(other.contactName).toBe(reference.contactName);
});

test('each pipeline bar opens a view of exactly its count', async ({ page, app }) => {
  await openApp(page, app);
  const steps = ['new', 'passed', 'rated-good', 'opportunity', 'sale'];
  for (const [index, step] of steps.entries()) {
    await press(page, 'g', 'p');
    const panel = page.getByRole('dialog', { name: 'Pipeline' });
    await panel.getByRole('combobox', { name: 'Period' }).selectOption('custom');
    await panel.getByRole('textbox', { name: 'From' }).fill('2000-01-01');
    const bar = panel.locator(`g[data-step="${step}"]`);
    await expect(bar).toHaveAttribute('data-count', /\d+/);
    await expect(panel.getByRole('group', { name: /Pipeline from 2000-01-01/ })).toBeVisible();
    if (index === 0) {
      expect(Number(await bar.getAttribute('data-count'))).toBeGreaterThan(0);
      await page.screenshot({ path: `${SCREENSHOTS}/pipeline.png` });
      // The theme's colours: bars, labels and trend stay readable on the dark background.
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.screenshot({ path: `${SCREENSHOTS}/pipeline-dark.png` });
      await page.emulateMedia({ colorScheme: 'light' });
    }
    const expected = Number(await bar.getAttribute('data-count'));
    await expect(bar).toHaveAttribute('aria-label', new RegExp(`leads.*Open as a view`));
    await bar.focus();
    await press(page, 'Enter');
    await expect(panel).toBeHidden();
    await expect(queryBar(page)).toBeVisible();
    expect(await listedCount(page)).toBe(expected);
  }
});

test('a seeded duplicate pair is listed side by side, flagged in the list, and can be dismissed', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  const first = await app.envoke.insert({
    contact: {
      email: 'Dup.Pair@Example.com',
      first_name: 'Dana',
      last_name: 'Pair',
      company: 'Twice Inc',
    },
    marketing_rating_status: 'Unprocessed',
  });
  const second = await app.envoke.insert({
    contact: {
      email: 'dup.pair@example.com',
      first_name: 'Dana',
      last_name: 'Pair',
      company: 'Twice Inc',
    },
    marketing_rating_status: 'Unprocessed',
  });
  await syncNow(page);
  await press(page, 'g', 'd');
  const panel = page.getByRole('dialog', { name: 'Possible duplicates' });
  // Envoke keeps one contact per email (in any case): two leads of it are the same person twice.
  const pair = panel.getByRole('listitem').filter({ hasText: 'Dup.Pair@Example.com' });
  await expect(pair).toContainText('Same email');
  await expect(pair.locator('.duplicate-card')).toHaveCount(2);
  await page.screenshot({ path: `${SCREENSHOTS}/duplicates.png` });

  await pair.getByRole('button', { name: 'Show both' }).click();
  await expect(panel).toBeHidden();
  expect(await listedCount(page)).toBe(2);
  for (const id of [first.id, second.id])
    await expect(leadList(page).locator(`[data-envoke-id="${id}"] .dup-flag`)).toBeVisible();

  await press(page, 'g', 'd');
  await page
    .getByRole('dialog', { name: 'Possible duplicates' })
    .getByRole('listitem')
    .filter({ hasText: 'Dup.Pair@Example.com' })
    .getByRole('button', { name: 'Not a duplicate' })
    .click();
  await expect(
    page
      .getByRole('dialog', { name: 'Possible duplicates' })
      .getByRole('listitem')
      .filter({ hasText: 'Dup.Pair@Example.com' }),
  ).toHaveCount(0);
});

test('saved views are renamed, reordered and deleted from the query bar', async ({ page, app }) => {
  await openApp(page, app);
  for (const [query, name] of [
    ['rating:hot', 'Hot'],
    ['rating:cold', 'Cold'],
  ] as const) {
    await press(page, 'Control+k');
    await page.keyboard.type(query);
    await press(page, 'Enter');
    await queryBar(page).getByRole('textbox', { name: 'View name' }).fill(name);
    await queryBar(page).getByRole('button', { name: 'Save view' }).click();
    await expect(
      savedViews(page).getByRole('button', { name: new RegExp(`^${name}`) }),
    ).toBeVisible();
  }
  const names = () => savedViews(page).locator('.view-label').allTextContents();
  expect(await names()).toEqual(['Hot', 'Cold']);

  // "Cold" is shown: move it up, rename it, and g 1 now opens it.
  await queryBar(page).getByRole('button', { name: 'Move up' }).click();
  await expect.poll(names).toEqual(['Cold', 'Hot']);
  await queryBar(page).getByRole('textbox', { name: 'View name' }).fill('Hot');
  await queryBar(page).getByRole('button', { name: 'Rename' }).click();
  await expect(queryBar(page).getByRole('alert')).toHaveText(
    'A view named "Hot" exists already: pick another name.',
  );
  await queryBar(page).getByRole('textbox', { name: 'View name' }).fill('Cold leads');
  await queryBar(page).getByRole('button', { name: 'Rename' }).click();
  await expect.poll(names).toEqual(['Cold leads', 'Hot']);
  await page.locator('#lead-list').focus();
  await press(page, 'g', '2');
  await expect(queryBar(page).locator('.query-name')).toHaveText('Hot');
  await queryBar(page).getByRole('button', { name: 'Delete view' }).click();
  await expect.poll(names).toEqual(['Cold leads']);
});
