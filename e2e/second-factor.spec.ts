import { expect as baseExpect, test, type Page } from '@playwright/test';
import { generate } from 'otplib';
import { e2ePort, readE2eState } from './support/server-state';

/**
 * Second factors in a real browser: a monitor sets up an authenticator app from her account page,
 * signs out, is asked for a code after her password, and gets in with one; on another day she uses a
 * recovery code, which works once. Another monitor adds a passkey (Chromium's virtual authenticator,
 * through the DevTools protocol) and signs in with it after his password.
 */

// Each step waits for a server page after an argon2 check, on a machine shared by many test runs.
const expect = baseExpect.configure({ timeout: 20_000 });

async function signInWithPassword(page: Page, account: { email: string; password: string }) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** A code of the next 30-second step: the one of the current step may have been spent already (no replay). */
const nextCode = (secret: string) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });

test.describe.configure({ timeout: 120_000 });

test('a monitor sets up an authenticator app, signs in with a code, and uses a recovery code once', async ({ page }) => {
  const account = readE2eState().factorAccounts.totp;
  let secret = '';
  let codes: string[] = [];

  await test.step('she sets up the app from her account page and keeps the recovery codes', async () => {
    await signInWithPassword(page, account);
    await expect(page).toHaveURL(/\/incidents$/);
    await page.goto('/account');
    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    secret = (await page.getByTestId('totp-secret').textContent())!.trim();
    await page.getByLabel('Six digits from the app').fill(await generate({ secret }));
    await page.getByLabel('Six digits from the app').press('Enter');
    const list = page.getByRole('list', { name: 'Your recovery codes' });
    await expect(list.getByRole('listitem')).toHaveCount(10);
    codes = (await list.getByRole('listitem').allTextContents()).map((code) => code.trim());
    await page.getByRole('button', { name: 'I have kept them' }).click();
    await expect(page.getByText('An authenticator app is set up.')).toBeVisible();
  });

  await test.step('after her password she is asked for a code, and nothing else opens before it', async () => {
    await signOut(page);
    await signInWithPassword(page, account);
    await expect(page).toHaveURL(/\/second-factor$/);
    await expect(page.getByRole('heading', { name: 'One more step' })).toBeVisible();
    await page.goto('/incidents');
    await expect(page).toHaveURL(/\/second-factor$/);
    await page.getByLabel('Code from your authenticator app').fill(await nextCode(secret));
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page).toHaveURL(/\/incidents$/);
  });

  await test.step('a recovery code lets her in once', async () => {
    await signOut(page);
    await signInWithPassword(page, account);
    await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await page.getByLabel('Recovery code').fill(codes[0]!);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page).toHaveURL(/\/incidents$/);

    await signOut(page);
    await signInWithPassword(page, account);
    await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await page.getByLabel('Recovery code').fill(codes[0]!);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByText('That is not right.')).toBeVisible();
    await expect(page).toHaveURL(/\/second-factor$/);
  });
});

test('a monitor adds a passkey and signs in with it through the virtual authenticator', async ({ page }) => {
  const account = readE2eState().factorAccounts.passkey;
  // A passkey belongs to a host name, never to an IP address: this journey opens the app as localhost.
  const origin = `http://localhost:${e2ePort()}`;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
  });

  await test.step('he adds a passkey on his account page', async () => {
    await page.goto(`${origin}/sign-in`);
    await page.getByLabel('Email').fill(account.email);
    await page.getByLabel('Password').fill(account.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/incidents$/);
    await page.goto(`${origin}/account`);
    await page.getByLabel('Name for this passkey (optional)').fill('Work laptop');
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await expect(page.getByRole('list', { name: 'Your recovery codes' }).getByRole('listitem')).toHaveCount(10);
    await page.getByRole('button', { name: 'I have kept them' }).click();
    await expect(page.getByText('Work laptop', { exact: true })).toBeVisible();
  });

  await test.step('after his password, the passkey lets him in', async () => {
    await signOut(page);
    await page.goto(`${origin}/sign-in`);
    await page.getByLabel('Email').fill(account.email);
    await page.getByLabel('Password').fill(account.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/second-factor$/);
    await page.getByRole('button', { name: 'Use a passkey' }).click();
    await expect(page).toHaveURL(/\/incidents$/);
  });
});
