import { expect, test, type Page } from '@playwright/test';
import { signedIn } from './support/sign-in';
import { chooseViolationType } from './support/forms';

/**
 * Two records of the same person, made by two drafts: a reviewer finds the duplicate, compares both
 * records and merges it into the other; the remaining person's page then lists both incidents and
 * keeps the merge in its history. A monitor is not offered the merge.
 *
 * The persons are new ones, so that the demo's own records stay as other tests expect them.
 */

/** Logs a draft naming a new person as its victim. */
async function logDraftNaming(page: Page, title: string, personName: string): Promise<void> {
  await page.goto('/incidents/new');
  await page.getByLabel('Title (required)', { exact: true }).fill(title);
  await page.getByLabel('Date or start (required)').fill('2017-06-12');
  await chooseViolationType(page, 'Criminal charges brought');
  await page.getByRole('button', { name: 'Add a victim' }).click();
  await page.getByRole('group', { name: 'Victim 1' }).getByLabel('Full name (required)').fill(personName);
  await page.getByRole('button', { name: 'Save incident' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test('a reviewer merges a duplicate person record into the other one, and the person page lists every incident', async ({ browser }) => {
  const stamp = Date.now();
  const fullName = `Aigerim Merge ${stamp}`;
  const shortName = `A. Merge ${stamp}`;
  const firstTitle = `Activist summoned for questioning ${stamp}`;
  const secondTitle = `Activist fined after a picket ${stamp}`;
  const monitor = await signedIn(browser, 'monitor');
  const reviewer = await signedIn(browser, 'reviewer');

  await test.step('a monitor logs two drafts that name the same woman in two ways', async () => {
    await logDraftNaming(monitor, firstTitle, fullName);
    await logDraftNaming(monitor, secondTitle, shortName);
  });

  await test.step('the monitor sees her records but is not offered a merge', async () => {
    await monitor.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Persons' }).click();
    await monitor.getByLabel('Search by name').fill(`Merge ${stamp}`);
    await monitor.getByRole('button', { name: 'Search' }).click();
    await expect(monitor.getByRole('table').getByRole('link')).toHaveCount(2);
    await monitor.getByRole('link', { name: shortName }).click();
    await expect(monitor.getByRole('heading', { level: 1, name: shortName })).toBeVisible();
    await expect(monitor.getByRole('button', { name: 'Merge into another record…' })).toHaveCount(0);
  });

  await test.step('the reviewer compares both records and merges the short one into the full one', async () => {
    await reviewer.goto(`/persons?q=${encodeURIComponent(shortName)}`);
    await reviewer.getByRole('link', { name: shortName }).click();
    await expect(reviewer.getByRole('table', { name: /Incidents that name this person/ }).getByRole('link', { name: secondTitle })).toBeVisible();
    await reviewer.getByRole('button', { name: 'Merge into another record…' }).click();
    const merge = reviewer.getByRole('region', { name: 'Merge this record into another record of the same person' });
    await merge.getByLabel('Search for the record that remains').fill(`Merge ${stamp}`);
    // The record itself is never offered: only the other one.
    await expect(merge.getByRole('button', { name: new RegExp(`Choose: ${fullName}`) })).toBeVisible();
    await expect(merge.getByRole('button', { name: new RegExp(`Choose: ${shortName.replace('.', '\\.')}`) })).toHaveCount(0);
    await merge.getByRole('button', { name: new RegExp(`Choose: ${fullName}`) }).click();
    await expect(merge.getByRole('heading', { name: 'Check both records before merging' })).toBeFocused();
    await expect(merge.getByRole('region', { name: 'This record (will be merged)' })).toContainText(shortName);
    await expect(merge.getByRole('region', { name: 'The record that remains' })).toContainText(fullName);
    await merge.getByRole('button', { name: 'Merge the two records' }).click();
  });

  await test.step('the remaining record lists both incidents and the merge', async () => {
    await expect(reviewer.getByRole('heading', { level: 1, name: fullName })).toBeVisible();
    const incidents = reviewer.getByRole('table', { name: /Incidents that name this person/ });
    await expect(incidents.getByRole('link', { name: firstTitle })).toBeVisible();
    await expect(incidents.getByRole('link', { name: secondTitle })).toBeVisible();
    await expect(reviewer.getByText(new RegExp(`“${shortName.replace('.', '\\.')}” \\(person:[^)]+\\) merged into this record by`))).toBeVisible();
  });

  await test.step('the duplicate points to the remaining record, and the incident history shows the merge', async () => {
    await monitor.reload();
    await expect(monitor.getByText(/This record was merged into another record of the same person/)).toBeVisible();
    await monitor.getByRole('link', { name: `Open ${fullName}` }).click();
    await expect(monitor.getByRole('heading', { level: 1, name: fullName })).toBeVisible();
    await monitor.getByRole('link', { name: secondTitle }).click();
    await monitor.getByRole('link', { name: fullName }).click();
    await expect(monitor.getByRole('heading', { level: 1, name: fullName })).toBeVisible();
  });
});
