import { expect, test, type Page } from '@playwright/test';
import { signedIn } from './support/sign-in';
import { chooseViolationType } from './support/forms';

/**
 * Issue 17 items 3–5 and issue 18 items 4 and 6 in the browser: a monitor is warned of a likely
 * duplicate before saving and can still save; a reviewer publishes two approved incidents at once;
 * the public incident list says how many incidents its filters find.
 */

/** Fills the form's required fields and saves; the caller checks where that led. */
async function fillAndSave(page: Page, title: string): Promise<void> {
  await page.goto('/incidents/new');
  await page.getByLabel('Title (required)', { exact: true }).fill(title);
  await page.getByLabel('Date or start (required)').fill('2017-06-12');
  await chooseViolationType(page, 'Criminal charges brought');
  await page.getByRole('button', { name: 'Save incident' }).click();
}

async function logDraft(page: Page, title: string): Promise<void> {
  await fillAndSave(page, title);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible({ timeout: 15_000 });
}

/** The workspace list narrowed to these words (they travel in a cookie, not the address). */
async function listWith(page: Page, words: string): Promise<void> {
  await page.goto('/incidents');
  await page.getByLabel('Words in title or summary').fill(words);
  await page.getByRole('button', { name: 'Show incidents' }).click();
  await expect(page.getByTestId('facets-total')).toBeVisible();
}

async function bulk(page: Page, words: string, titles: string[], action: string): Promise<void> {
  await listWith(page, words);
  // The bulk form acts once hydrated: before that a tick is not counted and a click would post the plain form.
  await page.waitForLoadState('networkidle');
  for (const title of titles) await page.getByRole('checkbox', { name: `Choose “${title}”` }).check();
  await expect(page.getByText(`Chosen: ${titles.length}`)).toBeVisible();
  await page.getByLabel('Action', { exact: true }).selectOption({ label: action });
  await page.getByRole('button', { name: 'Apply to the chosen incidents' }).click();
  await expect(page.getByTestId('bulk-report')).toContainText(`Done: ${titles.length}. Refused: 0.`, { timeout: 30_000 });
}

test('a monitor is warned of a likely duplicate and still saves when it is a different incident', async ({ browser }) => {
  const title = `Blogger fined for a post about the strike ${Date.now()}`;
  const monitor = await signedIn(browser, 'monitor', { duplicates: 'ask' });
  await logDraft(monitor, title);

  await fillAndSave(monitor, title);
  const warning = monitor.getByTestId('duplicate-warning');
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('This incident may already be recorded');
  await expect(warning.getByRole('link', { name: title })).toHaveAttribute('href', /\/incidents\/[0-9a-f-]{36}$/);
  await expect(monitor).toHaveURL(/\/incidents\/new$/);

  await warning.getByRole('button', { name: 'It is a different incident: save' }).click();
  await expect(monitor.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(monitor).toHaveURL(/\/incidents\/[0-9a-f-]{36}$/);
});

test('a reviewer publishes two approved incidents at once', async ({ browser }) => {
  const words = `Bulk ${Date.now()}`;
  const titles = [`${words} union leader detained`, `${words} journalist fined after a broadcast`];
  // The second shares the first's date and words of its title (and a retry's titles those of the
  // first try): the form may ask, and this journey answers that they are different incidents.
  const monitor = await signedIn(browser, 'monitor');
  for (const title of titles) await logDraft(monitor, title);
  await bulk(monitor, words, titles, 'Submit for review');

  const reviewer = await signedIn(browser, 'reviewer');
  await bulk(reviewer, words, titles, 'Approve');
  await bulk(reviewer, words, titles, 'Publish');
  await listWith(reviewer, words);
  const facets = reviewer.getByRole('navigation', { name: 'Counts by facet' });
  await expect(facets.getByRole('region', { name: 'Review state' })).toContainText('Published');
  await expect(reviewer.getByRole('table').getByText('Published')).toHaveCount(2);
});

test('the public incident list says how many incidents its filters find, and a facet narrows it', async ({ page }) => {
  await page.goto('/public/incidents');
  const total = async () => Number((await page.getByTestId('public-list-total').textContent())?.match(/\d+/)?.[0]);
  const all = await total();
  expect(all).toBeGreaterThan(0);
  const types = page.getByRole('navigation', { name: 'Counts by facet' }).getByRole('region', { name: 'Incidents by violation type' });
  const first = types.getByRole('listitem').first();
  const count = Number(await first.locator('span').last().textContent());
  await first.getByRole('link').click();
  await expect(page).toHaveURL(/type=/);
  expect(await total()).toBe(count);
  expect(count).toBeLessThanOrEqual(all);

  // A dashboard chart clicks through to the same list.
  await page.goto('/dashboard');
  // The bars (hidden from assistive technology: the table in the chart's details says the same) link to the list.
  await page.locator('section[aria-labelledby="year-heading"] ul a').first().click();
  await expect(page).toHaveURL(/\/public\/incidents\?from=\d{4}&to=\d{4}/);
  expect(await total()).toBeGreaterThan(0);
});
