import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { englishSentencesIn } from '../tests/support/english-sentences';
import { demoAccount, e2eBaseURL } from './support/server-state';

/**
 * A Kazakh-speaking monitor, then a Kazakh-speaking visitor: no sentence of the English dictionary
 * on the incident list, the incident form, an incident page, the 404 page or the public dashboard,
 * and the vocabulary (violation types, defender categories, perpetrators) in Kazakh. The records
 * themselves (titles, summaries, places) are the organization's words and stay as written.
 */

type Term = { code: string; labels: Record<string, string> };
const fixture = JSON.parse(readFileSync(path.join(__dirname, '..', 'fixtures', 'kazakhstan-2017.json'), 'utf8')) as {
  vocabularies: { violation_types: Term[] };
};
const judicialHarassment = fixture.vocabularies.violation_types.find((term) => term.code === 'judicial_harassment')!.labels;
const criminalCharges = fixture.vocabularies.violation_types.find((term) => term.code === 'criminal_charges')!.labels;

async function readInKazakh(page: Page) {
  await page.context().addCookies([{ name: 'hrd-locale', value: 'kk', url: e2eBaseURL() }]);
}

/** Whatever the page shows in English from the dictionary; expected to be nothing. */
async function englishOn(page: Page): Promise<string[]> {
  return englishSentencesIn(await page.locator('body').innerText());
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
  expect(englishSentencesIn(text)).toEqual([]);
});
