import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { kk } from '../common/i18n/kk';
import { englishSentencesIn, englishValueWordsIn } from '../tests/support/english-sentences';
import { demoAccount, e2eBaseURL } from './support/server-state';

/**
 * A Kazakh-speaking monitor, then a Kazakh-speaking visitor: no sentence of the English dictionary
 * on the incident and case lists, the incident form and its errors (left empty, dates that are not
 * dates, an end before the start), an incident page, the 404 page or the public dashboard, and no
 * vocabulary term (violation types, defender categories, perpetrators) shown in English. The records
 * themselves (titles, summaries, places) are the organization's words and stay as written; region
 * names are free text for now (a region vocabulary is on its way) and are not checked here.
 * The histories of an incident and a case word what changed in Kazakh: a group's figures, a
 * provision's article, dates, places, statuses.
 */

type Term = { code: string; labels: Record<string, string> };
const fixture = JSON.parse(readFileSync(path.join(__dirname, '..', 'fixtures', 'kazakhstan-2017.json'), 'utf8')) as {
  vocabularies: Record<'violation_types' | 'defender_categories' | 'perpetrator_types', Term[]>;
};
/** The English labels of the demo vocabularies whose Kazakh label differs. */
const englishTermLabels = Object.values(fixture.vocabularies)
  .flat()
  .filter((term) => term.labels.kk !== term.labels.en)
  .map((term) => term.labels.en!);
const judicialHarassment = fixture.vocabularies.violation_types.find((term) => term.code === 'judicial_harassment')!.labels;
const criminalCharges = fixture.vocabularies.violation_types.find((term) => term.code === 'criminal_charges')!.labels;

async function readInKazakh(page: Page) {
  await page.context().addCookies([{ name: 'hrd-locale', value: 'kk', url: e2eBaseURL() }]);
}

/**
 * Vocabulary terms shown in English: a label standing alone in a cell, a line or a list ("A, B").
 * Titles and summaries are English in the demo data, so a label inside a sentence is not counted.
 */
function englishTermsIn(text: string): string[] {
  const pieces = new Set(text.split(/[\n\t]|, |; | · /).map((piece) => piece.trim()));
  return englishTermLabels.filter((label) => pieces.has(label));
}

/** Whatever the page shows in English: sentences of the dictionary, vocabulary terms, date patterns; expected to be nothing. */
async function englishOn(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  return [...englishSentencesIn(text), ...englishTermsIn(text), ...(text.match(/YYYY[-MD]*/g) ?? [])];
}

test('a Kazakh-speaking monitor meets no English on the list, the incident form, an incident and the 404 page', async ({ page }) => {
  await readInKazakh(page);
  const monitor = demoAccount('monitor');

  await test.step('sign in', async () => {
    await page.goto('/sign-in');
    expect(await englishOn(page)).toEqual([]);
    await page.getByLabel('Электрондық пошта').fill(monitor.email);
    await page.getByLabel('Құпиясөз').fill(monitor.password);
    await page.getByRole('button', { name: 'Кіру' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Оқиғалар' })).toBeVisible();
  });

  await test.step('the list and its filters', async () => {
    await expect(page.getByRole('combobox', { name: 'Бұзушылық түрі' }).locator('option', { hasText: judicialHarassment.kk! })).toHaveCount(1);
    expect(await englishOn(page)).toEqual([]);
  });

  await test.step('an incident page', async () => {
    await page.getByRole('table').getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 2, name: 'Мәліметтер' })).toBeVisible();
    expect(await englishOn(page)).toEqual([]);
  });

  await test.step('the incident form, and its error summary', async () => {
    await page.goto('/incidents/new');
    await expect(page.getByRole('heading', { level: 1, name: 'Жаңа оқиға' })).toBeVisible();
    await expect(page.getByLabel('Күні немесе басы (міндетті)')).toHaveAttribute('placeholder', 'ЖЖЖЖ-АА-КК');
    // The violation types: one searchable list, in Kazakh.
    await page.getByRole('combobox', { name: /^Бұзушылық түрлері/ }).click();
    await expect(page.getByRole('option', { name: criminalCharges.kk! })).toBeVisible();
    await expect(page.getByRole('option', { name: criminalCharges.en })).toHaveCount(0);
    expect(await englishOn(page)).toEqual([]);
    await page.getByRole('button', { name: 'Оқиғаны сақтау' }).click();
    await expect(page.getByRole('heading', { name: 'Қателер бар' })).toBeVisible();
    await expect(page.getByText('Оқиға сақталмады. Мыналарды түзетіңіз:')).toBeVisible();
    expect(await englishOn(page)).toEqual([]);
  });

  await test.step('the errors of dates that are not dates, and of an end before the start', async () => {
    const start = page.getByLabel('Күні немесе басы (міндетті)');
    const end = page.getByLabel(/^Соңы/);
    await start.fill('2017-13-45');
    await end.fill('2016');
    await page.getByRole('button', { name: 'Оқиғаны сақтау' }).click();
    await expect(page.getByRole('heading', { name: 'Қателер бар' })).toBeVisible();
    await expect(page.getByText('ЖЖЖЖ-АА-КК пішімінде').first()).toBeVisible();
    expect(await englishOn(page)).toEqual([]);
    await start.fill('2017-03-10');
    await end.fill('2017-03-01');
    await page.getByRole('button', { name: 'Оқиғаны сақтау' }).click();
    await expect(page.getByText(kk['problem.date.endBeforeStart']!).first()).toBeVisible();
    expect(await englishOn(page)).toEqual([]);
  });

  await test.step('the case list', async () => {
    await page.goto('/cases');
    await expect(page.getByRole('heading', { level: 1, name: kk['cases.list.heading']! })).toBeVisible();
    expect(await englishOn(page)).toEqual([]);
  });

  await test.step('a page that does not exist', async () => {
    await page.goto('/incidents/00000000-0000-0000-0000-000000000000');
    await expect(page.getByText('Мұндай бет жоқ немесе оны көруге құқығыңыз жоқ.')).toBeVisible();
    expect(await englishOn(page)).toEqual([]);
  });
});

