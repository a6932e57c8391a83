import { expect, test, type Page } from '@playwright/test';
import { chooseViolationType, signIn, signOut, storedDrafts } from './support/forms';

/**
 * Issue 18, a monitor's daily work on the forms: typing that survives a reload and is never left
 * behind without a question, an incident added to a case someone else opened (from both sides),
 * sources that say where they are, and dates and places read as people write them.
 */

const titleField = (page: Page) => page.getByLabel('Title (required)', { exact: true });
// Whole journeys on one shared machine: more time than one page needs.
test.describe.configure({ timeout: 120_000 });

const stamp = () => `${Date.now()}`.slice(-7);

test('half a form survives a reload, sealed in the browser; leaving asks first; signing out erases it', async ({ page }) => {
  const title = `Journalist’s flat searched in Taraz ${stamp()}`;
  await signIn(page, 'monitor');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'New incident' }).click();
  await titleField(page).fill(title);
  await page.getByLabel('Summary').fill('Police searched the flat at dawn and took two laptops.');
  await page.getByLabel('Town or village').fill('Taraz');

  await test.step('the draft is kept, as ciphertext only', async () => {
    await expect.poll(async () => Object.keys(await storedDrafts(page)).length).toBe(1);
    const sealed = Object.values(await storedDrafts(page)).join(' ');
    expect(sealed).not.toContain('Taraz');
    expect(sealed).not.toContain('laptops');
  });

  await test.step('a reload asks first, then offers the draft back', async () => {
    const asked: string[] = [];
    page.on('dialog', (dialog) => {
      asked.push(dialog.type());
      void dialog.accept();
    });
    await page.reload();
    expect(asked).toEqual(['beforeunload']);
    page.removeAllListeners('dialog');
    await expect(titleField(page)).toHaveValue('');
    await page.getByRole('button', { name: 'Restore my draft' }).click();
    await expect(titleField(page)).toHaveValue(title);
    await expect(page.getByLabel('Summary')).toHaveValue('Police searched the flat at dawn and took two laptops.');
    await expect(page.getByLabel('Place known to')).toHaveValue('locality');
  });

  await test.step('a link away asks first: staying keeps the typing, and Cancel then leaves', async () => {
    page.once('dialog', (dialog) => {
      expect(dialog.type()).toBe('confirm');
      expect(dialog.message()).toContain('changes that are not saved');
      void dialog.dismiss();
    });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents' }).click();
    await expect(page).toHaveURL(/\/incidents\/new$/);
    await expect(titleField(page)).toHaveValue(title);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('link', { name: 'Cancel' }).click();
    await expect(page).toHaveURL(/\/incidents$/);
  });

  await test.step('signing out erases every draft this browser keeps, and the remembered choices (a source title may name someone)', async () => {
    expect(Object.keys(await storedDrafts(page))).toHaveLength(1);
    const choices = () => page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('hrd-choices:')));
    await page.evaluate(() => localStorage.setItem('hrd-choices:someone', JSON.stringify({ country: 'KZ', sources: [{ id: 'x', label: 'Interview with a witness' }] })));
    expect(await choices()).toHaveLength(1);
    await signOut(page);
    expect(await storedDrafts(page)).toEqual({});
    expect(await choices()).toEqual([]);
  });
});

