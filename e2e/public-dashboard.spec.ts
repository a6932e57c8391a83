import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { demoAccounts } from '../server/services/demo/accounts';
import { canariesIn } from '../tests/support/canary-search';
import { csvRecords, startsWithBom } from '../tests/support/csv';
import { seriousViolations } from './support/axe';
import { readE2eState } from './support/server-state';

/**
 * An anonymous visitor on the public site: the dashboard and its filters, the public search, an
 * incident, the CSV downloads; then a crawl of every public page (HTML and RSC payload) and API
 * answer for anything that must never be public (the demo's secrets, and the canaries that
 * e2e/support/server.ts plants through tests/support/leak-canaries.ts); then axe-core on every public page.
 */

type Fixture = {
  persons: { name: string; confidential?: boolean; role_note?: string | null }[];
  incidents: { title: string; summary?: string | null; status?: string }[];
};
const fixture = JSON.parse(readFileSync(path.join(__dirname, '..', 'fixtures', 'kazakhstan-2017.json'), 'utf8')) as Fixture;

/** What must never appear publicly in the seeded demo (see server/services/demo/{accounts,workflow}.ts). */
const secrets = [
  ...fixture.persons.filter((p) => p.confidential).flatMap((p) => [p.name, p.role_note ?? '']),
  ...fixture.incidents.filter((i) => i.status !== 'published').flatMap((i) => [i.title, i.summary ?? '']),
  ...demoAccounts.flatMap((a) => [a.name, a.email]),
  'Foreign Policy website blocked in Kazakhstan', // unpublished corrections waiting for review
  'Journalist Zhanbolat Mamay beaten in pre-trial detention in Almaty',
  'Please cite the source that describes the beating', // a reviewer's comment
  'Trade unionist charged with inciting discord', // drafts logged by the monitor spec, when it ran first
  'Prosecution of Mahkambet Abzhan', // a case submitted for review, never published (server/services/demo/publish-cases.ts)
  'Fraud investigation of the head of Shanyrak',
  'Prosecution of the Mangystau union leaders', // cases the monitor spec builds, when it ran first
].filter((text) => text.length > 3);

const totalOf = async (page: Page) => Number((await page.getByTestId('public-total').textContent())?.match(/(\d+)\s*$/)?.[1]);

async function applyFilters(page: Page, values: { from?: string; to?: string; region?: string }) {
  await page.getByLabel('From (YYYY, YYYY-MM or YYYY-MM-DD)').fill(values.from ?? '');
  await page.getByLabel('To (YYYY, YYYY-MM or YYYY-MM-DD)').fill(values.to ?? '');
  await page.getByRole('combobox', { name: /^Region/ }).selectOption(values.region ?? '');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForLoadState('load');
}

const chart = (page: Page, heading: string) => page.locator('section', { has: page.getByRole('heading', { name: heading }) });

/** The chart's table, opened, as "label count" rows (the header row left out). */
async function chartRows(section: Locator): Promise<string[]> {
  const details = section.locator('details');
  if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open))) await section.getByText('Show as a table').click();
  const rows = await section.locator('tbody tr').allInnerTexts();
  return rows.map((row) => row.replace(/\s+/g, ' ').trim());
}

const chartHeadings = {
  year: 'Incidents per year',
  month: 'Incidents per month',
  violation_type: 'Incidents by violation type',
  defender_category: 'Incidents by defender category',
  perpetrator_type: 'Incidents by perpetrator type',
  region: 'Incidents by region',
} as const;

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
    await expect(chart(page, chartHeadings.month)).toContainText('November 2016');
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
    expect(records.slice(1).every((r) => r[7] === 'Almaty')).toBe(true);
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

const groupings = Object.keys(chartHeadings);

