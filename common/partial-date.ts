import type { DatePrecision } from './values';

/**
 * Dates are known to a day, a month or a year. The written form carries exactly that much
 * ("2017-05-25", "2017-05", "2017"); the database stores the first day of the period.
 */
const shapes: Record<DatePrecision, RegExp> = {
  day: /^(\d{4})-(\d{2})-(\d{2})$/,
  month: /^(\d{4})-(\d{2})$/,
  year: /^(\d{4})$/,
};

/** The ISO date of the first day of the period, or null when the text is not a real date of that precision. */
export function partialDateToIso(text: string, precision: DatePrecision): string | null {
  const match = shapes[precision].exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] ? Number(match[2]) : 1;
  const day = match[3] ? Number(match[3]) : 1;
  if (year < 1000 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const order: DatePrecision[] = ['year', 'month', 'day'];

/**
 * What people type, read as year, month and day: ISO ("2018-03-12", "2018-03", "2018") and the
 * day-first habit of Russian and Kazakh writing ("12.03.2018", "12/03/2018", "03.2018"). Never
 * month-first: 03/12/2018 is the 3rd of December here.
 */
function readParts(text: string): { year: string; month?: string; day?: string } | null {
  const written = text.trim();
  const iso = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(written);
  if (iso) return { year: iso[1]!, month: iso[2], day: iso[3] };
  const dayFirst = /^(?:(\d{1,2})[./])?(\d{1,2})[./](\d{4})$/.exec(written);
  if (dayFirst) return { year: dayFirst[3]!, month: dayFirst[2], day: dayFirst[1] };
  return null;
}

/**
 * The ISO date of the first day of the period for a date as people type it, or null when it is not
 * a real date or says less than the precision needs. Saying more is fine: at month precision
 * "2018-03-12" is March 2018 (the day is checked, then dropped), as the monitor who copied a full
 * date from a report meant.
 */
export function readPartialDate(text: string, precision: DatePrecision): string | null {
  const parts = readParts(text);
  if (!parts) return null;
  const given: DatePrecision = parts.day ? 'day' : parts.month ? 'month' : 'year';
  if (order.indexOf(given) < order.indexOf(precision)) return null;
  const pad = (value: string) => value.padStart(2, '0');
  const full = partialDateToIso([parts.year, parts.month && pad(parts.month), parts.day && pad(parts.day)].filter(Boolean).join('-'), given);
  return full ? partialDateToIso(isoToPartialDate(full, precision), precision) : null;
}

/** The date as the form should show it at a precision ("12.03.2018" at month → "2018-03"), or the text unchanged when unreadable. */
export function tidyPartialDate(text: string, precision: DatePrecision): string {
  const iso = readPartialDate(text, precision);
  return iso ? isoToPartialDate(iso, precision) : text;
}

/** The written form of a stored date at a precision: what a form shows and what an edit sends back. */
export function isoToPartialDate(iso: string, precision: DatePrecision): string {
  if (precision === 'year') return iso.slice(0, 4);
  if (precision === 'month') return iso.slice(0, 7);
  return iso.slice(0, 10);
}

/**
 * A stored date as much as its precision knows: the first day of its month or year. The importer
 * keeps a file's date as written ("2017-06-20" at month precision), a form saves the first day; a
 * comparison of the two reads them alike.
 */
export function atPrecision(iso: string, precision: DatePrecision): string {
  return partialDateToIso(isoToPartialDate(iso, precision), precision) ?? iso;
}

/** True when the text is a real calendar date written YYYY-MM-DD. */
export function isRealIsoDate(text: string): boolean {
  return partialDateToIso(text, 'day') !== null;
}
