import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/sign-in';

/**
 * A monitor builds a case: opens it, links three incidents found by typing, adds a legal event known
 * to the month and a UN communication with its reference code, and reads the timeline in date order
 * with each date only as precise as it is known ("May 2017", never "1 May 2017").
 */

async function linkIncident(page: Page, words: string, title: string) {
  const search = page.getByLabel('Find incidents by words in their title or summary');
  await search.fill(words);
  const add = page.getByRole('button', { name: `Add “${title}” to this case` });
  await expect(add).toBeVisible();
  await add.click();
  await expect(page.getByRole('status').filter({ hasText: `“${title}” added to the case.` })).toBeVisible();
}

test('a monitor creates a case, links three incidents, adds an intervention and reads the timeline in order', async ({ page }) => {
  const title = `Prosecution of the Mangystau union leaders ${Date.now()}`;
  await test.step('sign in and open a new case', async () => {
    await signIn(page, 'monitor');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
    await page.getByRole('link', { name: 'New case' }).click();
    await page.getByLabel('Title (required)').fill(title);
    await page.getByLabel('Summary').fill('Arrests and prison sentences after the hunger strike.');
    await page.getByRole('button', { name: 'Create case' }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByText('Nothing on the timeline yet.')).toBeVisible();
  });

  await test.step('link three incidents found by typing', async () => {
    await linkIncident(page, 'Eleusinov sentenced', 'Amin Eleusinov sentenced to two years');
    await linkIncident(page, 'hunger strike', 'Two union leaders arrested after joining hunger strike');
    await linkIncident(page, 'Kushakbaev sentenced', 'Nurbek Kushakbaev sentenced to two and a half years');
  });

  await test.step('add the charges, known only to the month', async () => {
    const form = page.getByRole('form', { name: 'Legal event' });
    await form.getByLabel('Step of the proceedings').selectOption('charges');
    await form.getByLabel('Date known to the').selectOption('month');
    await form.getByLabel('Date', { exact: true }).fill('2017-01');
    await form.getByLabel('Court or authority').fill('Aktau City Court');
    await form.getByRole('button', { name: 'Add legal event' }).click();
    await expect(form.getByRole('status')).toHaveText('Legal event saved.');
  });

  await test.step('a malformed date is refused beside the field, then a UN communication is added', async () => {
    const form = page.getByRole('form', { name: 'Intervention' });
    await form.getByLabel('Kind').selectOption('un_communication');
    await form.getByLabel('By whom').fill('UN Special Rapporteur on human rights defenders');
    const date = form.getByLabel('Date (required)');
    await date.fill('2017-02-30');
    await form.getByLabel('Reference code').fill('AL KAZ 2/2017');
    await form.getByRole('button', { name: 'Add intervention' }).click();
    // The message is announced in the form's alert and tied to the date field itself.
    await expect(form.getByRole('alert')).toContainText('Give a real date written YYYY-MM-DD (the precision is "day")');
    await expect(date).toHaveAttribute('aria-invalid', 'true');
    await expect(date).toHaveAccessibleDescription(/Give a real date written YYYY-MM-DD \(the precision is "day"\)/);

    await date.fill('2017-02-10');
    // UN communications ask for a reply within 60 days.
    await expect(form.getByLabel('Reply due by')).toHaveValue('2017-04-11');
    await form.getByRole('button', { name: 'Add intervention' }).click();
    await expect(form.getByRole('status')).toHaveText('Intervention saved.');
  });

  await test.step('the timeline reads in date order with honest precision', async () => {
    const items = page.getByRole('list', { name: 'Timeline' }).getByRole('listitem');
    await expect(items).toHaveCount(5);
    const dates = await items.locator('time').allInnerTexts();
    expect(dates).toEqual(['January 2017', '20 January 2017', '10 February 2017', 'April 2017', 'May 2017']);
    await expect(items.nth(0)).toContainText('Charges');
    await expect(items.nth(1)).toContainText('Two union leaders arrested after joining hunger strike');
    await expect(items.nth(2)).toContainText('AL KAZ 2/2017');
    await expect(items.nth(2)).toContainText('Reply overdue since 11 April 2017');
    await expect(items.nth(3)).toContainText('Nurbek Kushakbaev sentenced');
    await expect(items.nth(4)).toContainText('Amin Eleusinov sentenced');
    // Months stay months: no "1 April 2017" or "1 May 2017" anywhere on the timeline.
    await expect(page.getByRole('list', { name: 'Timeline' })).not.toContainText(/(^|[^0-9])1 (January|April|May) 2017/);
  });

  await test.step('the case is closed through its form, and its history names what was added', async () => {
    await page.getByRole('link', { name: 'Edit case' }).click();
    await page.getByLabel('Case status').selectOption('closed');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByText('Closed', { exact: true })).toBeVisible();
    await page.getByRole('link', { name: 'History' }).click();
    const latest = page.getByRole('region', { name: 'Version 7' });
    await expect(latest.getByRole('row', { name: /Case status/ })).toContainText('Closed');
    const added = page.getByRole('region', { name: 'Version 6' }).getByRole('row', { name: /Interventions/ });
    // The intervention's kind by its label, as the case page names it (no longer its raw code).
    await expect(added).toContainText('10 February 2017: UN communication');
    await expect(added).toContainText('AL KAZ 2/2017');
    await expect(added).toContainText('Reply due by 11 April 2017');
  });

  await test.step('the overdue communication leads the replies awaited', async () => {
    await page.goto('/interventions/awaiting');
    const rows = page.getByRole('table', { name: 'Interventions awaiting a reply, the most overdue first' }).getByRole('row');
    await expect(rows.nth(1)).toContainText('AL KAZ 2/2017');
    await expect(rows.nth(1)).toContainText('Overdue by');
  });

  await test.step('the incident page shows the case, and the incident can be removed from it there', async () => {
    await page.goto('/cases');
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('link', { name: 'Amin Eleusinov sentenced to two years' }).click();
    const box = page.getByRole('region', { name: 'Cases', exact: true });
    // It also belongs to the demo's case about the Mangystau strike: an incident can be in several cases.
    await expect(box.getByRole('link', { name: title })).toBeVisible();
    await expect(box.getByRole('link', { name: 'Prosecution of KNPRK leaders and hunger strikers in Mangystau' })).toBeVisible();
    await box.getByRole('button', { name: `Remove from case “${title}”` }).click();
    await expect(box.getByRole('status')).toHaveText('Removed from the case.');
    await expect(box.getByRole('link', { name: title })).toHaveCount(0);
    await expect(box.getByRole('link', { name: 'Prosecution of KNPRK leaders and hunger strikers in Mangystau' })).toBeVisible();
  });
});
