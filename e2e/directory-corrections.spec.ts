import { expect, test } from '@playwright/test';
import { signedIn } from './support/sign-in';
import { chooseViolationType } from './support/forms';

/**
 * Correcting what was saved: a monitor corrects the name of a person she entered (the history keeps
 * both spellings), a reviewer corrects a source's address from the incident page, and an edit made
 * on a stale page is refused with an explanation instead of overwriting the other one.
 */

test('a monitor corrects a person she entered, and a stale correction is explained, not written over', async ({ browser }) => {
  const stamp = Date.now();
  const title = `Journalist's flat searched ${stamp}`;
  const misspelled = `Gulnara Bazhkenova ${stamp}`;
  const corrected = `Gulnara Bazhkenova-Sarsenova ${stamp}`;
  const monitor = await signedIn(browser, 'monitor');
  const reviewer = await signedIn(browser, 'reviewer');

  await test.step('the monitor logs a draft naming a new person', async () => {
    await monitor.goto('/incidents/new');
    await monitor.getByLabel('Title (required)', { exact: true }).fill(title);
    await monitor.getByLabel('Date or start (required)').fill('2017-06-12');
    await chooseViolationType(monitor, 'Criminal charges brought');
    await monitor.getByRole('button', { name: 'Add a victim' }).click();
    await monitor.getByRole('group', { name: 'Victim 1' }).getByLabel('Full name (required)').fill(misspelled);
    await monitor.getByRole('button', { name: 'Save incident' }).click();
    await expect(monitor.getByRole('heading', { level: 1, name: title })).toBeVisible();
  });

  await test.step('both open the person; the monitor corrects the name and adds another spelling', async () => {
    await monitor.getByRole('link', { name: misspelled }).click();
    await expect(monitor.getByRole('heading', { level: 1, name: misspelled })).toBeVisible();
    await reviewer.goto(monitor.url());
    await reviewer.getByRole('button', { name: 'Correct this person' }).click();

    await monitor.getByRole('button', { name: 'Correct this person' }).click();
    await monitor.getByLabel('Full name (required)').fill(corrected);
    await monitor.getByLabel('Other spellings').fill(`Гульнара Бажкенова ${stamp}`);
    await monitor.getByRole('button', { name: 'Save the correction' }).click();
    await expect(monitor.getByRole('heading', { level: 1, name: corrected })).toBeVisible();
    await expect(monitor.getByText(/Version 2: corrected by/)).toBeVisible();
    await expect(monitor.getByText(/Version 1: as it was before the first correction/)).toBeVisible();
  });

  await test.step('the reviewer, still on version 1, is told someone saved first', async () => {
    await reviewer.getByLabel('Role or note').fill('Editor of a local newspaper');
    await reviewer.getByRole('button', { name: 'Save the correction' }).click();
    await expect(reviewer.getByTestId('conflict-message')).toContainText('Someone else saved this person while you were editing it');
    await reviewer.getByRole('button', { name: 'Reload the latest version' }).click();
    await expect(reviewer.getByRole('heading', { level: 1, name: corrected })).toBeVisible();
  });
});
