import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { csvRecords, startsWithBom } from '../tests/support/csv';
import { seriousViolations } from './support/axe';
import { applyFilters, chart, chartHeadings, chartRows, totalOf } from './support/public-dashboard';

/**
 * An anonymous visitor on the public site: the dashboard and its filters, the public search, an
 * incident, the CSV downloads, a published case and its timeline. What must never be public is
 * crawled for by e2e/public-leaks.spec.ts.
 */

test('an anonymous visitor filters the dashboard, opens an incident and downloads the CSV', async ({ page }) => {
  await test.step('the front door shows the public dashboard', async () => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Attacks on human rights defenders' })).toBeVisible();
  });

  const all = await totalOf(page);
  expect(all).toBeGreaterThan(0);

  await test.step('a year without incidents, then 2017: the total and every chart narrow, the address keeps the filters', async () => {
    // Before: incidents from 2017 and one published as of November 2016 (tests/support/leak-canaries.ts).
    const years = await chartRows(chart(page, chartHeadings.year));
    const in2016 = Number(years.find((row) => row.startsWith('2016 '))?.split(' ')[1]);
    expect(in2016).toBeGreaterThan(0);
    // The month chart's columns name their month on hover; its table has a row per year and a column per month.
    await expect(chart(page, chartHeadings.month).getByTestId('month-columns')).toContainText(`November 2016: ${in2016}`);
    await chartRows(chart(page, chartHeadings.month));
    const monthTable = chart(page, chartHeadings.month).getByRole('table', { name: chartHeadings.month });
    await expect(monthTable.getByRole('columnheader').nth(11)).toContainText('November');
    const cells2016 = await monthTable.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '2016', exact: true }) }).getByRole('cell').allInnerTexts();
    // Before the first month counted the cells are empty; November holds the 2016 incident; December, inside the period, reads 0.
    expect(cells2016.map((cell) => cell.trim())).toEqual(['', '', '', '', '', '', '', '', '', '', String(in2016), '0']);
    // Open, the table (and the region it scrolls in on a narrow screen) passes axe like the rest of the page.
    expect(await seriousViolations(page)).toEqual([]);
    const typesBefore = await chartRows(chart(page, chartHeadings.violation_type));

    await applyFilters(page, { from: '2018', to: '2018' });
    await expect(page).toHaveURL(/from=2018/);
    expect(await totalOf(page)).toBe(0);
    await expect(chart(page, chartHeadings.year)).toContainText('No published incident matches');

    await applyFilters(page, { from: '2017', to: '2017' });
    await expect(page).toHaveURL(/[?&]from=2017&to=2017(&|$)/);
    const in2017 = await totalOf(page);
    expect(in2017).toBe(all - in2016);
    expect(await chartRows(chart(page, chartHeadings.year))).toEqual([`2017 ${in2017}`]);
    await expect(chart(page, chartHeadings.month)).not.toContainText('2016');
    expect((await chartRows(chart(page, chartHeadings.month))).map((row) => row.split(' ')[0])).toEqual(['2017']);
    await expect(page.getByText(/Known only to the year, so not in any month: \d+/)).toBeVisible();
    // The violation types count fewer incidents too (the 2016 one is an arrest or detention).
    const typesAfter = await chartRows(chart(page, chartHeadings.violation_type));
    const countOf = (rows: string[], label: string) => Number(rows.find((row) => row.startsWith(`${label} `))?.slice(label.length + 1));
    expect(countOf(typesAfter, 'Arrest or detention')).toBe(countOf(typesBefore, 'Arrest or detention') - in2016);

    // Each chart offers its own figures as CSV, with the filters it shows.
    for (const [groupBy, heading] of Object.entries(chartHeadings)) {
      const link = chart(page, heading).getByRole('link', { name: `${heading}: Download these figures as CSV` });
      const href = new URL((await link.getAttribute('href'))!, page.url());
      expect(href.pathname).toBe('/api/public/v1/stats.csv');
      expect(Object.fromEntries(href.searchParams)).toEqual({ from: '2017', to: '2017', groupBy });
    }
    const downloadPromise = page.waitForEvent('download');
    await chart(page, chartHeadings.year).getByRole('link', { name: /Download these figures as CSV/ }).click();
    const file = readFileSync((await (await downloadPromise).path())!);
    expect(startsWithBom(file)).toBe(true);
    const records = csvRecords(new TextDecoder().decode(file));
    expect(records).toEqual([
      ['key', 'label', 'count'],
      ['2017', '2017', String(in2017)],
      ['', 'Total (each incident counted once)', String(in2017)],
    ]);
  });

  let almaty = 0;
  await test.step('a region narrows every figure', async () => {
    await applyFilters(page, { from: '2017', to: '2017', region: 'Almaty' });
    almaty = await totalOf(page);
    expect(almaty).toBeGreaterThan(0);
    expect(almaty).toBeLessThan(all);
    expect(await chartRows(chart(page, chartHeadings.region))).toEqual([`Almaty ${almaty}`]);
  });

  await test.step('the CSV link downloads the same incidents', async () => {
    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download these incidents as CSV' }).click();
    const download = await downloadPromise;
    const file = readFileSync((await download.path())!);
    expect(startsWithBom(file)).toBe(true);
    const records = csvRecords(new TextDecoder().decode(file));
    expect(records[0]!.slice(0, 4)).toEqual(['id', 'title', 'summary', 'start_date']);
    expect(records).toHaveLength(almaty + 1);
    // The region by its code, then its name in the visitor's language (regions are a vocabulary).
    expect(records.slice(1).every((r) => r[7] === 'KZ-75' && r[8] === 'Almaty')).toBe(true);
  });

  await test.step('search the published incidents and open one', async () => {
    await page.getByRole('navigation', { name: 'Public pages' }).getByRole('link', { name: 'Published incidents' }).click();
    await page.getByLabel('Search words').fill('Mamay');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/q=Mamay/);
    const first = page.getByRole('main').getByRole('listitem').getByRole('link').first();
    const title = (await first.textContent())!;
    await first.click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page).toHaveTitle(/^Incident · /);
    await expect(page.getByRole('heading', { name: 'Sources' })).toBeVisible();
  });
});

