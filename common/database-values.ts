/**
 * What PostgreSQL accepts, for the checks at every boundary (workspace inputs, the public API, the
 * exchange import) to refuse the rest with a message before a query fails with a server error.
 */

/** PostgreSQL's text and JSON cannot hold the NUL character (U+0000); it arrives invisibly in text pasted from some PDFs and programs. */
export function hasNul(text: string): boolean {
  return text.includes('\u0000');
}

/** The largest value of PostgreSQL's `integer` (serial ids, versions, counts). */
export const largestInteger = 2_147_483_647;

function daysInMonth(year: number, month: number): number {
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

/** Year 1 to 9999 (four digits, as the database writes them; it has no year 0), a real month and day. */
function isRealDay(year: number, month: number, day: number): boolean {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** "2017-05-25": a real calendar day that a `date` accepts. */
export function isDatabaseDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return match !== null && isRealDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** "2026-01-31T12:00:00.123456Z": a real moment in UTC, to the microsecond as a `timestamptz` keeps it. */
export function isDatabaseMoment(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{6}Z$/.exec(text);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  return isRealDay(year, month, day) && hour <= 23 && minute <= 59 && second <= 59;
}
