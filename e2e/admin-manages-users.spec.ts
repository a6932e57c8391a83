import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { demoAccount } from './support/server-state';
import { signIn, signInWith } from './support/sign-in';

/**
 * An admin's journey: add a colleague as a monitor, make them a reviewer, deactivate them (after a
 * question that Escape dismisses), and find all three changes in the audit log. The colleague,
 * signed in elsewhere, is turned away at their next page.
 */

test('the admin link is only for admins', async ({ page }) => {
  await signIn(page, 'reviewer');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' })).toHaveCount(0);
  for (const path of ['/admin/users', '/admin/audit']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();
  }
});

test('the demo admin adds a monitor, makes them a reviewer, deactivates them and reads it all in the audit log', async ({ page, browser }) => {
  const stamp = Date.now();
  const name = `Asel Testova ${stamp}`;
  const email = `asel.${stamp}@example.org`;
  const password = 'a first password for Asel';
  const row = () => page.getByRole('row').filter({ hasText: email });

  await test.step('sign in as the admin and open the people page', async () => {
    await signIn(page, 'admin');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'People and roles' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'People and roles' })).toHaveAttribute('aria-current', 'page');
  });

  await test.step('an email that is not one is refused beside its field', async () => {
    await page.getByLabel('Full name (required)').fill(name);
    await page.getByLabel('Email (required)').fill('not an email');
    await page.getByRole('button', { name: 'Add person' }).click();
    await expect(page.getByText('Enter an email address such as name@example.org')).toBeVisible();
    await expect(page.getByLabel('Email (required)')).toBeFocused();
  });

  let link = '';
  await test.step('invite them as a monitor: a one-time link, and no member before they answer', async () => {
    await page.getByLabel('Email (required)').fill(email);
    await page.getByLabel('Role', { exact: true }).selectOption('monitor');
    await page.getByRole('button', { name: 'Add person' }).click();
    await expect(page.getByRole('heading', { name: `Invitation link for ${name}` })).toBeFocused();
    link = await page.getByLabel('One-time link', { exact: true }).inputValue();
    expect(link).toMatch(/\/invitation#[A-Za-z0-9_-]{43}$/);
    await expect(page.getByRole('region', { name: 'Invitations not yet accepted' })).toContainText(email);
    await expect(row()).toHaveCount(0);
  });

  // The new colleague answers on another computer, signs in and stays there.
  const colleagueContext = await browser.newContext();
  const colleague = await colleagueContext.newPage();
  await test.step('the colleague chooses their password with the link and signs in', async () => {
    await colleague.goto(link);
    await expect(colleague).toHaveURL(/\/invitation$/);
    await colleague.getByLabel('New password', { exact: true }).fill(password);
    await colleague.getByLabel('New password again').fill(password);
    await colleague.getByRole('button', { name: 'Create my account and join' }).click();
    await expect(colleague.getByText('Your account is ready and you have joined.')).toBeVisible();
    await signInWith(colleague, email, password);
  });

  await test.step('the admin now sees them as a monitor', async () => {
    await page.reload();
    await expect(row().getByLabel(`Role of ${name}`)).toHaveValue('monitor');
    await expect(row()).toContainText('Active');
  });

  await test.step('make them a reviewer', async () => {
    await row().getByLabel(`Role of ${name}`).selectOption('reviewer');
    await row().getByRole('button', { name: `Change role: ${name}` }).click();
    await expect(page.getByText(`${name} is now Reviewer.`)).toBeVisible();
    await expect(row().getByLabel(`Role of ${name}`)).toHaveValue('reviewer');
  });

  await test.step('the question before deactivating is dismissed with Escape, then confirmed', async () => {
    await row().getByRole('button', { name: `Deactivate: ${name}` }).click();
    const question = page.getByRole('dialog', { name: `Deactivate ${name}?` });
    await expect(question).toBeVisible();
    await expect(question.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(question).toBeHidden();
    await expect(row()).toContainText('Active');

    await row().getByRole('button', { name: `Deactivate: ${name}` }).click();
    await question.getByRole('button', { name: 'Deactivate', exact: true }).click();
    await expect(page.getByText(`${name} is deactivated.`)).toBeVisible();
    await expect(row()).toContainText('Deactivated');
    await expect(row().getByRole('button', { name: `Reactivate: ${name}` })).toBeVisible();
  });

  await test.step('the deactivated colleague is turned away at their next page', async () => {
    await colleague.reload();
    await expect(colleague).toHaveURL(/\/sign-in/);
    await colleagueContext.close();
  });

  await test.step('the audit log shows the three changes, newest first', async () => {
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Audit log' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
    await page.getByLabel('Concerning').selectOption({ label: `${name} (${email})` });
    await page.getByRole('button', { name: 'Show entries' }).click();
    await expect(page).toHaveURL(/[?&]subject=/);

    const table = page.getByRole('table', { name: 'Audit log entries matching the filters, newest first' });
    const entries = table.locator('tbody tr');
    // The colleague's own answer and sign-in concern them too: they came before the role change.
    await expect(entries.locator('td:nth-child(2)')).toHaveText(['Account deactivated', 'Role changed', 'Signed in', 'Invitation accepted', 'Person added (new account)']);
    await expect(entries.nth(1)).toContainText('Before');
    await expect(entries.nth(1)).toContainText('Monitor');
    await expect(entries.nth(1)).toContainText('Reviewer');
    for (const i of [0, 1]) await expect(entries.nth(i)).toContainText(demoAccount('admin').email);
  });

  await test.step('filtering by what happened narrows to the role change', async () => {
    await page.getByLabel('What happened').selectOption({ label: 'Role changed' });
    await page.getByRole('button', { name: 'Show entries' }).click();
    await expect(page.getByRole('table').locator('tbody tr')).toHaveCount(1);
  });
});