test('a Kazakh-speaking visitor reads the public dashboard with its vocabulary in Kazakh', async ({ page }) => {
  await readInKazakh(page);
  await page.goto('/dashboard');
  const text = await page.locator('body').innerText();
  expect(text).toContain(judicialHarassment.kk);
  expect(text).not.toContain(judicialHarassment.en);
  expect(await englishOn(page)).toEqual([]);
});

/** The rows of the history's change tables for these fields (by their Kazakh names), as text. */
async function changeRows(page: Page, fields: string[]): Promise<string> {
  const texts: string[] = [];
  for (const field of fields) {
    const rows = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: field, exact: true }) });
    await expect(rows.first()).toBeVisible();
    texts.push(...(await rows.allInnerTexts()));
  }
  return texts.join('\n');
}

test('a Kazakh-speaking monitor reads the history of an incident and of a case in Kazakh', async ({ page }) => {
  // Eight pages, each rendered on the server: more than the default 30 s on a busy machine.
  test.setTimeout(120_000);
  await readInKazakh(page);
  const monitor = demoAccount('monitor');
  await page.goto('/sign-in');
  await page.getByLabel('Электрондық пошта').fill(monitor.email);
  await page.getByLabel('Құпиясөз').fill(monitor.password);
  await page.getByRole('button', { name: 'Кіру' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Оқиғалар' })).toBeVisible({ timeout: 30_000 });

  /** Opens the history of a demo incident, found by its title, at the version it was imported as. */
  async function incidentHistory(title: string) {
    await page.goto('/incidents');
    // Typed only once the page has settled: on a slow machine (CI on 2 cores) the words typed while
    // the list was still loading were gone by the time the form was sent, and the list stayed unfiltered.
    await page.waitForLoadState('networkidle');
    const words = page.getByLabel(kk['list.text']!);
    await words.fill(title);
    await expect(words).toHaveValue(title);
    await page.getByRole('button', { name: kk['list.apply']! }).click();
    await page.getByRole('table').getByRole('link', { name: title }).click();
    await page.getByRole('link', { name: kk['incident.history']! }).click();
    await expect(page.getByRole('heading', { level: 2, name: '1-нұсқа', exact: true })).toBeVisible();
  }

  await test.step('a group of victims with its count, a date, a place and a status', async () => {
    await incidentHistory("Oil workers fined for an 'illegal strike'");
    const text = await changeRows(page, [kk['field.victims']!, kk['field.date']!, kk['field.location']!, kk['field.status']!]);
    expect(text).toContain('Oil workers on hunger strike (15 адам)');
    expect(text).toContain('2017 ж. 22 қаңтар');
    expect(text).toContain('Маңғыстау облысы');
    expect(text).toContain(kk['status.published']);
    expect(englishValueWordsIn(text)).toEqual([]);
    expect(await englishOn(page)).toEqual([]);
  });

  await test.step('a legal provision with its article', async () => {
    await incidentHistory('Larisa Kharkova convicted of abuse of office');
    const text = await changeRows(page, [kk['field.legalProvisions']!]);
    expect(text).toContain('Criminal Code of Kazakhstan 250-бап');
    expect(englishValueWordsIn(text)).toEqual([]);
    expect(await englishOn(page)).toEqual([]);
  });

  await test.step('a case: its status, its review state, an intervention awaiting a reply', async () => {
    await page.goto('/cases');
    await page.getByRole('link', { name: 'Judicial harassment of Larisa Kharkova and KNPRK' }).first().click();
    await page.getByRole('link', { name: kk['cases.page.history']! }).click();
    await expect(page.getByRole('heading', { level: 2, name: '1-нұсқа', exact: true })).toBeVisible();
    const statuses = await changeRows(page, [kk['cases.history.field.status']!, kk['cases.history.field.reviewStatus']!]);
    expect(statuses).toContain(kk['cases.status.open']);
    expect(englishValueWordsIn(statuses)).toEqual([]);
    // The interventions hold the organization's English summaries; their dates and the reply due are the page's words.
    const interventions = page.getByRole('region', { name: '1-нұсқа', exact: true }).getByRole('row').filter({ hasText: kk['cases.history.field.interventions']! });
    await expect(interventions).toContainText('2017 ж. 23 қаңтар: ');
    await expect(interventions).toContainText('Жауап мерзімі: 2017 ж. 24 наурыз');
    await expect(interventions).not.toContainText(/January|March|reply due|un communication/i);
    expect(await englishOn(page)).toEqual([]);
  });
});
