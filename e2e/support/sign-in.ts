import { expect, type Browser, type Page } from '@playwright/test';
import { demoAccount, type DemoRole } from './server-state';

/** A page of a new browser context, signed in as the demo account with this role (optionally at a phone's size). */
export async function signedIn(browser: Browser, role: DemoRole, viewport?: { width: number; height: number }): Promise<Page> {
  const account = demoAccount(role);
  const page = await (await browser.newContext(viewport ? { viewport, isMobile: true, hasTouch: true } : {})).newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The first sign-in of a run waits for argon2 and a cold server: more than the default 5 s under load.
  await expect(page).toHaveURL(/\/incidents$/, { timeout: 30_000 });
  return page;
}