test('a form that cannot be finished now is kept on the server, listed as unfinished, continued, and erased once saved', async ({ page }) => {
  const title = `Lawyer’s office searched in Atyrau ${stamp()}`;
  const other = `Unfinished, then deleted ${stamp()}`;
  await signIn(page, 'monitor');
  const unfinished = page.getByRole('region', { name: 'Unfinished forms' });

  await test.step('a title and a town, no date, no violation type: kept as it is', async () => {
    await page.goto('/incidents/new');
    await titleField(page).fill(title);
    await page.getByLabel('Town or village').fill('Atyrau');
    await page.getByRole('button', { name: 'Keep on the server to finish later' }).click();
    await expect(page.getByTestId('unfinished-kept')).toContainText('Kept on the server at');
    // Kept: leaving no longer asks (an unanswered question would keep the page here).
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents' }).click();
    await expect(page).toHaveURL(/\/incidents$/);
  });

  await test.step('the incidents page lists it; continued, it comes back whole and saves as an incident', async () => {
    await unfinished.getByRole('link', { name: `Continue “${title}”` }).click();
    await expect(page.getByText('You are continuing an unfinished form kept on')).toBeVisible();
    await expect(titleField(page)).toHaveValue(title);
    await expect(page.getByLabel('Town or village')).toHaveValue('Atyrau');
    await page.getByLabel('Date or start (required)').fill('2019-06-04');
    await chooseViolationType(page, 'Criminal charges brought');
    await page.getByRole('button', { name: 'Save incident' }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await page.goto('/incidents');
    await expect(page.getByRole('heading', { level: 1, name: 'Incidents' })).toBeVisible();
    await expect(unfinished.getByRole('link', { name: `Continue “${title}”` })).toHaveCount(0);
  });

  await test.step('another is deleted from the list, after a question', async () => {
    await page.goto('/incidents/new');
    await titleField(page).fill(other);
    await page.getByRole('button', { name: 'Keep on the server to finish later' }).click();
    await expect(page.getByTestId('unfinished-kept')).toContainText('Kept on the server at');
    await page.goto('/incidents');
    page.once('dialog', (dialog) => {
      expect(dialog.message()).toContain('Delete this unfinished form?');
      void dialog.accept();
    });
    await unfinished.getByRole('button', { name: `Delete the unfinished form “${other}”` }).click();
    await expect(unfinished.getByRole('status')).toHaveText(`The unfinished form “${other}” was deleted.`);
    await expect(unfinished.getByRole('link', { name: `Continue “${other}”` })).toHaveCount(0);
  });
});

/** Logs an incident through the form, as quickly as the form allows, and opens its page. */
async function logIncident(page: Page, title: string) {
  await page.goto('/incidents/new');
  await titleField(page).fill(title);
  await page.getByLabel('Date or start (required)').fill('12.03.2018');
  await chooseViolationType(page, 'Criminal charges brought');
  await page.getByRole('button', { name: 'Save incident' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test('a monitor adds an incident to a case a reviewer opened, from the incident and from the case', async ({ page }) => {
  const caseTitle = `Series of searches of journalists ${stamp()}`;
  const first = `First search in the series ${stamp()}`;
  const second = `Second search in the series ${stamp()}`;

  await test.step('a reviewer opens the case', async () => {
    await signIn(page, 'reviewer');
    await page.goto('/cases/new');
    await page.getByLabel('Title (required)').fill(caseTitle);
    await page.getByRole('button', { name: 'Create case' }).click();
    await expect(page.getByRole('heading', { level: 1, name: caseTitle })).toBeVisible();
    await signOut(page);
  });

  await signIn(page, 'monitor');
  await test.step('from the incident page: the case is found by its title and takes the incident', async () => {
    await logIncident(page, first);
    // A full date typed the Russian way is read as the day it is.
    await expect(page.getByText('12 March 2018', { exact: true })).toBeVisible();
    const box = page.getByRole('region', { name: 'Cases', exact: true });
    await box.getByLabel('Add to a case: find it by title').fill(caseTitle);
    await box.getByRole('button', { name: `Add this incident to “${caseTitle}”` }).click();
    await expect(box.getByRole('status')).toHaveText(`Added to “${caseTitle}”.`);
    await expect(box.getByRole('link', { name: caseTitle })).toBeVisible();
    // A case under review is found too, and said to be busy, not missing.
    await box.getByLabel('Add to a case: find it by title').fill('Prosecution of Mahkambet Abzhan');
    await expect(box.getByText('(under review: it takes incidents again once decided)')).toBeVisible();
  });

  await test.step('from the case page: "add incident" is there for the monitor, who may not edit the case', async () => {
    await logIncident(page, second);
    await page.goto('/cases');
    await page.getByRole('link', { name: caseTitle }).click();
    await expect(page.getByRole('link', { name: 'Edit case' })).toHaveCount(0);
    await page.getByLabel('Find incidents by words in their title or summary').fill(second);
    await page.getByRole('button', { name: `Add “${second}” to this case` }).click();
    await expect(page.getByRole('status').filter({ hasText: `“${second}” added to the case.` })).toBeVisible();
    const timeline = page.getByRole('list', { name: 'Timeline' });
    await expect(timeline.getByRole('link', { name: first })).toBeVisible();
    await expect(timeline.getByRole('link', { name: second })).toBeVisible();
  });
});

test('sources say where they are; a source searched for but not chosen is not silently dropped', async ({ page }) => {
  const title = `Blogger detained after a post ${stamp()}`;
  const sourceTitle = `Blogger detained in Aktobe ${stamp()}`;
  await signIn(page, 'monitor');

  await test.step('a new source’s web address without https:// is completed, and the page shows it with its publisher', async () => {
    await page.goto('/incidents/new');
    await titleField(page).fill(title);
    await page.getByLabel('Date known to the').selectOption('month');
    const start = page.getByLabel('Date or start (required)');
    await start.fill('2018-03-12');
    await start.blur();
    // Month precision keeps the month of a full date.
    await expect(start).toHaveValue('2018-03');
    await chooseViolationType(page, 'Criminal charges brought');
    await page.getByRole('button', { name: 'Add a source' }).click();
    const source = page.getByRole('group', { name: 'Source 1' });
    await source.getByLabel('Title (required)').fill(sourceTitle);
    await source.getByLabel('Publisher').fill('RFE/RL');
    await source.getByLabel('Web address').fill('rferl.org/a/29123');
    await page.getByRole('button', { name: 'Save incident' }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByText('March 2018', { exact: true })).toBeVisible();
    const sources = page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: 'Sources' }) });
    await expect(sources.getByRole('link', { name: sourceTitle })).toBeVisible();
    await expect(sources).toContainText('RFE/RL');
    await expect(sources.getByRole('link', { name: 'https://rferl.org/a/29123' })).toHaveAttribute('href', 'https://rferl.org/a/29123');
    await expect(sources).not.toContainText('src:');
  });

  await test.step('the intervention form refuses to save a source search left without a choice', async () => {
    await page.goto('/cases/new');
    await page.getByLabel('Title (required)').fill(`Case of the Aktobe blogger ${stamp()}`);
    await page.getByRole('button', { name: 'Create case' }).click();
    const form = page.getByRole('form', { name: 'Intervention' });
    await form.getByLabel('Date (required)').fill('05.04.2018');
    await form.getByLabel('Source (optional): find it by title').fill(sourceTitle);
    await expect(form.getByRole('button', { name: 'Use this source' })).toBeVisible();
    await form.getByRole('button', { name: 'Add intervention' }).click();
    await expect(form.getByRole('alert')).toContainText('did not choose one');
    await form.getByRole('button', { name: 'Use this source' }).click();
    await form.getByRole('button', { name: 'Add intervention' }).click();
    await expect(form.getByRole('status')).toHaveText('Intervention saved.');
    await expect(page.getByRole('list', { name: 'Timeline' })).toContainText('5 April 2018');
  });
});