test('an anonymous visitor finds a published case and reads its timeline with dates as precise as they are known', async ({ page }) => {
  await test.step('search the published cases', async () => {
    await page.goto('/dashboard');
    await page.getByRole('navigation', { name: 'Public pages' }).getByRole('link', { name: 'Cases' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Published cases' })).toBeVisible();
    await page.getByLabel('Search words').fill('Kharkova');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/\/public\/cases\?q=Kharkova/);
    await expect(page.getByRole('status')).toHaveText('Cases shown: 1');
    await page.getByRole('main').getByRole('listitem').getByRole('link').first().click();
    await expect(page).toHaveTitle(/^Case · /);
  });

  await test.step('the case: its people (her son protected), its timeline in date order, its sources', async () => {
    await expect(page.getByRole('listitem').filter({ hasText: 'Larisa Kharkova, defendant' })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: 'Protected person 1, relative' })).toBeVisible();
    const steps = page.getByRole('list', { name: 'Timeline' }).getByRole('listitem');
    await expect(steps).toHaveCount(16);
    // The charges are known only to the month: "January 2017", never "1 January 2017"; they come first.
    await expect(steps.first()).toContainText('January 2017');
    await expect(steps.first()).toContainText('Proceedings: Charges');
    await expect(steps.first()).not.toContainText('1 January 2017');
    await expect(steps.filter({ hasText: 'Intervention: UN communication' }).first()).toContainText('Reference: KAZ 1/2017');
    await expect(page.getByRole('heading', { name: 'Sources' })).toBeVisible();
  });

  await test.step('an incident of the case links back to it', async () => {
    const caseAddress = page.url();
    await page.getByRole('list', { name: 'Timeline' }).getByRole('listitem').filter({ hasText: 'convicted of abuse of office' }).getByRole('link').click();
    await expect(page).toHaveTitle(/^Incident · /);
    const cases = page.locator('section', { has: page.getByRole('heading', { name: 'Published cases with this incident' }) });
    await cases.getByRole('link').click();
    await expect(page).toHaveURL(caseAddress);
  });
});
