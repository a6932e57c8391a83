import 'server-only';
import type { Db } from '@/db/client';
import type { Language, PublicFilters } from './filters';
import { chunkChars, exportIncidentBatches, type ExportRow } from './export-rows';
import { publicVocabulary } from './incidents';

/** The public CSV: one row per published incident, every cell safe to open in a spreadsheet. */

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

/** One line; built by concatenation (a million lines make a million arrays less). */
export function csvLine(cells: (string | number | null | undefined)[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) line += i === 0 ? csvCell(cells[i]) : `,${csvCell(cells[i])}`;
  return `${line}\r\n`;
}

/** What the CSV reads of each incident. */
const csvFields = ['incidentId', 'title', 'summary', 'startDate', 'endDate', 'datePrecision', 'country', 'region', 'locality', 'lat', 'lon', 'locationPrecision',
  'violationTypes', 'defenderCategories', 'perpetratorTypes', 'victims', 'perpetrators', 'sources', 'publisher', 'publishedAt'] as const;

export async function* publicCsvChunks(filters: PublicFilters, db?: Db, lang: Language = 'en'): AsyncGenerator<string> {
  const vocabulary = await publicVocabulary(lang, db);
  // Incidents share a few combinations of terms and perpetrators: each combination, as the JSON text the
  // row brings, is parsed and labelled once per export (a bounded number kept).
  const labelled = new Map<string, string>();
  const once = (key: string, make: () => string) => {
    let text = labelled.get(key);
    if (text === undefined) {
      text = make();
      if (labelled.size < 10_000) labelled.set(key, text);
    }
    return text;
  };
  const labels = (kind: 'violation_type' | 'defender_category' | 'perpetrator_type', codes: string) =>
    once(`${kind}:${codes}`, () => (JSON.parse(codes) as string[]).map((code) => vocabulary.label(kind, code)).join('; '));
  const perpetrators = (json: string) =>
    once(`perpetrators:${json}`, () =>
      (JSON.parse(json) as ExportRow['perpetrators']).map((p) => [vocabulary.label('perpetrator_type', p.type), p.name].filter(Boolean).join(': ')).join('; '),
    );
  // Chunks of at most about 64 KB rather than one per batch: a string of a batch's megabytes (and its bytes)
  // lands in V8's large-object space and stays until a full collection; small ones die young.
  let chunk = csvBom + csvLine([...csvColumns]);
  for await (const batch of exportIncidentBatches(filters, csvFields, db, { asText: ['violationTypes', 'defenderCategories', 'perpetratorTypes', 'perpetrators'] })) {
    for (const row of batch) {
      chunk += csvLine([
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
          perpetrators(row.perpetrators),
          row.sources.map((s) => [s.title, s.publisher, s.publishedOn, s.url].filter(Boolean).join(', ')).join('; '),
          row.publisher,
          row.publishedAt,
        ]);
      if (chunk.length >= chunkChars) {
        yield chunk;
        chunk = '';
      }
    }
  }
  if (chunk) yield chunk;
}
