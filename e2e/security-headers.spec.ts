import { expect, test, type Page } from '@playwright/test';
import { demoAccount } from './support/server-state';

/**
 * The strict headers in a real browser: every page carries a nonce CSP, Chromium reports no
 * violation while the pages load and hydrate (a client page works: signing in, the workspace list,
 * the incident form), workspace answers are not stored, and crafted inputs that used to answer 500
 * now answer as a person can act on.
 */

function watchForViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) violations.push(message.text());
  });
  page.on('pageerror', (error) => violations.push(`page error: ${error.message}`));
  return violations;
}

async function expectStrictHeaders(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response, path).not.toBeNull();
  const headers = response!.headers();
  const csp = headers['content-security-policy'] ?? '';
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce, `${path}: a nonce in the CSP`).toBeTruthy();
  expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers['permissions-policy']).toContain('camera=()');
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  // Every inline script carries the nonce: none runs without it. (Chunks loaded later by these
  // trusted scripts are allowed through 'strict-dynamic'; a violation would show on the console.)
  const scripts = await page
    .locator('script:not([src])')
    .evaluateAll((elements) => elements.map((e) => (e as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((n) => n === nonce), `${path}: scripts without the nonce`).toBe(true);
  return headers;
}

test('public pages carry a nonce CSP and load without a violation', async ({ page }) => {
  const violations = watchForViolations(page);
  for (const path of ['/dashboard', '/public/incidents', '/public/cases']) {
    await expectStrictHeaders(page, path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  expect(violations).toEqual([]);
});

test('signing in and working hydrate under the CSP, and workspace answers are not stored', async ({ page }) => {
  const violations = watchForViolations(page);
  const headers = await expectStrictHeaders(page, '/sign-in');
  expect(headers['cache-control']).toContain('no-store');
  const account = demoAccount('monitor');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  // The button works only once React has hydrated the form.
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/incidents$/);

  const list = await expectStrictHeaders(page, '/incidents');
  expect(list['cache-control']).toContain('no-store');
  const trpcAnswer = page.waitForResponse((response) => response.url().includes('/api/trpc/'));
  await page.goto('/incidents/new');
  await expect(page.getByLabel('Title (required)', { exact: true })).toBeVisible();
  const answer = await trpcAnswer;
  expect(answer.request().method()).toBe('POST');
  expect(answer.headers()['cache-control']).toBe('no-store');
  expect(violations).toEqual([]);

  // A name search leaves no trace in the address (nor history, logs, Referer): it posts, and the list remembers it.
  await page.goto('/persons');
  await page.getByLabel('Search by name').fill('Zzzq no such name');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText('No person matches.')).toBeVisible();
  expect(new URL(page.url()).search).toBe('');
  await page.goto('/cases');
  await page.getByLabel('Title contains').fill('Zzzq no such case');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByText('No cases found.')).toBeVisible();
  expect(page.url()).not.toContain('Zzzq');
  expect(violations).toEqual([]);

  // Crafted addresses that answered 500.
  for (const path of ['/persons?q=%00', '/cases?q=%00', '/persons?q=' + 'x'.repeat(500)]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(500);
  }
});

test('a crafted callback address in the query, the form or a cookie does not break signing in', async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: 'next-auth.callback-url', value: 'http://[', url: baseURL! }]);
  const bad = await page.request.get('/api/auth/signin?callbackUrl=http%3A%2F%2F%5B');
  expect(bad.status()).toBeLessThan(500);
  await page.goto('/sign-in?callbackUrl=http%3A%2F%2F%5B');
  const account = demoAccount('monitor');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/incidents$/);
});
