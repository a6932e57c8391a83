import 'server-only';
import { csvBom, csvLine } from './csv-line';
import type { Stats } from './stats';

/**
 * One chart's figures as CSV: a `key,label,count` row per bar, in the order of /stats, then the
 * total (each incident once) and, by month, how many are known only to the year. Those closing rows
 * have no key, so a spreadsheet summing the keyed rows is not thrown off by them.
 */
export const statsCsvColumns = ['key', 'label', 'count'] as const;
export const statsCsvTotalLabel = 'Total (each incident counted once)';
export const statsCsvUnknownMonthLabel = 'Known only to the year, so not in any month';

export function statsCsv(stats: Stats): string {
  const lines = [csvBom + csvLine([...statsCsvColumns]), ...stats.counts.map((c) => csvLine([c.key, c.label, c.count]))];
  lines.push(csvLine([null, statsCsvTotalLabel, stats.total]));
  if (stats.unknownMonth !== undefined) lines.push(csvLine([null, statsCsvUnknownMonthLabel, stats.unknownMonth]));
  return lines.join('');
}
