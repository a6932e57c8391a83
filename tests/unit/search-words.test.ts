import { describe, expect, it } from 'vitest';
import { documentKeys, queryWords, searchKey, stemsOf } from '@/server/text-search/words';
import { snippet } from '@/server/text-search/snippet';

/**
 * The search's folding and stemming against real names and places of the fixture and the seeds
 * (Larisa Kharkova, Eleusinov, Kushakbaev, Kassym, Shymkent, Almaty): each row is a spelling a
 * monitor or a reader might type and a spelling a record might hold; they must meet, as the
 * database does: a query word meets a record word when they share a stem (words.ts).
 */

function meets(query: string, recordText: string): boolean {
  const record = new Set(documentKeys(recordText).split(' '));
  return queryWords(query).every((word) => word.stems.some((stem) => record.has(stem)));
}

const sameKey: [string, string[]][] = [
  ['Харькова', ['Kharkova', "Khar'kova", 'KHARKOVA', 'Harkova']],
  ['Шымкент', ['Shymkent', 'Shimkent', 'Шымкент']],
  ['Қасым', ['Касым', 'Kassym', 'Kasym', 'Qasym']],
  ['Елеусинов', ['Yeleusinov', 'Eleusinov', 'Eleussinov', 'Елеусінов']],
  ['Кушакбаев', ['Kushakbaev', 'Kushakbayev', 'Qushaqbaev']],
  ['Жанболат', ['Zhanbolat', 'Janbolat']],
  ['Мамай', ['Mamay', 'Mamai']],
  ['КНПРК', ['KNPRK']],
];

const meeting: [string, string][] = [
  // Russian and Kazakh endings, in the other script.
  ['Харьковой', 'Larisa Kharkova was detained'],
  ['Kharkova', 'Суд над Ларисой Харьковой'],
  ['Kharkova', 'Харькованың ісі'],
  ['Шымкенте', 'A raid in Shymkent'],
  ['Шымкентте', 'A raid in Shymkent'],
  ['Shymkent', 'Шымкенттегі сот'],
  ['Eleusinova', 'Елеусинов'],
  ['Алматыдағы', 'Almaty city court'],
  ['Қасымның', 'Kassym Zhakupov'],
  ['Kushakbayev', 'Nurbek Kushakbaev'],
  ['Елеусинов', 'Amin Yeleusinov'],
  // Numbers are kept whole on both sides: a repeated digit is not a doubled letter.
  ['1796599461231', 'Aigerim Merge 1796599461231'],
  ['AL KAZ 1/2017', 'Communication AL KAZ 1/2017'],
  ['2299', 'Article 2299'],
];

const notMeeting: [string, string][] = [
  ['Kharkova', 'Zhanbolat Mamay'],
  ['Шымкент', 'A raid in Almaty'],
  ['Kassym', 'Kushakbaev'],
  // Every word counts: one missing word is no match.
  ['Kharkova Shymkent', 'Larisa Kharkova in Almaty'],
  ['229', 'Article 2299'],
];

describe('search keys', () => {
  it.each(sameKey)('%s has the key of every spelling', (written, spellings) => {
    for (const spelling of spellings) expect(searchKey(spelling), spelling).toBe(searchKey(written));
  });

  it('are ASCII letters, which the simple text-search parser keeps whole', () => {
    for (const word of ['Жанболат', 'Шымкент', 'Харьковой', 'Цой', 'Чечен', 'Щучинск']) expect(searchKey(word)).toMatch(/^[a-z]+$/);
  });

  it.each(meeting)('%s finds a record holding “%s”', (query, record) => {
    expect(meets(query, record)).toBe(true);
  });

  it.each(notMeeting)('%s does not find a record holding “%s”', (query, record) => {
    expect(meets(query, record)).toBe(false);
  });

  it('never cut a word to fewer than four letters', () => {
    for (const word of ['Али', 'Касым', 'Алматыдағы', 'оны']) for (const stem of stemsOf(searchKey(word))) expect(stem.length).toBeGreaterThanOrEqual(Math.min(4, searchKey(word).length));
  });
});

describe('a snippet', () => {
  it('marks the words found in another script and form, as plain text segments', () => {
    const segments = snippet('Larisa Kharkova, chair of the KNPRK, was tried in Shymkent.', 'Харьковой Шымкенте');
    expect(segments?.filter((s) => s.hit).map((s) => s.text)).toEqual(['Kharkova', 'Shymkent']);
    expect(segments?.map((s) => s.text).join('')).toBe('Larisa Kharkova, chair of the KNPRK, was tried in Shymkent.');
  });

  it('is a window around the first hit in a long text', () => {
    const text = `${'Nothing to see here. '.repeat(30)}Then Eleusinov was arrested. ${'More words after. '.repeat(30)}`;
    const segments = snippet(text, 'Елеусинов')!;
    const shown = segments.map((s) => s.text).join('');
    expect(shown.length).toBeLessThan(200);
    expect(shown.startsWith('… ')).toBe(true);
    expect(segments.find((s) => s.hit)?.text).toBe('Eleusinov');
  });

  it('is null when nothing matches', () => {
    expect(snippet('Zhanbolat Mamay', 'Kharkova')).toBeNull();
  });
});
