import { expect, test } from '@playwright/test';

/**
 * A visitor on the public site's edges: the open-data page instead of raw JSON, the total on the
 * incident list, "not found" pages that keep the visitor on the public site, the favicon.
 */

test('"Open data (API)" opens a page that says what each export holds, the licence, how to cite, and the API reference', async ({ page }) => {
  await page.goto('/dashboard');
  await page.getByRole('navigation', { name: 'Public pages' }).getByRole('link', { name: 'Open data (API)' }).click();
  await expect(page).toHaveURL(/\/public\/open-data$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Open data' })).toBeVisible();
  await expect(page.getByRole('link', { name: '/api/public/v1/export.csv' })).toBeVisible();
  await expect(page.getByText(/Every published incident, one row each, as a spreadsheet/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Licence' })).toBeVisible();
  await expect(page.getByRole('link', { name: /CC BY 4\.0/ })).toHaveAttribute('rel', 'license');
  await expect(page.getByTestId('citation')).toContainText(/\/public\/incidents, downloaded on \d{4}-\d{2}-\d{2}\./);

  await page.getByRole('link', { name: 'Read every address, parameter and field of the API' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Open data API reference' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: /^GET .*\/api\/public\/v1\/incidents$/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Incident', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'OpenAPI document (JSON)' })).toHaveAttribute('href', '/api/public/v1/openapi.json');
});

test('the public incident list says how many incidents match', async ({ page, request }) => {
  const all = (await (await request.get('/api/public/v1/stats?groupBy=year')).json()) as { total: number };
  const almaty = (await (await request.get('/api/public/v1/stats?groupBy=year&region=Almaty')).json()) as { total: number };
  await page.goto('/public/incidents');
  await expect(page.getByTestId('public-list-total')).toHaveText(`${all.total} incidents`);
  await page.goto('/public/incidents?region=Almaty');
  await expect(page.getByTestId('public-list-total')).toHaveText(`${almaty.total} incidents`);
  expect(almaty.total).toBeLessThan(all.total);
});

test('a missing incident has one main landmark and links to the public pages, not to the staff sign-in', async ({ page }) => {
  const response = await page.goto('/public/incidents/00000000-0000-4000-8000-000000000000');
  expect(response?.status()).toBe(404);
  await expect(page.locator('main')).toHaveCount(1);
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();
  await expect(main.getByRole('link', { name: 'Published incidents' })).toHaveAttribute('href', '/public/incidents');
  await expect(main.getByRole('link', { name: /sign-in/i })).toHaveCount(0);
});

test('an unknown address has the public header with the language switch, and one main landmark', async ({ page }) => {
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.locator('main')).toHaveCount(1);
  await expect(page.getByRole('navigation', { name: 'Public pages' })).toBeVisible();
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Русский' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Не найдено' })).toBeVisible();
  await page.getByRole('group', { name: 'Язык' }).getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();
});

test('the site has a favicon', async ({ request }) => {
  const ico = await request.get('/favicon.ico');
  expect(ico.status()).toBe(200);
  expect(ico.headers()['content-type']).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  expect((await ico.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
});
