import { expect, test } from '@playwright/test';
import { mapHeight, mapWidth, mapX, mapY } from '../app/ui/kazakhstan-projection';
import { signedIn } from './support/sign-in';

/**
 * Places on the offline map: a monitor picks a town on the incident form's map (and by name, in
 * Cyrillic), which fills region, locality, coordinates and the precision; a visitor follows a dot of
 * the dashboard's map to the public list of that place's incidents.
 */

test.describe.configure({ timeout: 90_000 });

test('a monitor picks a town on the map, and another by its Russian name, in the incident form', async ({ browser }) => {
  const page = await signedIn(browser, 'monitor');
  await page.goto('/incidents/new');
  const map = page.getByTestId('place-map');
  await map.scrollIntoViewIfNeeded();
  const box = (await map.boundingBox())!;
  // A click a few kilometres from Shymkent picks Shymkent.
  await map.click({ position: { x: (mapX(69.62) / mapWidth) * box.width, y: (mapY(42.33) / mapHeight) * box.height } });
  await expect(page.getByTestId('place-picker').getByRole('status')).toHaveText('Picked: Shymkent, Shymkent');
  await expect(page.getByLabel('Town or village', { exact: true })).toHaveValue('Shymkent');
  await expect(page.getByLabel('Region', { exact: true })).toHaveValue('Shymkent');
  await expect(page.getByLabel('Place known to')).toHaveValue('locality');
  expect(Number(await page.getByLabel('Latitude').inputValue())).toBeCloseTo(42.3, 0);
  expect(Number(await page.getByLabel('Longitude').inputValue())).toBeCloseTo(69.6, 0);
  await expect(page.getByTestId('picked-point')).toBeVisible();

  await page.getByLabel('Find a place by name').fill('Актау');
  await page.getByRole('list', { name: 'Places found' }).getByRole('button', { name: /^Aktau/ }).first().click();
  await expect(page.getByLabel('Town or village', { exact: true })).toHaveValue('Aktau');
  await expect(page.getByLabel('Region', { exact: true })).toHaveValue('Mangystau Region');
  expect(Number(await page.getByLabel('Longitude').inputValue())).toBeCloseTo(51.2, 0);
});

test('a dot of the dashboard map names its place and count, and links to the public list of its incidents', async ({ page }) => {
  await page.goto('/dashboard');
  const dot = page.getByTestId('incident-map').getByRole('link', { name: /^Shymkent: \d+ incidents\. Show them$/ });
  const label = (await dot.getAttribute('aria-label'))!;
  const count = Number(label.match(/: (\d+) incidents/)![1]);
  expect(count).toBeGreaterThan(0);
  await expect(dot.locator('title')).toHaveText(label);
  await dot.click();
  await expect(page).toHaveURL(/\/public\/incidents\?q=Shymkent$/);
  // The list searches the place's name, so it holds at least the dot's incidents.
  const total = Number((await page.getByTestId('public-list-total').textContent())!.match(/(\d+)/)![1]);
  expect(total).toBeGreaterThanOrEqual(count);
});
