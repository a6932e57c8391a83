import { expect, type Browser, type Page } from '@playwright/test';
import { demoAccount, type DemoRole } from './server-state';

/** A fresh browser context signed in as the demo account of this role, on the incident list. */
export async function signedIn(browser: Browser, role: DemoRole): Promise<Page> {
  const account = demoAccount(role);
  const page = await (await browser.newContext()).newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The first sign-in of a run waits for the server to warm up and for the password hash.
  await expect(page).toHaveURL(/\/incidents$/, { timeout: 30_000 });
  return page;
}
