import { expect, test, type Page } from '@playwright/test';
import { chart, chartHeadings } from './support/public-dashboard';
import { signedIn } from './support/sign-in';

/**
 * The main journeys' key pages on a phone (390×844): a one-line header whose menu opens and closes
 * from the keyboard, lists that become cards with the status in view, nothing that scrolls sideways,
 * the role select of the users page wide enough to read.
 */

const phone = { width: 390, height: 844 };

// Several sign-ins and pages per test, on a shared machine: more than the default 30 s.
test.describe.configure({ timeout: 120_000 });

/** Whether the page scrolls sideways: it must not, on a phone. */
const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);

async function expectCompactHeader(page: Page, navigation: string) {
  const header = page.locator('header').first();
  expect((await header.boundingBox())!.height).toBeLessThan(80);
  const nav = page.getByRole('navigation', { name: navigation });
  await expect(nav).toBeHidden();
  const menu = page.getByRole('button', { name: 'Menu' });
  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Close menu' })).toHaveAttribute('aria-expanded', 'true');
  await expect(nav).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  await expect(nav).toBeHidden();
  await expect(menu).toBeFocused();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
}

test('a monitor on a phone: compact header, the incident list as cards with each status in view, the form and an incident', async ({ browser }) => {
  const page = await signedIn(browser, 'monitor', { viewport: phone });
  await test.step('the header is one line with a menu', () => expectCompactHeader(page, 'Main'));

  await test.step('the incident list shows each status without scrolling sideways', async () => {
    expect(await scrollsSideways(page)).toBe(false);
    const statuses = page.locator('table tbody tr td:last-child span');
    expect(await statuses.count()).toBeGreaterThan(3);
    for (const status of (await statuses.all()).slice(0, 5)) {
      await status.scrollIntoViewIfNeeded();
      const box = (await status.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(phone.width);
    }
  });

  await test.step('the menu leads to the form, which fits the screen', async () => {
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'New incident' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'New incident' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    expect(await scrollsSideways(page)).toBe(false);
  });

  await test.step('an incident and the cases list fit the screen', async () => {
    await page.goto('/incidents');
    await page.locator('table tbody tr th a').first().click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await scrollsSideways(page)).toBe(false);
    await page.goto('/cases');
    expect(await scrollsSideways(page)).toBe(false);
  });
});

test('a reviewer and an administrator on a phone: the queue, and a role select that is not cut', async ({ browser }) => {
  const reviewer = await signedIn(browser, 'reviewer', { viewport: phone });
  await reviewer.goto('/review');
  await expect(reviewer.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await scrollsSideways(reviewer)).toBe(false);

  const admin = await signedIn(browser, 'admin', { viewport: phone });
  await admin.goto('/admin/users');
  const select = admin.getByRole('combobox', { name: /^Role of / }).first();
  await select.scrollIntoViewIfNeeded();
  // Wide enough for its longest choice ("Administrator"), not "Moni".
  const fits = await select.evaluate((element) => {
    const s = element as HTMLSelectElement;
    const canvas = document.createElement('canvas').getContext('2d')!;
    canvas.font = getComputedStyle(s).font;
    const longest = Math.max(...[...s.options].map((o) => canvas.measureText(o.text).width));
    return s.clientWidth >= longest + 24;
  });
  expect(fits).toBe(true);
  expect(await scrollsSideways(admin)).toBe(false);
});

test('a visitor on a phone: the public header and pages fit', async ({ browser }) => {
  const page = await (await browser.newContext({ viewport: phone, isMobile: true, hasTouch: true })).newPage();
  await page.goto('/dashboard');
  await expectCompactHeader(page, 'Public pages');
  expect(await scrollsSideways(page)).toBe(false);
  // The month table's thirteen columns scroll within their own region, not the page.
  await chart(page, chartHeadings.month).getByText('Show as a table').click();
  await expect(chart(page, chartHeadings.month).getByRole('region', { name: chartHeadings.month })).toBeVisible();
  expect(await scrollsSideways(page)).toBe(false);
  await page.goto('/public/incidents');
  await expect(page.getByTestId('public-list-total')).toBeVisible();
  expect(await scrollsSideways(page)).toBe(false);
});
