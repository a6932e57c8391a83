import { expect, test, type Page } from '@playwright/test';
import { demoAccount } from './support/server-state';
import { signIn } from './support/sign-in';
import { chooseViolationType } from './support/forms';

/**
 * A monitor's journey through the workspace: sign in, log an incident known only to the month,
 * find it again, edit it, read its history, and meet a stale edit without losing anyone's work.
 */

const genericFailure = 'Sign-in failed. Check your email and password; after several failed attempts, wait 15 minutes.';

const titleField = (page: Page) => page.getByLabel('Title (required)', { exact: true });

async function save(page: Page) {
  await page.getByRole('button', { name: 'Save incident' }).click();
}

test('a wrong password and an unknown email get the same generic message', async ({ page }) => {
  const monitor = demoAccount('monitor');
  for (const email of [monitor.email, `nobody-${Date.now()}@example.org`]) {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText(genericFailure)).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
  }
});

test('a monitor logs an incident, finds it, edits it, reads its history and meets a stale edit', async ({ page }) => {
  const title = `Trade unionist charged with inciting discord ${Date.now()}`;
  const editedTitle = `${title} (edited)`;

  await test.step('sign in', async () => {
    await signIn(page, 'monitor');
    await expect(page.getByRole('heading', { level: 1, name: 'Incidents' })).toBeVisible();
  });

  await test.step('log a new incident known to the month', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'New incident' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'New incident' })).toBeVisible();

    await titleField(page).fill(title);
    await page.getByLabel('Summary').fill('Charged under article 174 after speaking at a union meeting.');

    await page.getByLabel('Date known to the').selectOption('month');
    const start = page.getByLabel('Date or start (required)');
    await expect(start).toHaveAttribute('placeholder', 'YYYY-MM');
    await start.fill('2017-05');

    await page.getByLabel('Town or village').fill('Shymkent');
    await page.getByLabel('Place known to').selectOption('locality');
    await chooseViolationType(page, 'Criminal charges brought');

    await page.getByRole('button', { name: 'Add a victim' }).click();
    const victim = page.getByRole('group', { name: 'Victim 1' });
    await expect(victim.getByLabel('Victim is')).toHaveValue('newPerson');
    await victim.getByLabel('Full name (required)').fill('Aliya Testova');
    await victim.getByRole('checkbox', { name: 'Trade unionist' }).check();

    await page.getByRole('button', { name: 'Add a perpetrator' }).click();
    const perpetrator = page.getByRole('group', { name: 'Perpetrator 1' });
    await perpetrator.getByLabel('Type (required)').selectOption('court');
    await perpetrator.getByLabel('Name', { exact: true }).fill('Shymkent City Court');

    await page.getByRole('button', { name: 'Add a legal provision' }).click();
    const provision = page.getByRole('group', { name: 'Legal provision 1' });
    await provision.getByLabel('Code or law').fill('Criminal Code');
    await provision.getByLabel('Article (required)').fill('174');
    await provision.getByLabel('Title of the article').fill('Inciting social, national, clan, racial, class or religious discord');

    await save(page);
  });

  await test.step('the incident page shows the month, not a made-up day', async () => {
    await expect(page).toHaveURL(/\/incidents\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByText('May 2017', { exact: true })).toBeVisible();
    await expect(page.getByText('1 May 2017')).toHaveCount(0);
    await expect(page.getByText('Aliya Testova')).toBeVisible();
    await expect(page.getByText('Shymkent City Court')).toBeVisible();
    await expect(page.getByText(/Criminal Code, art\. 174/)).toBeVisible();
    await expect(page.getByText('Draft', { exact: true })).toBeVisible();
  });
  const incidentUrl = new URL(page.url()).pathname;

  await test.step('find it in the list with the text filter', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents' }).click();
    await page.getByLabel('Words in title or summary').fill(title);
    await page.getByRole('button', { name: 'Show incidents' }).click();
    const table = page.getByRole('table');
    await expect(table.getByRole('link', { name: title })).toBeVisible();
    await expect(table.getByRole('row')).toHaveCount(2); // the header row and our incident
    // The words (a name, often) stay out of the address, its history and logs: a cookie carries them.
    expect(new URL(page.url()).searchParams.has('text')).toBe(false);
    expect(page.url()).not.toContain(encodeURIComponent(title));
    await expect(page.getByLabel('Words in title or summary')).toHaveValue(title);
    await expect(table.getByRole('cell', { name: 'May 2017', exact: true })).toBeVisible();
    await table.getByRole('link', { name: title }).click();
    await expect(page).toHaveURL(new RegExp(`${incidentUrl}$`));
  });

  await test.step('edit the title', async () => {
    await page.getByRole('link', { name: 'Edit incident' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Edit incident' })).toBeVisible();
    await expect(titleField(page)).toHaveValue(title);
    await expect(page.getByLabel('Date or start (required)')).toHaveValue('2017-05');
    await titleField(page).fill(editedTitle);
    await save(page);
    await expect(page.getByRole('heading', { level: 1, name: editedTitle })).toBeVisible();
  });

  await test.step('history lists both versions, newest first, with the title change', async () => {
    await page.getByRole('link', { name: 'History' }).click();
    const versions = page.getByRole('heading', { level: 2, name: /^Version \d+$/ });
    await expect(versions).toHaveText(['Version 2', 'Version 1']);
    const latest = page.getByRole('region', { name: 'Version 2' });
    const titleRow = latest.getByRole('row', { name: /^Title/ });
    await expect(titleRow.getByRole('cell').nth(0)).toHaveText(title);
    await expect(titleRow.getByRole('cell').nth(1)).toHaveText(editedTitle);
    await expect(latest.getByText('Aigerim Monitor')).toBeVisible();
  });

  await test.step('a stale edit is refused, explained, and reloaded only on request', async () => {
    const editUrl = `${incidentUrl}/edit`;
    const second = await page.context().newPage();
    await page.goto(editUrl);
    await second.goto(editUrl);
    await expect(titleField(page)).toHaveValue(editedTitle);
    await expect(titleField(second)).toHaveValue(editedTitle);

    const firstChange = `${title} (first page)`;
    await titleField(page).fill(firstChange);
    await save(page);
    await expect(page.getByRole('heading', { level: 1, name: firstChange })).toBeVisible();

    await titleField(second).fill(`${title} (second page)`);
    await save(second);
    const conflict = second.getByTestId('conflict-message');
    await expect(conflict).toBeVisible();
    await expect(conflict).toContainText('Someone else saved this incident while you were editing it');
    // Nothing is thrown away until the monitor asks for the latest version.
    await expect(titleField(second)).toHaveValue(`${title} (second page)`);

    await conflict.getByRole('button', { name: 'Reload the latest version' }).click();
    await expect(second.getByTestId('conflict-message')).toHaveCount(0);
    await expect(titleField(second)).toHaveValue(firstChange);
    await expect(second.getByText('You are editing version 3.')).toBeVisible();
    await second.close();
  });
});
