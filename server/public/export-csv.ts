import 'server-only';
import type { Db } from '@/db/client';
import type { Language, PublicFilters } from './filters';
import { publicIncidentBatches, publicVocabulary } from './incidents';

/** The public CSV: one row per published incident, every cell safe to open in a spreadsheet. */

/**
 * A CSV cell (RFC 4180: quoted when it holds a comma, quote or line break). A number stays a number,
 * so a western longitude is still -51.2 in a spreadsheet. A text that a spreadsheet would read as a
 * formula gets a leading single quote: its first non-space character is = + - or @ (spreadsheets skip
 * leading spaces), or it starts with a tab or carriage return.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^(?:[\t\r]|\s*[=+\-@])/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvColumns = [
  'id',
  'title',
  'summary',
  'start_date',
  'end_date',
  'date_precision',
  'country',
  // The code (KZ-35), or a region outside the list as written; then its name in the export's language.
  'region',
  'region_name',
  'locality',
  'lat',
  'lon',
  'location_precision',
  'violation_types',
  'defender_categories',
  'perpetrator_types',
  'victims',
  'perpetrators',
  'sources',
  'publisher',
  'published_at',
] as const;

/**
 * The UTF-8 byte order mark every CSV file starts with: without it Excel opens UTF-8 as the system code
 * page and Cyrillic turns into garbage. (A `fetch(...).text()` drops it again, as UTF-8 decoders do.)
 */
export const csvBom = '\uFEFF';

export const csvLine = (cells: (string | number | null | undefined)[]) => `${cells.map(csvCell).join(',')}\r\n`;

export async function* publicCsvChunks(filters: PublicFilters, db?: Db, lang: Language = 'en'): AsyncGenerator<string> {
  const vocabulary = await publicVocabulary(lang, db);
  const labels = (kind: 'violation_type' | 'defender_category' | 'perpetrator_type', codes: string[]) =>
    codes.map((code) => vocabulary.label(kind, code)).join('; ');
  yield csvBom + csvLine([...csvColumns]);
  for await (const batch of publicIncidentBatches(filters, 500, db)) {
    yield batch
      .map((row) =>
        csvLine([
          row.incidentId,
          row.title,
          row.summary,
          row.startDate,
          row.endDate,
          row.datePrecision,
          row.country,
          row.region,
          row.region && vocabulary.region(row.region),
          row.locality,
          row.lat,
          row.lon,
          row.locationPrecision,
          labels('violation_type', row.violationTypes),
          labels('defender_category', row.defenderCategories),
          labels('perpetrator_type', row.perpetratorTypes),
          row.victims.map((v) => v.name).join('; '),
          row.perpetrators.map((p) => [vocabulary.label('perpetrator_type', p.type), p.name].filter(Boolean).join(': ')).join('; '),
          row.sources.map((s) => [s.title, s.publisher, s.publishedOn, s.url].filter(Boolean).join(', ')).join('; '),
          row.publisher,
          row.publishedAt.toISOString(),
        ]),
      )
      .join('');
  }
}
