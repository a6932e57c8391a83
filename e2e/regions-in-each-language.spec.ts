import { expect, test } from '@playwright/test';
import { translator } from '../common/i18n';
import { e2eBaseURL } from './support/server-state';

/**
 * Regions are a vocabulary: a Russian- or Kazakh-speaking visitor reads every region of the demo's
 * records in their language on the dashboard (its chart, the map's table and the filter), never
 * "South Kazakhstan Region", and the public list filtered by one names it in that language too.
 */

const southKazakhstan = { ru: 'Южно-Казахстанская область', kk: 'Оңтүстік Қазақстан облысы' } as const;
const mangystau = { ru: 'Мангистауская область', kk: 'Маңғыстау облысы' } as const;

for (const locale of ['ru', 'kk'] as const) {
  test(`the public dashboard names the regions in ${locale}`, async ({ page }) => {
    // Five pages in one story: more than the default half minute when the machine is busy.
    test.slow();
    const t = translator(locale);
    await page.context().addCookies([{ name: 'hrd-locale', value: locale, url: e2eBaseURL() }]);
    await page.goto('/dashboard');

    const chart = page.locator('section', { has: page.getByRole('heading', { name: t('public.chart.region') }) }).first();
    await chart.getByText(t('public.chart.table')).click();
    const rows = (await chart.locator('tbody tr').allInnerTexts()).map((row) => row.replace(/\s+/g, ' ').trim());
    expect(rows.some((row) => row.startsWith(`${southKazakhstan[locale]} `))).toBe(true);
    expect(rows.filter((row) => /Region/.test(row))).toEqual([]);

    const mapTable = page.locator('section', { has: page.getByRole('heading', { name: t('public.map.heading') }) }).locator('table');
    await expect(mapTable).toContainText(southKazakhstan[locale]);
    await expect(mapTable).not.toContainText('Region');

    const filter = page.getByRole('combobox', { name: t('public.filters.region') });
    await expect(filter.locator('option', { hasText: mangystau[locale] })).toHaveCount(1);
    await expect(filter).not.toContainText('Region');

    // The filter chosen by its name in the language; the list shows the place in the same language.
    await filter.selectOption({ label: mangystau[locale] });
    await page.getByRole('button', { name: t('public.filters.apply') }).click();
    await expect(page).toHaveURL(/region=KZ-47/);
    await page.goto('/public/incidents?region=Mangystau%20Region');
    await expect(page.locator('main')).toContainText(mangystau[locale]);
    await expect(page.locator('main')).not.toContainText('Mangystau Region');
  });
}