/** Every public page and API address, with the ids of all published incidents and cases. */
async function publicAddresses(request: APIRequestContext): Promise<{ pages: string[]; api: string[] }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const response = await request.get(`/api/public/v1/incidents?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { incidents: { id: string }[]; nextCursor: string | null };
    ids.push(...body.incidents.map((i) => i.id));
    cursor = body.nextCursor;
  } while (cursor);
  expect(ids.length).toBeGreaterThan(10);
  const { leak } = readE2eState();
  expect(ids).toEqual(expect.arrayContaining([leak.incidents.published, leak.incidents.edited]));
  const cases = await request.get('/api/public/v1/cases?limit=100');
  expect(cases.status()).toBe(200);
  const caseIds = ((await cases.json()) as { cases: { id: string }[] }).cases.map((c) => c.id);
  expect(caseIds.length).toBeGreaterThanOrEqual(6);
  expect(caseIds).toEqual(expect.arrayContaining([leak.cases.published, leak.cases.edited]));
  const filters = [
    '',
    '?from=2017&to=2017',
    '?from=2016&to=2016',
    '?region=Almaty',
    '?region=Mangystau%20Region',
    '?type=judicial_harassment',
    '?category=trade_unionist',
    '?perpetrator=police',
    '?from=2017-05&to=2017-06',
    '?q=Canary',
  ];
  // Words of what must not show: canaries, the first names of protected persons, the unpublished edit.
  const searches = ['Canary', 'Aigerim', 'Dana', 'Marat', 'Yerlan', 'Dauren', 'Correction'];
  return {
    pages: [
      '/dashboard',
      ...filters.filter(Boolean).map((f) => `/dashboard${f}`),
      '/public/incidents',
      '/public/incidents?q=Kazakhstan',
      ...searches.map((q) => `/public/incidents?q=${q}`),
      ...ids.map((id) => `/public/incidents/${id}`),
      '/public/cases',
      '/public/cases?q=Kharkova',
      ...searches.map((q) => `/public/cases?q=${q}`),
      ...caseIds.map((id) => `/public/cases/${id}`),
      '/public/open-data',
      '/public/open-data/api',
    ],
    api: [
      ...filters.map((f) => `/api/public/v1/incidents${f}`),
      ...filters.map((f) => `/api/public/v1/incidents${f ? `${f}&` : '?'}lang=ru`),
      ...groupings.flatMap((g) =>
        filters.flatMap((f) => [`/api/public/v1/stats?groupBy=${g}${f ? `&${f.slice(1)}` : ''}`, `/api/public/v1/stats.csv?groupBy=${g}${f ? `&${f.slice(1)}` : ''}`]),
      ),
      ...ids.map((id) => `/api/public/v1/incidents/${id}`),
      ...filters.flatMap((f) => [`/api/public/v1/export.json${f}`, `/api/public/v1/export.csv${f}`]),
      '/api/public/v1/cases',
      '/api/public/v1/cases?q=Abzhan',
      ...searches.map((q) => `/api/public/v1/cases?q=${q}`),
      ...caseIds.map((id) => `/api/public/v1/cases/${id}`),
      '/api/public/v1/openapi.json',
    ],
  };
}

test('no public page, RSC payload or API answer holds anything confidential or unpublished', async ({ request }) => {
  test.setTimeout(240_000);
  const { leak } = readE2eState();
  const canaries = Object.entries(leak.canaries);
  expect(canaries.length).toBeGreaterThan(40);
  const { pages, api } = await publicAddresses(request);
  const hidden = (kind: 'incidents' | 'cases') =>
    (['draft', 'submitted', 'returned', 'approved', 'retracted', 'deleted'] as const).map((state) => ({ state, id: leak[kind][state] }));
  const leaks: string[] = [];
  const bodies: string[] = [];
  const check = (address: string, body: string) => {
    for (const secret of secrets) if (body.includes(secret)) leaks.push(`"${secret}" in ${address}`);
    for (const what of canariesIn(body, leak.canaries)) leaks.push(`canary of ${what} in ${address}`);
    bodies.push(body);
  };
  const readPage = async (address: string, status: number) => {
    const html = await request.get(address);
    expect(html.status(), address).toBe(status);
    expect(html.headers()['content-type'], address).toMatch(/^text\/html/);
    check(address, await html.text());
    // The same page as the client router fetches it: the RSC payload, never HTML a second time.
    const rscAddress = `${address}${address.includes('?') ? '&' : '?'}_rsc=1`;
    const rsc = await request.get(rscAddress, { headers: { RSC: '1' } });
    // A page that is not found says so inside its payload; the payload itself answers 200.
    if (status === 200) expect(rsc.status(), rscAddress).toBe(200);
    expect(rsc.headers()['content-type'], rscAddress).toMatch(/^text\/x-component/);
    check(`${rscAddress} (RSC)`, await rsc.text());
  };
  for (const address of pages) await readPage(address, 200);
  // What is not public answers like an address that never existed, and says nothing either.
  for (const { id } of hidden('incidents')) await readPage(`/public/incidents/${id}`, 404);
  for (const { id } of hidden('cases')) await readPage(`/public/cases/${id}`, 404);
  for (const address of api) {
    const response = await request.get(address, { headers: { 'x-forwarded-for': `e2e-crawl-${address}` } });
    expect(response.status(), address).toBe(200);
    check(address, await response.text());
  }
  const notFound = new Set<string>();
  for (const [kind, list] of [['incidents', hidden('incidents')], ['cases', hidden('cases')]] as const) {
    for (const { id } of list) {
      const address = `/api/public/v1/${kind}/${id}`;
      const response = await request.get(address, { headers: { 'x-forwarded-for': `e2e-crawl-${address}` } });
      expect(response.status(), address).toBe(404);
      const body = await response.text();
      check(address, body);
      notFound.add(body);
    }
  }
  expect(notFound.size).toBe(2); // one answer for every hidden incident, one for every hidden case

  expect(leaks).toEqual([]);
  // Not vacuous: published names and titles are there, protected persons as their label, and every
  // public token of the canary organization's published records.
  const publicText = bodies.join('\n');
  expect(publicText).toContain('Zhanbolat Mamay');
  expect(publicText).toContain('Protected person 1');
  expect(publicText).toContain('Demo Human Rights Centre');
  const missing = leak.publicTokens.filter((token) => !publicText.includes(token));
  expect(missing).toEqual([]);
});

test('every public page passes axe-core without serious or critical violations', async ({ page, request }) => {
  // Every page: each published incident and case too, not a sample (about half a second each).
  test.setTimeout(300_000);
  const { pages } = await publicAddresses(request);
  const problems: string[] = [];
  for (const address of pages) {
    await page.goto(address);
    problems.push(...(await seriousViolations(page)));
  }
  expect(problems).toEqual([]);
  expect(pages.filter((p) => p.startsWith('/public/incidents/')).length).toBeGreaterThan(25);
});
