import { en } from '../../common/i18n/en';
import { formatIncidentDate } from '../../common/i18n/dates';
import { interventionKinds } from '../../common/inputs/case';
import { caseStatuses, legalEventKinds, locationPrecisions, reviewStatuses } from '../../common/values';

/**
 * What counts as an English sentence that a Russian or Kazakh reader must not meet: shared by the
 * dictionary test (tests/unit/i18n-complete.test.ts) and the Kazakh journey (e2e/kazakh-interface.spec.ts).
 */

/**
 * Names that stay as they are in every language; they are taken out of a text before its words are
 * counted, so "HRD Monitor" alone is not a sentence but "Download as CSV" still is.
 */
const properNames = [
  'HRD Monitor', // the product's name
  'API', // the open-data interface
  'CSV', // file formats
  'JSON',
];

/** A text worth translating: three or more words with letters once placeholders and proper names are taken out. */
export function isSentence(text: string): boolean {
  let rest = text.replace(/\{\w+\}/g, ' ');
  for (const name of properNames) rest = rest.split(name).join(' ');
  const words = rest.split(/\s+/).filter((word) => /\p{L}/u.test(word));
  return words.length >= 3;
}

/** The English dictionary's sentences without placeholders, as a page would show them word for word. */
export const englishSentences: string[] = Object.values(en).filter((text) => !/\{\w+\}/.test(text) && isSentence(text));

/**
 * The English dictionary's sentences with placeholders, as patterns: "Give a real date written
 * {format} (the precision is "{precision}")" matches whatever fills the placeholders. Only those whose
 * own words make a sentence: "{name}, {at}" would match any comma.
 */
const englishTemplates: { text: string; pattern: RegExp }[] = Object.values(en)
  .filter((text) => /\{\w+\}/.test(text) && isSentence(text.replace(/\{\w+\}/g, ' ')))
  .map((text) => ({
    text,
    pattern: new RegExp(text.split(/\{\w+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^\\n]+?')),
  }));

/** The English dictionary's sentences that a page's text holds, word for word or with its placeholders filled. */
export function englishSentencesIn(pageText: string): string[] {
  return [
    ...englishSentences.filter((sentence) => pageText.includes(sentence)),
    ...englishTemplates.filter(({ pattern }) => pattern.test(pageText)).map(({ text }) => text),
  ];
}

/**
 * The English words a page writes from values rather than sentences: figures ("12 people", "3 killed"),
 * an article ("art. 174"), a month ("May 2017"), an unknown date, a reply due, and the labels and
 * raw codes of the value lists (a review state, a precision, a case status, a kind of legal event or
 * intervention). Meant for the parts of a page the application words (a history's changed values),
 * not for the records' own text, which stays as written.
 */
const englishValueTemplates = (['incident.people', 'incident.killed', 'incident.injured', 'incident.article', 'cases.timeline.undated'] as const).map(
  (key) => ({ text: en[key], pattern: new RegExp(`(^|[^\\p{L}])${en[key].replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\w+\\\}/g, '\\S+')}`, 'iu') }),
);
// "May" from "May 2017": the month names as the app writes them in English.
const englishMonths = Array.from({ length: 12 }, (_, month) => formatIncidentDate(`2017-${String(month + 1).padStart(2, '0')}-01`, 'month', 'en').replace(/\s*2017\s*/, ''));
const valueListWords = [
  ...reviewStatuses.flatMap((code) => [code, en[`status.${code}`]]),
  ...locationPrecisions.flatMap((code) => [code, en[`locationPrecision.${code}`]]),
  ...caseStatuses.flatMap((code) => [code, en[`cases.status.${code}`]]),
  ...legalEventKinds.flatMap((code) => [code, en[`cases.legal.kind.${code}`]]),
  ...interventionKinds.flatMap((code) => [code, en[`interventions.kind.${code}`]]),
  'undated',
  'reply due',
  'reply received',
];
const wholeWord = (word: string) => new RegExp(`(^|[^\\p{L}_])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}_])`, 'iu');
const englishValueWords = [...englishMonths, ...new Set(valueListWords)].map((word) => ({ text: word, pattern: wholeWord(word) }));

export function englishValueWordsIn(text: string): string[] {
  return [...englishValueTemplates, ...englishValueWords].filter(({ pattern }) => pattern.test(text)).map(({ text: word }) => word);
}
