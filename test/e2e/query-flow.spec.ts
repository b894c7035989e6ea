/**
 * Typing queries as a new user does: what runs is what the box shows, completion starts at the
 * first letter and never rewrites a query that ran, a sort belongs to its own query, and the list,
 * its empty state and its counts name the query shown.
 */
import { expect, type Page } from '@playwright/test';
import { leadList, openApp, press, SCREENSHOTS, startApp, test } from './support/app';

const queryBar = (page: Page) => page.getByRole('region', { name: 'Query' });
const queryBox = (page: Page) => queryBar(page).getByRole('combobox', { name: 'Lead query' });
const completions = (page: Page) => page.getByRole('listbox', { name: 'Completions' });

async function runInPalette(page: Page, query: string): Promise<void> {
  await press(page, 'Control+k');
  await page.keyboard.type(query);
  await press(page, 'Enter');
  await expect(page.getByRole('dialog', { name: 'Commands' })).toBeHidden();
  await expect(queryBar(page)).toBeVisible();
}

test('after Enter the query box shows what ran, and Tab never rewrites it', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await runInPalette(page, 'status:passed rating:hot company:acme');
  const ran = 'status:"Passed to sales" rating:Hot company:acme';
  await expect(queryBox(page)).toHaveValue(ran);
  // Into the box and on with Tab: focus passes through; nothing is completed or opened.
  await queryBox(page).click();
  await expect(completions(page)).toHaveCount(0);
  await press(page, 'Tab');
  await expect(queryBox(page)).toHaveValue(ran);
  await expect(queryBox(page)).not.toBeFocused();
  await expect(completions(page)).toHaveCount(0);

  // Typed in the box itself: the completion list closes when the query runs, and the box then
  // holds what ran.
  await queryBox(page).focus();
  await press(page, 'End');
  await page.keyboard.type(' rating:h');
  await expect(completions(page)).toBeVisible();
  await press(page, 'Escape');
  await queryBox(page).focus();
  await press(page, 'End', 'Backspace', 'Backspace', 'Backspace', 'Backspace', 'Backspace');
  await press(page, 'Backspace', 'Backspace', 'Backspace', 'Backspace');
  await page.keyboard.type(' sale:none');
  await press(page, 'Enter');
  await expect(completions(page)).toHaveCount(0);
  await expect(queryBox(page)).toHaveValue(`${ran} sale:None`);
  await press(page, 'Tab');
  await expect(queryBox(page)).toHaveValue(`${ran} sale:None`);
  await page.screenshot({ path: `${SCREENSHOTS}/query-after-run.png` });
  await expect(leadList(page)).toBeVisible();
});

test('a sort belongs to its query: the next query starts newest first, and so does a view saved from it', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  const sort = queryBar(page).getByLabel('Sort');
  await runInPalette(page, 'rating:hot sort:rating');
  await expect(sort).toHaveValue('rating');
  await runInPalette(page, 'status:passed');
  await expect(sort).toHaveValue('-created');
  await queryBar(page).getByRole('textbox', { name: 'View name' }).fill('Passed, newest');
  await press(page, 'Enter');
  await expect(page.getByText('Saved the view “Passed, newest”.')).toBeVisible();
  await expect(sort).toHaveValue('-created');

  // In the query bar, the sort chosen beside the box stays while the query is refined there.
  await sort.selectOption('company');
  await queryBox(page).focus();
  await press(page, 'End');
  await page.keyboard.type(' has:email');
  await press(page, 'Enter');
  await expect(queryBox(page)).toHaveValue('status:"Passed to sales" has:email');
  await expect(sort).toHaveValue('company');
});

test('a query shown from another view names the query, in its label and its empty state', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await press(page, ']', ']', ']', ']', ']');
  await expect(leadList(page)).toHaveAccessibleName('Leads: Won');
  await runInPalette(page, 'company:"no such company anywhere"');
  await expect(leadList(page)).toHaveAccessibleName('Leads: Query');
  await expect(leadList(page)).toContainText('No lead matches this query.');
  await expect(leadList(page)).not.toContainText(/Won|All leads/);

  // A pipeline bar or saved view is named by its own name.
  await queryBar(page).getByRole('textbox', { name: 'View name' }).fill('Nobody');
  await press(page, 'Enter');
  await expect(leadList(page)).toHaveAccessibleName('Leads: Nobody');
  await expect(leadList(page)).toContainText('No lead matches “Nobody”.');
});

