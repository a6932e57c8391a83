import { expect, test, type Locator, type Page } from '@playwright/test';
import { chooseViolationType, signIn } from './support/forms';

/**
 * Issue 18, faster entry: the form in sections that fold with a line of what they hold, violation
 * types in one searchable list (one tab stop), remembered choices, "duplicate this incident",
 * Ctrl+Enter to save; and the Shymkent report logged in a counted number of actions.
 */

// Whole journeys on one shared machine: more time than one page needs.
test.describe.configure({ timeout: 120_000 });

const stamp = () => `${Date.now()}`.slice(-7);
const titleField = (page: Page) => page.getByLabel('Title (required)', { exact: true });

test('violation types are one tab stop, chosen by typing and the keyboard alone', async ({ page }) => {
  await signIn(page, 'monitor');
  await page.goto('/incidents/new');
  const box = page.getByRole('combobox', { name: /^Violation types/ });
  await box.focus();
  await page.keyboard.type('criminal ch');
  await expect(page.getByRole('listbox', { name: 'Violation types' }).getByRole('option')).toHaveText(['Criminal charges brought']);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('option', { name: 'Criminal charges brought' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('list', { name: 'Violation types chosen' })).toContainText('Criminal charges brought');
  // Backspace on the empty box drops the last one chosen.
  await box.fill('');
  await page.keyboard.press('Backspace');
  await expect(page.getByRole('list', { name: 'Violation types chosen' })).toHaveCount(0);
  // One tab stop: from the box, Tab goes on to the next section's title, not to another term.
  await box.focus();
  await page.keyboard.press('Tab');
  await expect(page.locator('summary').filter({ hasText: 'Victims' })).toBeFocused();
});

test('sections fold with a line of what they hold; choices are remembered; an incident is duplicated; Ctrl+Enter saves', async ({ page }) => {
  const title = `Activist fined for a picket in Kyzylorda ${stamp()}`;
  await signIn(page, 'monitor');
  await page.goto('/incidents/new');
  await titleField(page).fill(title);
  await page.getByLabel('Date or start (required)').fill('2018-04-02');
  await page.getByLabel('Country code (required)').fill('KG');
  await page.getByLabel('Town or village').fill('Kyzylorda');
  await chooseViolationType(page, 'Criminal charges brought');

  await test.step('a folded section still says what it holds', async () => {
    const where = page.locator('details').filter({ has: page.getByText('Where it happened', { exact: true }) });
    await where.locator('summary').click();
    await expect(where.getByLabel('Town or village')).toBeHidden();
    await expect(where.locator('summary')).toContainText('Kyzylorda, KG · Town or village');
  });

  await test.step('Ctrl+Enter saves from anywhere in the form', async () => {
    await titleField(page).focus();
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  });

  await test.step('"Duplicate this incident" starts the next of the series with everything but the date', async () => {
    await page.getByRole('link', { name: 'Duplicate this incident' }).click();
    await expect(titleField(page)).toHaveValue(title);
    await expect(page.getByLabel('Date or start (required)')).toHaveValue('');
    await expect(page.getByLabel('Town or village')).toHaveValue('Kyzylorda');
    await expect(page.getByRole('list', { name: 'Violation types chosen' })).toContainText('Criminal charges brought');
    await titleField(page).fill(`${title}, second picket`);
    await page.getByLabel('Date or start (required)').fill('2018-04-09');
    await page.getByRole('button', { name: 'Save incident' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `${title}, second picket` })).toBeVisible();
  });

  await test.step('the next new incident starts in the country last used', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'New incident' }).click();
    await expect(page.getByLabel('Country code (required)')).toHaveValue('KG');
    // Filled in, not typed: leaving does not ask.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents' }).click();
    await expect(page).toHaveURL(/\/incidents$/);
  });
});

/** Every click, fill, choice and key press of the journey, counted as the monitor's actions. */
function counted(page: Page) {
  const done: string[] = [];
  const note = (what: string) => done.push(what);
  return {
    done,
    click: async (locator: Locator, what: string) => (note(`click ${what}`), locator.click()),
    fill: async (locator: Locator, text: string, what: string) => (note(`type ${what}`), locator.fill(text)),
    select: async (locator: Locator, value: string, what: string) => (note(`choose ${what}`), void (await locator.selectOption(value))),
    check: async (locator: Locator, what: string) => (note(`tick ${what}`), locator.check()),
    press: async (keys: string, what: string) => (note(`press ${what}`), page.keyboard.press(keys)),
  };
}

test('the Shymkent report is logged in at most 30 actions', async ({ page }) => {
  const title = `Picket in Shymkent dispersed, organiser fined ${stamp()}`;
  await signIn(page, 'monitor');
  const act = counted(page);

  await act.click(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'New incident' }), 'New incident');
  await act.fill(titleField(page), title, 'the title');
  await act.fill(page.getByLabel('Summary'), 'Police dispersed a picket of twelve people; its organiser was fined.', 'the summary');
  await act.select(page.getByLabel('Date known to the'), 'month', 'month precision');
  await act.fill(page.getByLabel('Date or start (required)'), '2018-03', 'the month');
  await act.fill(page.getByLabel('Town or village'), 'Shymkent', 'the town');
  await act.fill(page.getByRole('combobox', { name: /^Violation types/ }), 'assembly', 'a violation type');
  await act.click(page.getByRole('listbox', { name: 'Violation types' }).getByRole('option').first(), 'the violation type');

  await act.click(page.getByRole('button', { name: 'Add a victim' }), 'Add a victim');
  await act.fill(page.getByRole('group', { name: 'Victim 1' }).getByLabel('Full name (required)'), 'Serik Organiser', 'the person');
  await act.click(page.getByRole('button', { name: 'Add a victim' }), 'Add a victim');
  const group = page.getByRole('group', { name: 'Victim 2' });
  await act.select(group.getByLabel('Victim is'), 'group', 'a group');
  await act.fill(group.getByLabel('Description of the group (required)'), 'Picket participants', 'the group');
  await act.fill(group.getByLabel('Number of people'), '12', 'how many');
  await act.click(page.getByRole('button', { name: 'Add a victim' }), 'Add a victim');
  const hidden = page.getByRole('group', { name: 'Victim 3' });
  await act.fill(hidden.getByLabel('Full name (required)'), 'Witness who asked not to be named', 'the confidential person');
  await act.check(hidden.getByRole('checkbox', { name: 'Confidential: never publish this person’s name' }), 'confidential');

  await act.click(page.getByRole('button', { name: 'Add a source' }), 'Add a source');
  const source = page.getByRole('group', { name: 'Source 1' });
  await act.fill(source.getByLabel('Title (required)'), 'Shymkent picket dispersed', 'the source title');
  await act.fill(source.getByLabel('Web address'), 'rus.azattyq.org/a/shymkent-picket', 'the URL');
  await act.press('Control+Enter', 'Ctrl+Enter to save');

  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('March 2018', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'https://rus.azattyq.org/a/shymkent-picket' })).toBeVisible();
  console.log(`The Shymkent report took ${act.done.length} actions:\n  ${act.done.join('\n  ')}`);
  expect(act.done.length).toBeLessThanOrEqual(30);
});
