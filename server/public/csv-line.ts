import 'server-only';
/** CSV cells and lines as the public exports write them (RFC 4180), every cell safe to open in a spreadsheet. */

/**
 * A CSV cell (RFC 4180: quoted when it holds a comma, quote or line break). A number stays a number,
 * so a western longitude is still -51.2 in a spreadsheet. A text that a spreadsheet would read as a
 * formula gets a leading single quote: its first non-space character is = + - or @ (spreadsheets skip
 * leading spaces), or it starts with a tab or carriage return.
 */
const formula = /^(?:[\t\r]|\s*[=+\-@])/;
const quoted = /[",\r\n]/;
const quote = /"/g;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  // A number has no comma, quote or line break, and is no formula.
  if (typeof value === 'number') return String(value);
  const text = formula.test(value) ? `'${value}` : value;
  return quoted.test(text) ? `"${text.replace(quote, '""')}"` : text;
}

/**
 * The UTF-8 byte order mark every CSV file starts with: without it Excel opens UTF-8 as the system code
 * page and Cyrillic turns into garbage. (A `fetch(...).text()` drops it again, as UTF-8 decoders do.)
 */
export const csvBom = '\uFEFF';

/** One line; built by concatenation (a million lines make a million arrays less). */
export function csvLine(cells: (string | number | null | undefined)[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) line += i === 0 ? csvCell(cells[i]) : `,${csvCell(cells[i])}`;
  return `${line}\r\n`;
}