test('the query bar says the number the pipeline says, past 1,000 too, and "1 lead"', async ({
  page,
}) => {
  const app = await startApp(1_400);
  try {
    await openApp(page, app);
    await press(page, 'g', 'p');
    const panel = page.getByRole('dialog', { name: 'Pipeline' });
    await panel.getByRole('combobox', { name: 'Period' }).selectOption('custom');
    await panel.getByRole('textbox', { name: 'From' }).fill('2000-01-01');
    const bar = panel.locator('g[data-step="new"]');
    await expect(bar).toHaveAttribute('data-count', /^1\d{3}$/);
    const count = Number(await bar.getAttribute('data-count'));
    await bar.focus();
    await press(page, 'Enter');
    await expect(queryBar(page).locator('.query-count')).toHaveText(
      `${count.toLocaleString('en-US')} leads`,
    );
    // Saved, the view shown says that number in the sidebar too, not "1,000+".
    await queryBar(page).getByRole('textbox', { name: 'View name' }).fill('Every new lead');
    await press(page, 'Enter');
    await expect(page.getByText('Saved the view “Every new lead”.')).toBeVisible();
    await expect(
      page
        .getByRole('list', { name: 'Saved views' })
        .getByRole('button', { name: /^Every new lead/ })
        .locator('.view-count'),
    ).toHaveText(count.toLocaleString('en-US'));

    await app.envoke.insert({ contact: { email: 'only-one-of-me@example.com' } });
    await page.locator('#lead-list').focus();
    await press(page, 'Shift+S');
    await runInPalette(page, 'email:only-one-of-me');
    await expect(queryBar(page).locator('.query-count')).toHaveText('1 lead');
  } finally {
    await app.stop();
  }
});

test('completion starts at the first letter, never doubles a space; OR and unknown values are said plainly', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  const palette = page.getByRole('dialog', { name: 'Commands' });
  const input = palette.getByRole('combobox', { name: 'Type a command' });
  await press(page, 'Control+k');
  await page.keyboard.type('sta');
  await expect(palette.getByRole('option', { name: /^status:/ })).toBeVisible();
  await press(page, 'Tab');
  await expect(input).toHaveValue('status:');
  await page.keyboard.type('pa');
  await press(page, 'Tab');
  await expect(input).toHaveValue('status:"Passed to sales" ');
  // A space typed out of habit after a completion adds nothing.
  await page.keyboard.type(' ra');
  await press(page, 'Tab');
  await expect(input).toHaveValue('status:"Passed to sales" rating:');

  // OR is said at once, instead of running into 0 rows.
  await press(page, 'Control+a');
  await page.keyboard.type('rating:hot OR rating:warm');
  await expect(palette.getByRole('alert')).toHaveText(/^OR is not supported: every term must hold/);
  await press(page, 'Enter');
  await expect(palette).toBeVisible();

  // -term is "not": it runs.
  await press(page, 'Control+a');
  await page.keyboard.type('-rating:hot');
  await press(page, 'Enter');
  await expect(queryBox(page)).toHaveValue('-rating:Hot');

  // A value no lead has: the query bar says so, with the values there are.
  await runInPalette(page, 'rating:lukewarm');
  await expect(queryBar(page).getByRole('status')).toHaveText(
    /^No lead here has the marketing rating “lukewarm”\. Known values: .*Hot.*\.$/,
  );
  await expect(leadList(page)).toContainText('No lead matches this query.');
  await page.screenshot({ path: `${SCREENSHOTS}/query-unknown-value.png` });
});

test('[ and ] go through the saved views after the built-in ones, and round again', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  for (const [query, name] of [
    ['rating:hot', 'Hot'],
    ['rating:cold', 'Cold'],
  ] as const) {
    await runInPalette(page, query);
    await queryBar(page).getByRole('textbox', { name: 'View name' }).fill(name);
    await press(page, 'Enter');
    await expect(page.getByText(`Saved the view “${name}”.`)).toBeVisible();
  }
  await press(page, 'g', '1');
  await expect(leadList(page)).toHaveAccessibleName('Leads: Hot');
  await press(page, ']');
  await expect(leadList(page)).toHaveAccessibleName('Leads: Cold');
  // After the last saved view, round to All leads; back with [.
  await press(page, ']');
  await expect(leadList(page)).toHaveAccessibleName('Leads: All leads');
  await expect(queryBar(page)).toBeHidden();
  await press(page, '[');
  await expect(leadList(page)).toHaveAccessibleName('Leads: Cold');
  await press(page, '[', '[');
  await expect(leadList(page)).toHaveAccessibleName('Leads: Conflicts');
  await press(page, ']');
  await expect(leadList(page)).toHaveAccessibleName('Leads: Hot');
});
