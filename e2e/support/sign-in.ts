import { expect, type Browser, type Page } from '@playwright/test';
import { demoAccount, type DemoRole } from './server-state';
import { answerLikelyDuplicates } from './likely-duplicates';

/**
 * Signing in, for every journey. Journeys log incidents whose titles differ only by a time stamp,
 * which the form rightly asks about as likely duplicates; unless a journey is about that question
 * (`duplicates: 'ask'`), the page answers "it is a different incident" whenever it comes up.
 */
export interface SignInOptions {
  duplicates?: 'answer' | 'ask';
}

/** Signs this page in with an email and password, and waits for the incident list. */
export async function signInWith(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The first sign-in of a run waits for argon2 and a cold server: more than the default 5 s under load.
  await expect(page).toHaveURL(/\/incidents$/, { timeout: 30_000 });
}

/** Signs this page in as the demo account with this role. */
export async function signIn(page: Page, role: DemoRole, options: SignInOptions = {}): Promise<void> {
  if (options.duplicates !== 'ask') await answerLikelyDuplicates(page);
  const account = demoAccount(role);
  await signInWith(page, account.email, account.password);
}

/** A page of a new browser context, signed in as the demo account with this role (optionally at a phone's size). */
export async function signedIn(browser: Browser, role: DemoRole, options: SignInOptions & { viewport?: { width: number; height: number } } = {}): Promise<Page> {
  const { viewport } = options;
  const page = await (await browser.newContext(viewport ? { viewport, isMobile: true, hasTouch: true } : {})).newPage();
  await signIn(page, role, options);
  return page;
}
