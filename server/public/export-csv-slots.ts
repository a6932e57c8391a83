import 'server-only';
import type { PublicVocabulary } from './vocabulary';
import { csvCell } from './csv-line';
import type { ExportRow } from './export-rows';

/**
 * The public CSV line of an incident in no language: its labelled cells (region name, violation types,
 * defender categories, perpetrator types, perpetrators) stand as slots, `\u0001key\u0001`, which the
 * export fills in its own language (fillCsvSlots). A key is a letter and JSON text, which never holds
 * the mark; a mark in the incident's own text is written twice, and filled back as one.
 */
const mark = '\u0001';
const slot = (key: string) => `${mark}${key}${mark}`;
const cell = (value: string | number | null | undefined) => {
  const text = csvCell(value);
  return text.includes(mark) ? text.replaceAll(mark, mark + mark) : text;
};

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

export type CsvSource = Pick<ExportRow, 'incidentId' | 'title' | 'summary' | 'startDate' | 'endDate' | 'datePrecision' | 'country' | 'region' | 'locality' | 'lat' | 'lon' | 'locationPrecision' | 'violationTypes' | 'defenderCategories' | 'perpetratorTypes' | 'victims' | 'perpetrators' | 'sources' | 'publisher' | 'publishedAt'>;

/** The line, in the order of csvColumns, ending in CRLF. */
export function csvSlotLine(row: CsvSource): string {
  return (
    `${cell(row.incidentId)},${cell(row.title)},${cell(row.summary)},${cell(row.startDate)},${cell(row.endDate)},${cell(row.datePrecision)},` +
    `${cell(row.country)},${cell(row.region)},${row.region ? slot(`r${JSON.stringify(row.region)}`) : ''},${cell(row.locality)},` +
    `${cell(row.lat)},${cell(row.lon)},${cell(row.locationPrecision)},` +
    `${slot(`v${JSON.stringify(row.violationTypes)}`)},${slot(`d${JSON.stringify(row.defenderCategories)}`)},${slot(`t${JSON.stringify(row.perpetratorTypes)}`)},` +
    `${cell(row.victims.map((v) => v.name).join('; '))},${slot(`p${JSON.stringify(row.perpetrators)}`)},` +
    `${cell(row.sources.map((s) => [s.title, s.publisher, s.publishedOn, s.url].filter(Boolean).join(', ')).join('; '))},` +
    `${cell(row.publisher)},${cell(row.publishedAt)}\r\n`
  );
}

const kinds = { v: 'violation_type', d: 'defender_category', t: 'perpetrator_type' } as const;

/**
 * Fills the slots of lines in the vocabulary's language. Incidents share a few combinations of terms
 * and perpetrators: each slot's cell is made once per export (a bounded number kept).
 */
export function fillCsvSlots(vocabulary: PublicVocabulary): (line: string) => string {
  const cells = new Map<string, string>();
  const make = (key: string): string => {
    const json = key.slice(1);
    const letter = key[0];
    if (letter === 'r') return csvCell(vocabulary.region(JSON.parse(json) as string));
    if (letter === 'p') {
      const perpetrators = JSON.parse(json) as ExportRow['perpetrators'];
      return csvCell(perpetrators.map((p) => [vocabulary.label('perpetrator_type', p.type), p.name].filter(Boolean).join(': ')).join('; '));
    }
    const kind = kinds[letter as keyof typeof kinds];
    if (!kind) throw new Error(`unknown slot in a CSV line: ${letter}`);
    return csvCell((JSON.parse(json) as string[]).map((code) => vocabulary.label(kind, code)).join('; '));
  };
  const filled = (key: string) => {
    let text = cells.get(key);
    if (text === undefined) {
      text = make(key);
      if (cells.size < 10_000) cells.set(key, text);
    }
    return text;
  };
  return (line) => {
    let at = line.indexOf(mark);
    if (at < 0) return line;
    let out = '';
    let from = 0;
    while (at >= 0) {
      const end = line.indexOf(mark, at + 1);
      if (end < 0) throw new Error('a CSV line with an open slot');
      out += line.slice(from, at) + (end === at + 1 ? mark : filled(line.slice(at + 1, end)));
      from = end + 1;
      at = line.indexOf(mark, from);
    }
    return out + line.slice(from);
  };
}
