import { expect, type Locator, type Page } from '@playwright/test';

/** Shared steps of the journeys through the workspace's forms. */

export { signIn } from './sign-in';

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** Picks a violation type in the incident form's searchable list (one tab stop, typed to filter). */
export async function chooseViolationType(scope: Page | Locator, name: string) {
  const box = scope.getByRole('combobox', { name: /^(Violation types|Виды нарушений|Бұзушылық түрлері)/ });
  await box.fill(name);
  await scope.getByRole('option', { name, exact: true }).click();
  await box.fill('');
}

/** The draft entries this browser keeps (sealed), by storage key. */
export function storedDrafts(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => Object.fromEntries(Object.entries(localStorage).filter(([key]) => key.startsWith('hrd-draft:'))));
}
