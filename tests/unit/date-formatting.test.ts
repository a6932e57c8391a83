import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../support/source-files';
import {
  formatClockTime,
  formatDay,
  formatDayCount,
  formatIncidentDate,
  formatIncidentDateRange,
  formatMoment,
  isoDay,
  monthNames,
  type Locale,
} from '@/common/i18n';

/**
 * Dates read the same way everywhere in one language: every page, email and command writes them
 * through common/i18n/dates.ts. The tables pin what each language reads; the scan fails when a file
 * elsewhere formats a date itself (toLocaleString, Intl.DateTimeFormat, a sliced ISO string…).
 */

describe('the date formatter', () => {
  const partial: [Locale, string, 'day' | 'month' | 'year', string][] = [
    ['en', '2017-07-25', 'day', '25 July 2017'],
    ['en', '2017-05-01', 'month', 'May 2017'],
    ['en', '2017-09-29', 'year', '2017'],
    ['ru', '2017-07-25', 'day', '25 июля 2017 г.'],
    ['ru', '2017-05-01', 'month', 'май 2017 г.'],
    ['ru', '2017-09-29', 'year', '2017'],
    ['kk', '2017-07-25', 'day', '2017 ж. 25 шілде'],
    ['kk', '2017-05-01', 'month', '2017 ж. мамыр'],
    ['kk', '2017-09-29', 'year', '2017'],
  ];
  it.each(partial)('in %s writes %s known to the %s as %s, never more precisely', (locale, iso, precision, written) => {
    expect(formatIncidentDate(iso, precision, locale)).toBe(written);
  });

  it('writes a full day, and a range at one precision', () => {
    expect(formatDay('2017-07-25', 'ru')).toBe('25 июля 2017 г.');
    expect(formatIncidentDateRange('2017-05-01', '2017-06-01', 'month', 'en')).toBe('May 2017 – June 2017');
    expect(formatIncidentDateRange('2017-05-01', '2017-05-01', 'month', 'en')).toBe('May 2017');
    expect(formatIncidentDateRange('2017-05-01', null, 'year', 'kk')).toBe('2017');
  });

  it('names the twelve months, January first, in full and short', () => {
    expect(monthNames('en', 'long')).toHaveLength(12);
    expect([monthNames('en', 'short')[10], monthNames('en', 'long')[10]]).toEqual(['Nov', 'November']);
    expect([monthNames('ru', 'short')[0], monthNames('ru', 'long')[0]]).toEqual(['янв.', 'январь']);
    expect([monthNames('kk', 'short')[11], monthNames('kk', 'long')[11]]).toEqual(['жел.', 'Желтоқсан']);
  });

  it('shows text that is not a date as it is', () => {
    expect(formatIncidentDate('sometime', 'day', 'en')).toBe('sometime');
  });

  const moment = new Date('2026-12-07T14:05:00Z');
  const moments: [Locale, string, string][] = [
    ['en', '7 Dec 2026, 14:05 UTC', '14:05 UTC'],
    ['ru', '7 дек. 2026 г., 14:05 UTC', '14:05 UTC'],
    ['kk', '2026 ж. 07 жел., 14:05 UTC', '14:05 UTC'],
  ];
  it.each(moments)('in %s writes a moment in UTC as %s, its time of day as %s', (locale, written, clock) => {
    expect(formatMoment(moment, locale)).toBe(written);
    expect(formatClockTime(moment, locale)).toBe(clock);
  });

  const counts: [Locale, number, string][] = [
    ['en', 1, '1 day'],
    ['en', 5, '5 days'],
    ['ru', 1, '1 день'],
    ['ru', 3, '3 дня'],
    ['ru', 5, '5 дней'],
    ['kk', 5, '5 күн'],
  ];
  it.each(counts)('in %s counts %i days as %s', (locale, days, written) => {
    expect(formatDayCount(days, locale)).toBe(written);
  });

  it('gives the UTC calendar day of a moment as a field value', () => {
    expect(isoDay(new Date('2026-12-07T23:59:59Z'))).toBe('2026-12-07');
  });
});

const root = path.join(import.meta.dirname, '../..');
// Where dates are written for people: the pages, the server (emails, notices, packages, exports), the shared code and the commands.
const scanned = ['app', 'server', 'common', 'cli'];
const formatterFile = 'common/i18n/dates.ts';

/** Ways of writing a date by hand; a machine's ISO timestamp (`toISOString()` whole) is not one of them. */
const handMade: [string, RegExp][] = [
  ['toLocale…String', /\.toLocale(Date|Time)?String\(/],
  ['Intl date formatter', /Intl\.(DateTimeFormat|RelativeTimeFormat)/],
  ['a cut ISO string', /\.toISOString\(\)\s*\.\s*(slice|substring|substr|split)\(/],
  ['Date text method', /\.to(UTC|Date|Time)String\(/],
  ['month names', /['"]January['"]\s*,\s*['"]February['"]/],
];

/** Each line of a text that writes a date itself, as "file:line (what)". */
function datesMadeByHand(file: string, text: string): string[] {
  return text.split('\n').flatMap((line, index) => handMade.filter(([, pattern]) => pattern.test(line)).map(([what]) => `${file}:${index + 1} (${what})`));
}

describe('dates outside the formatter', () => {
  it('are found when a file writes one itself', () => {
    expect(datesMadeByHand('a.tsx', "<p>{new Date(at).toLocaleString(locale)}</p>")).toEqual(['a.tsx:1 (toLocale…String)']);
    expect(datesMadeByHand('b.ts', "const d = 1;\nconst today = new Date().toISOString().slice(0, 10);")).toEqual(['b.ts:2 (a cut ISO string)']);
    expect(datesMadeByHand('c.ts', "new Intl.DateTimeFormat('ru', {}).format(at)")).toEqual(['c.ts:1 (Intl date formatter)']);
    expect(datesMadeByHand('d.ts', "const months = ['January', 'February'];")).toEqual(['d.ts:1 (month names)']);
    expect(datesMadeByHand('e.ts', "exported_at: new Date().toISOString(),")).toEqual([]);
  });

  it('are nowhere in app/, server/, common/ or cli/ but the formatter itself', () => {
    const files = scanned.flatMap((dir) => sourceFiles(path.join(root, dir))).filter((file) => path.relative(root, file) !== formatterFile);
    expect(files.length).toBeGreaterThan(500);
    const offenders = files.flatMap((file) => datesMadeByHand(path.relative(root, file), readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
