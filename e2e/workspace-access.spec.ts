import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './support/axe';
import { signedIn } from './support/sign-in';
import { chooseViolationType } from './support/forms';

/**
 * Access in the workspace: axe-core on every kind of workspace page (found by following the links an
 * administrator sees, one page per address pattern), a focus ring that can be seen on the dark header,
 * and focus that goes where the user's attention must go after a navigation or a save.
 */

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** An address as a pattern: /incidents/<id>/history for every incident's history. */
const patternOf = (path: string) => path.replace(uuid, ':id').replace(/\/\d+(?=\/|$)/g, '/:n');

/** The workspace addresses linked from a page: no API, no files, no sign-out, no public pages. */
async function workspaceLinks(page: Page): Promise<string[]> {
  const hrefs = await page.locator('a[href^="/"]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''));
  return hrefs
    .map((href) => href.split('#')[0]!.split('?')[0]!)
    .filter((href) => href && !/^\/(api|public|dashboard|sign-in|set-password|invitation|_next)(\/|$)/.test(href));
}

/** WCAG relative luminance of an "rgb(r, g, b)" colour, and the contrast ratio of two colours. */
function luminance(color: string): number {
  const [r, g, b] = color.match(/[\d.]+/g)!.slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

test('every workspace page passes axe-core without serious or critical violations', async ({ browser }) => {
  test.setTimeout(600_000);
  const page = await signedIn(browser, 'admin');
  const start = ['/incidents', '/incidents/new', '/cases', '/cases/new', '/persons', '/review', '/notifications', '/shared', '/deleted', '/interventions/awaiting', '/account', '/admin', '/admin/users', '/admin/audit'];
  // Not vacuous: the crawl must reach the records themselves, not only the lists.
  const records = ['/incidents/:id', '/incidents/:id/history', '/incidents/:id/edit', '/cases/:id', '/persons/:id', '/sources/:id'];
  const seen = new Map<string, number>();
  const missing = () => records.filter((pattern) => !seen.has(pattern));
  // Each kind of page is checked once, except that while a record kind is still unreached a few
  // more records are opened: sources have no list of their own, and the newest incidents (made by
  // other journeys) may cite none.
  const visits = (pattern: string) => (/^\/(incidents|cases)\/:id$/.test(pattern) && missing().length > 0 ? 40 : 1);
  const queue = [...start];
  const visited = new Set<string>();
  const problems: string[] = [];
  while (queue.length > 0) {
    const address = queue.shift()!;
    const pattern = patternOf(address);
    const count = seen.get(pattern) ?? 0;
    if (visited.has(address) || count >= visits(pattern)) continue;
    visited.add(address);
    seen.set(pattern, count + 1);
    const response = await page.goto(address);
    expect(response?.status(), address).toBeLessThan(400);
    if (count === 0) problems.push(...(await seriousViolations(page)));
    for (const link of await workspaceLinks(page)) if ((seen.get(patternOf(link)) ?? 0) < visits(patternOf(link))) queue.push(link);
  }
  expect(problems).toEqual([]);
  expect(missing()).toEqual([]);
});

test('the focus ring on the dark header has at least 3:1 contrast with the header', async ({ browser }) => {
  const page = await signedIn(browser, 'monitor');
  const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' });
  await link.focus();
  // Keyboard focus, so that :focus-visible applies as it does for a keyboard user.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(link).toBeFocused();
  const { ring, header, style } = await link.evaluate((element) => {
    // Tailwind 4 writes colours in oklch(): a canvas turns any CSS colour into sRGB bytes.
    const rgb = (color: string) => {
      const context = document.createElement('canvas').getContext('2d')!;
      context.fillStyle = color;
      context.fillRect(0, 0, 1, 1);
      const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
      return `rgb(${r}, ${g}, ${b})`;
    };
    const s = getComputedStyle(element);
    return { ring: rgb(s.outlineColor), style: s.outlineStyle, header: rgb(getComputedStyle(element.closest('header')!).backgroundColor) };
  });
  expect(style).toBe('solid');
  expect(contrast(ring, header)).toBeGreaterThanOrEqual(3);
});

test('focus moves to the main heading after a navigation, to the error summary after a failed save, to the saved incident after a save', async ({ browser }) => {
  const page = await signedIn(browser, 'monitor');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'New incident' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New incident' })).toBeFocused();
  await page.getByRole('button', { name: 'Save incident' }).click();
  await expect(page.locator('#error-summary')).toBeFocused();

  const title = `Focus after saving ${Date.now()}`;
  await page.getByLabel('Title (required)', { exact: true }).fill(title);
  await page.getByLabel('Date or start (required)').fill('2017-05-02');
  await chooseViolationType(page, 'Criminal charges brought');
  await page.getByRole('button', { name: 'Save incident' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeFocused();
});
