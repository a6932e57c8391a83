import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales, type Locale, type Messages } from '@/common/i18n';
import { en } from '@/common/i18n/en';
import { kk } from '@/common/i18n/kk';
import { ru } from '@/common/i18n/ru';
import { englishSentences, englishSentencesIn, isSentence } from '../support/english-sentences';

/**
 * Russian and Kazakh hold every key of the English dictionary, with the same placeholders, and no
 * sentence is left in English: a Kazakh- or Russian-speaking monitor must never meet English on the
 * incident form, its errors, the lists or the dashboard. A missing key falls back to English silently,
 * so only this test notices it.
 */

type Dictionary = Partial<Record<string, string>>;

// Typed by locale, so that adding a language to `locales` without its dictionary here fails to compile.
const translations: Record<Exclude<Locale, 'en'>, Partial<Messages>> = { ru, kk };

/** The `{name}` placeholders of a text, each once, sorted. */
function placeholders(text: string): string[] {
  return [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();
}

type Problems = { missing: string[]; placeholders: string[]; untranslated: string[]; identical: number };

/** What is wrong with one translation of the source dictionary. */
function checkTranslation(source: Record<string, string>, translation: Dictionary): Problems {
  const problems: Problems = { missing: [], placeholders: [], untranslated: [], identical: 0 };
  for (const [key, english] of Object.entries(source)) {
    const text = translation[key];
    if (text === undefined) {
      problems.missing.push(key);
      continue;
    }
    const wanted = placeholders(english).join(' ');
    const found = placeholders(text).join(' ');
    if (wanted !== found) problems.placeholders.push(`${key}: wants {${wanted}}, has {${found}}`);
    if (text === english) {
      problems.identical++;
      if (isSentence(english)) problems.untranslated.push(`${key}: ${english}`);
    }
  }
  return problems;
}

describe('the checker itself', () => {
  it('tells sentences from names and short labels', () => {
    expect(isSentence('Write a real date as YYYY-MM-DD.')).toBe(true);
    expect(isSentence('A – completely reliable')).toBe(true);
    expect(isSentence('Download these incidents as CSV')).toBe(true);
    expect(isSentence('HRD Monitor')).toBe(false);
    expect(isSentence('{name}, {at}')).toBe(false);
    expect(isSentence('Open data (API)')).toBe(false);
    expect(isSentence('—')).toBe(false);
  });

  it('finds the sentences of the English dictionary in the text of a page', () => {
    expect(englishSentences.length).toBeGreaterThan(300);
    expect(englishSentencesIn(`Жаңа оқиға\n${en['form.errorSummaryIntro']}\nHRD Monitor`)).toEqual([en['form.errorSummaryIntro']]);
    expect(englishSentencesIn(`Жаңа оқиға\n${kk['form.errorSummaryIntro']}`)).toEqual([]);
    // A sentence with placeholders is found with whatever fills them.
    expect(englishSentencesIn('Атауы\nThe end cannot be before the start\nAt most 200 incidents at a time')).toEqual([
      en['problem.date.endBeforeStart'],
      en['problem.bulk.tooManyIncidents'],
    ]);
    expect(englishSentencesIn(`${kk['form.errorSummary']}\n7 Dec 2026, 14:05 UTC`)).toEqual([]);
  });

  it('reports a missing key, a changed placeholder and a sentence left in English', () => {
    const source = { a: 'Victim {n}', b: 'Saved by {name} at {at}', c: 'There is a problem', d: 'Import', e: 'Gone' };
    const problems = checkTranslation(source, { a: 'Пострадавший {count}', b: 'Сохранил {name}, {at}', c: 'There is a problem', d: 'Import' });
    expect(problems.missing).toEqual(['e']);
    expect(problems.placeholders).toEqual(['a: wants {{n}}, has {{count}}']);
    expect(problems.untranslated).toEqual(['c: There is a problem']);
    expect(problems.identical).toBe(2);
  });
});

describe.each(Object.entries(translations))('the %s dictionary', (_locale, translation) => {
  const problems = checkTranslation(en, translation);

  it('holds every key of the English one', () => {
    expect(problems.missing).toEqual([]);
  });

  it('keeps every placeholder of the English text, and no other', () => {
    expect(problems.placeholders).toEqual([]);
  });

  it('leaves no sentence in English', () => {
    expect(problems.untranslated).toEqual([]);
  });

  it('translates at least 98% of the keys', () => {
    const total = Object.keys(en).length;
    expect((total - problems.missing.length - problems.identical) / total).toBeGreaterThanOrEqual(0.98);
  });
});

describe('the demo vocabularies', () => {
  // Vocabulary labels live in the database, per language; the demo loads them from this file.
  const fixture = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../fixtures/kazakhstan-2017.json'), 'utf8')) as {
    vocabularies: Record<string, { code: string; labels: Record<string, string> }[]>;
  };
  const terms = Object.entries(fixture.vocabularies).flatMap(([list, listed]) => listed.map((term) => ({ list, ...term })));

  it('has terms to check', () => {
    expect(terms.length).toBeGreaterThan(0);
  });

  it.each(locales.filter((locale) => locale !== 'en'))('labels every term in %s, not in English', (locale) => {
    const unlabelled = terms.filter((term) => !term.labels[locale]?.trim()).map((term) => `${term.list} ${term.code}`);
    expect(unlabelled).toEqual([]);
    const untranslated = terms.filter((term) => term.labels[locale] === term.labels.en && isSentence(term.labels.en!)).map((term) => term.code);
    expect(untranslated).toEqual([]);
  });
});