test('an invitation link works once', async ({ page, browser }) => {
  const stamp = Date.now();
  const name = `Timur Linkov ${stamp}`;
  const email = `timur.${stamp}@example.org`;

  await signIn(page, 'admin');
  await page.goto('/admin/users');
  await page.getByLabel('Full name (required)').fill(name);
  await page.getByLabel('Email (required)').fill(email);
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('heading', { name: `Invitation link for ${name}` })).toBeFocused();
  const link = await page.getByLabel('One-time link', { exact: true }).inputValue();

  const context = await browser.newContext();
  const invitee = await context.newPage();
  await invitee.goto(link);
  // The token leaves the address bar as soon as the page has read it.
  await expect(invitee).toHaveURL(/\/invitation$/);
  await expect(invitee.getByText(`invites ${email} to join as Monitor`)).toBeVisible();
  await invitee.getByLabel('New password', { exact: true }).fill('timur chooses this one');
  await invitee.getByLabel('New password again').fill('timur chooses something else');
  await invitee.getByRole('button', { name: 'Create my account and join' }).click();
  await expect(invitee.getByText('The two passwords are not the same.')).toBeVisible();
  await invitee.getByLabel('New password again').fill('timur chooses this one');
  await invitee.getByRole('button', { name: 'Create my account and join' }).click();
  await expect(invitee.getByText('Your account is ready and you have joined.')).toBeVisible();
  await invitee.getByRole('link', { name: 'Go to sign-in' }).click();
  await signInWith(invitee, email, 'timur chooses this one');
  await context.close();

  // The same link a second time, in a fresh browser, does nothing.
  const otherContext = await browser.newContext();
  const again = await otherContext.newPage();
  await again.goto(link);
  await expect(again.getByText(/This invitation does not work/)).toBeVisible();
  await otherContext.close();
});

/** Serious and critical axe-core findings on the page as it stands. */
async function axeProblems(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: path.join(path.dirname(require.resolve('axe-core')), 'axe.min.js') });
  const violations = await page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string; nodes: unknown[] }[] };
    const result = await (window as unknown as { axe: { run: () => Promise<Result> } }).axe.run();
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
  const where = new URL(page.url()).pathname;
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${where}: ${v.id} (${v.impact}, ${v.nodes} elements)`);
}

test('the admin pages and the set-password page pass axe-core without serious or critical violations', async ({ page }) => {
  const problems: string[] = [];
  await signIn(page, 'admin');
  await page.goto('/admin/users');
  problems.push(...(await axeProblems(page)));
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByText('Enter the person’s name')).toBeVisible();
  problems.push(...(await axeProblems(page)));
  await page.getByRole('button', { name: /^Remove from organization: Aigerim Monitor/ }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  problems.push(...(await axeProblems(page)));
  await page.keyboard.press('Escape');
  await page.goto('/admin/audit?from=not-a-date');
  await expect(page.getByText('Not understood, so not applied.')).toBeVisible();
  problems.push(...(await axeProblems(page)));
  await page.goto('/set-password#some-token');
  await expect(page.getByLabel('New password', { exact: true })).toBeVisible();
  problems.push(...(await axeProblems(page)));
  expect(problems).toEqual([]);
});
