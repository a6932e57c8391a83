import { expect, test, type Locator, type Page } from '@playwright/test';
import { mapHeight, mapWidth, mapX, mapY } from '../app/ui/kazakhstan-projection';
import { chooseViolationType, signIn, storedDrafts } from './support/forms';
import { signedIn } from './support/sign-in';

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
    /** A click at a point of an element: the map, where a click picks the nearest town. */
    clickAt: async (locator: Locator, position: { x: number; y: number }, what: string) => (note(`click ${what}`), locator.click({ position })),
    fill: async (locator: Locator, text: string, what: string) => (note(`type ${what}`), locator.fill(text)),
    select: async (locator: Locator, value: string, what: string) => (note(`choose ${what}`), void (await locator.selectOption(value))),
    check: async (locator: Locator, what: string) => (note(`tick ${what}`), locator.check()),
    press: async (keys: string, what: string) => (note(`press ${what}`), page.keyboard.press(keys)),
    /** The accident itself counts: a reload the monitor did not mean, and the question it asks (answered "leave"). */
    reload: async (what: string) => {
      note(`reload ${what}`);
      page.once('dialog', (dialog) => void dialog.accept());
      await page.reload();
    },
  };
}

/** When the browser last sealed the form's typing (sealed-storage.ts keeps `savedAt` beside the ciphertext). */
async function lastSealedAt(page: Page): Promise<number> {
  const sealed = Object.values(await storedDrafts(page)).map((text) => (JSON.parse(text) as { savedAt: number }).savedAt);
  return Math.max(0, ...sealed);
}

/**
 * The "Done when" of issue 18: a monitor logs the Shymkent report (a person, a group, a confidential
 * victim, a month-only date, a town picked on the map, a source with its URL), loses nothing on an
 * accidental reload half-way, and links it to a case a reviewer opened: at most 30 actions in all.
 */
test('the Shymkent report is logged in at most 30 actions, with the town picked on the map, through a reload, into an existing case', async ({ page, browser }) => {
  const title = `Picket in Shymkent dispersed, organiser fined ${stamp()}`;
  const caseTitle = `Dispersed pickets in the south ${stamp()}`;

  await test.step('a reviewer has opened the case (their work, not counted)', async () => {
    const reviewer = await signedIn(browser, 'reviewer');
    await reviewer.goto('/cases/new');
    await reviewer.getByLabel('Title (required)').fill(caseTitle);
    await reviewer.getByRole('button', { name: 'Create case' }).click();
    await expect(reviewer.getByRole('heading', { level: 1, name: caseTitle })).toBeVisible();
    await reviewer.context().close();
  });

  await signIn(page, 'monitor');
  const act = counted(page);

  await act.click(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'New incident' }), 'New incident');
  await act.fill(titleField(page), title, 'the title');
  await act.fill(page.getByLabel('Summary'), 'Police dispersed a picket of twelve people; its organiser was fined.', 'the summary');
  await act.select(page.getByLabel('Date known to the'), 'month', 'month precision');
  await act.fill(page.getByLabel('Date or start (required)'), '2018-03', 'the month');

  await test.step('the town is picked on the map, which fills the region, the point and the precision', async () => {
    const map = page.getByTestId('place-map');
    await map.scrollIntoViewIfNeeded();
    const box = (await map.boundingBox())!;
    // A click a few kilometres from Shymkent picks Shymkent (e2e/places-map.spec.ts).
    await act.clickAt(map, { x: (mapX(69.62) / mapWidth) * box.width, y: (mapY(42.33) / mapHeight) * box.height }, 'Shymkent on the map');
    await expect(page.getByTestId('place-picker').getByRole('status')).toHaveText('Picked: Shymkent, Shymkent');
    await expect(page.getByLabel('Town or village', { exact: true })).toHaveValue('Shymkent');
    await expect(page.getByLabel('Region', { exact: true })).toHaveValue('Shymkent');
    await expect(page.getByLabel('Place known to')).toHaveValue('locality');
  });

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

  await test.step('an accidental reload half-way loses nothing', async () => {
    // The browser seals the typing a moment after the last change: the accident comes after that moment.
    const typedAt = Date.now();
    await expect.poll(() => lastSealedAt(page)).toBeGreaterThanOrEqual(typedAt);
    await act.reload('the page by accident');
    await act.click(page.getByRole('button', { name: 'Restore my draft' }), 'Restore my draft');
    await expect(titleField(page)).toHaveValue(title);
    await expect(page.getByLabel('Date or start (required)')).toHaveValue('2018-03');
    await expect(page.getByLabel('Town or village', { exact: true })).toHaveValue('Shymkent');
    await expect(page.getByLabel('Place known to')).toHaveValue('locality');
    await expect(page.getByRole('list', { name: 'Violation types chosen' }).getByRole('listitem')).toHaveCount(1);
    await expect(page.getByRole('group', { name: 'Victim 2' }).getByLabel('Number of people')).toHaveValue('12');
    await expect(page.getByRole('group', { name: 'Victim 3' }).getByRole('checkbox', { name: 'Confidential: never publish this person’s name' })).toBeChecked();
  });

  await act.click(page.getByRole('button', { name: 'Add a source' }), 'Add a source');
  const source = page.getByRole('group', { name: 'Source 1' });
  await act.fill(source.getByLabel('Title (required)'), 'Shymkent picket dispersed', 'the source title');
  await act.fill(source.getByLabel('Web address'), 'rus.azattyq.org/a/shymkent-picket', 'the URL');
  await act.press('Control+Enter', 'Ctrl+Enter to save');

  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('March 2018', { exact: true })).toBeVisible();
  await expect(page.getByText('Shymkent, Shymkent, KZ').first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'https://rus.azattyq.org/a/shymkent-picket' })).toBeVisible();

  await test.step('it joins the case the reviewer opened', async () => {
    const box = page.getByRole('region', { name: 'Cases', exact: true });
    await act.fill(box.getByLabel('Add to a case: find it by title'), caseTitle, 'the case’s title');
    await act.click(box.getByRole('button', { name: `Add this incident to “${caseTitle}”` }), 'Add this incident to the case');
    await expect(box.getByRole('status')).toHaveText(`Added to “${caseTitle}”.`);
    await expect(box.getByRole('link', { name: caseTitle })).toBeVisible();
  });

  console.log(`The Shymkent report took ${act.done.length} actions:\n  ${act.done.join('\n  ')}`);
  expect(act.done.length).toBeLessThanOrEqual(30);

  await test.step('then Ctrl+Enter on the page (outside any form) submits it for review', async () => {
    const submit = page.getByRole('button', { name: 'Submit for review' });
    await expect(submit).toHaveAttribute('aria-keyshortcuts', 'Control+Enter Meta+Enter');
    await expect(page.getByText('Ctrl+Enter (⌘+Enter on a Mac) on this page submits for review.')).toBeVisible();
    // Focus leaves the case box's form for the page itself, as after reading the record.
    await page.getByRole('heading', { level: 1, name: title }).click();
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('region', { name: 'Review' }).getByRole('status')).toHaveText('Submitted for review. Reviewers have been notified.');
    await expect(page.getByText(/^Status: Submitted \(version \d+\)$/)).toBeVisible();
  });
});
