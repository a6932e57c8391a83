import type { DatePrecision } from '../values';

/**
 * Every date and time a person reads, in one place per language: a day, a partial date (known to a
 * month or a year), a range, a moment, a time of day, a number of days. Pages, emails and the command
 * line call these and never format a date themselves (tests/unit/date-formatting.test.ts scans for it),
 * so "25 July 2017" reads the same on every page of one language.
 */

type Locale = 'en' | 'ru' | 'kk';

/** The Intl locale of each language: British English writes the day first, as Russian and Kazakh do. */
const intlLocale: Record<Locale, string> = { en: 'en-GB', ru: 'ru-RU', kk: 'kk-KZ' };

// One formatter per language and shape, made once: building an Intl formatter costs far more than using it.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, shape: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${shape}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(intlLocale[locale], { ...options, timeZone: 'UTC' });
    formatters.set(key, made);
  }
  return made;
}

const partialShapes: Record<DatePrecision, Intl.DateTimeFormatOptions> = {
  year: { year: 'numeric' },
  month: { year: 'numeric', month: 'long' },
  day: { year: 'numeric', month: 'long', day: 'numeric' },
};

/**
 * A stored date written no more precisely than it is known: "May 2017", never "1 May 2017". The date
 * is a calendar day (no time zone); text that is not one is shown as it is.
 */
export function formatIncidentDate(iso: string, precision: DatePrecision, locale: Locale): string {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter(locale, precision, partialShapes[precision]).format(date);
}

/**
 * The twelve months' names, January first, as a table's column headings read them: "long" to be
 * heard ("January", "январь", "Қаңтар"), "short" to be seen in a narrow column ("Jan", "янв.", "қаң.").
 */
export function monthNames(locale: Locale, width: 'long' | 'short'): string[] {
  const format = formatter(locale, `month-${width}`, { month: width });
  return Array.from({ length: 12 }, (_, month) => format.format(new Date(Date.UTC(2017, month, 1))));
}

/** A calendar day in full: "25 July 2017", "25 июля 2017 г.", "2017 ж. 25 шілде". */
export function formatDay(iso: string, locale: Locale): string {
  return formatIncidentDate(iso, 'day', locale);
}

/** A date range at one precision: "May 2017 – June 2017", or just the start. */
export function formatIncidentDateRange(start: string, end: string | null, precision: DatePrecision, locale: Locale): string {
  const from = formatIncidentDate(start, precision, locale);
  return end && end !== start ? `${from} – ${formatIncidentDate(end, precision, locale)}` : from;
}

/** A moment, in UTC and saying so: the server cannot know the reader's time zone. */
export function formatMoment(moment: Date, locale: Locale): string {
  return `${formatter(locale, 'moment', { dateStyle: 'medium', timeStyle: 'short' }).format(moment)} UTC`;
}

/** The time of day of a moment earlier today ("14:05 UTC"), in UTC as every moment is. */
export function formatClockTime(moment: Date, locale: Locale): string {
  return `${formatter(locale, 'clock', { timeStyle: 'short' }).format(moment)} UTC`;
}

/** A number of days, with the word the number needs: "1 day", "5 days"; "5 дней"; "5 күн". */
export function formatDayCount(days: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale[locale], { style: 'unit', unit: 'day', unitDisplay: 'long' }).format(days);
}

/**
 * The UTC calendar day of a moment as YYYY-MM-DD: the value of a date field and of a stored date,
 * not text to read (formatDay words it).
 */
export function isoDay(moment: Date = new Date()): string {
  return moment.toISOString().slice(0, 10);
}
