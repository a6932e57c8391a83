import 'server-only';
import { inArray, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { publicIncidentExports, publicIncidents } from '@/db/schema/public';
import { publicRead } from './db';
import type { PublicFilters } from './filters';
import { csvSlotLine } from './export-csv-slots';
import { incidentJsonHead, referencedLines } from './export-json-object';
import { exportIncidentBatches, readExportRows, snapshotOf, type ExportRow, type ExportText, type ReadFields, type TextFields } from './export-rows';

/**
 * Each public incident's lines of the public exports (db/schema/public.ts, publicIncidentExports),
 * made by the publication that writes its row, so that a download of a million incidents streams
 * text instead of making every line again from the row's jsonb (issue 15: that cost most of an
 * export's time, in the database and in the app). Made here from the row as an export reads it, by
 * the same code whether the publication, the bench's generator or an export makes them.
 */

/** What the lines are made of: every field of a public row that an export writes, but its files. */
const textFields = ['incidentId', 'publisher', 'title', 'summary', 'startDate', 'endDate', 'datePrecision', 'country', 'region', 'locality', 'lat', 'lon',
  'locationPrecision', 'violationTypes', 'defenderCategories', 'perpetratorTypes', 'victims', 'perpetrators', 'legal', 'sources', 'publishedAt'] as const;
type TextSource = ReadFields<(typeof textFields)[number]>;

/** An incident's lines, as its row of public_incident_exports holds them. */
export type ExportTexts = Omit<typeof publicIncidentExports.$inferInsert, 'incidentId'>;

export function exportTextsOf(row: TextSource): ExportTexts {
  return { csv: csvSlotLine(row), json: incidentJsonHead(row), refs: referencedLines(row) };
}

/** Makes and writes the lines of the public incidents `where` selects (inside the transaction that wrote their rows); how many. */
export async function writeExportTexts(db: DbOrTx, where: SQL): Promise<number> {
  const rows = await readExportRows(db, textFields, where);
  if (rows.length === 0) return 0;
  const e = publicIncidentExports;
  await db
    .insert(e)
    .values(rows.map((row) => ({ incidentId: row.incidentId, ...exportTextsOf(row) })))
    .onConflictDoUpdate({ target: e.incidentId, set: { csv: sql`excluded.csv`, json: sql`excluded.json`, refs: sql`excluded.refs` } });
  return rows.length;
}

/**
 * Makes the lines of the public incidents that have none (published before the lines existed, or
 * rewritten since by something other than a publication), a thousand per transaction, in the order of
 * their ids; how many. `npm run db:migrate` runs it: exports would make them anyway, every time.
 */
export async function writeMissingExportTexts(db: Db): Promise<number> {
  let written = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const ids = await db.transaction(async (tx) => {
      // Publications wait for this batch: no row changes between its reading here and its lines' writing.
      await tx.execute(sql`LOCK TABLE ${publicIncidents} IN SHARE MODE`);
      const missing = rowsOf<{ id: string }>(
        await tx.execute(sql`SELECT p.incident_id::text AS id FROM ${publicIncidents} p
          WHERE p.incident_id > ${after}::uuid AND NOT EXISTS (SELECT 1 FROM ${publicIncidentExports} e WHERE e.incident_id = p.incident_id)
          ORDER BY p.incident_id LIMIT 1000`),
      ).map((row) => row.id);
      if (missing.length > 0) await writeExportTexts(tx, inArray(publicIncidents.incidentId, missing));
      return missing;
    });
    written += ids.length;
    if (ids.length < 1000) return written;
    after = ids.at(-1)!;
  }
}

/** A row of exportTextBatches: the fields asked for, its line of the export and the lines of what it references. */
export type TextRow<K extends keyof ExportRow> = ReadFields<K | 'incidentId'> & { _text: string; _refs: string };

/**
 * The incidents an export writes, in its order and batches (exportIncidentBatches), each with its line
 * of the `kind` export and the lines of what it references, and the fields `wanted` beside them. A
 * line missing (rewritten since by something other than a publication, or published before the lines
 * existed) is made here from the row, in the same snapshot, and not written: the export only reads.
 */
export async function* exportTextBatches<K extends keyof ExportRow>(filters: PublicFilters, kind: ExportText, wanted: readonly K[], db?: Db): AsyncGenerator<TextRow<K>[]> {
  for await (const batch of exportIncidentBatches(filters, ['incidentId', ...wanted], db, { texts: kind })) {
    const rows = batch as (ReadFields<K | 'incidentId'> & TextFields)[];
    const missing = rows.filter((row) => row._text === null).map((row) => row.incidentId);
    if (missing.length === 0) {
      for (const row of rows) row._refs ??= '';
      yield rows as TextRow<K>[];
      continue;
    }
    const where = inArray(publicIncidents.incidentId, missing);
    const tx = snapshotOf(db);
    const sources = tx ? await readExportRows(tx, textFields, where) : await publicRead((read) => readExportRows(read, textFields, where), db);
    const made = new Map<string, ExportTexts>(sources.map((source) => [source.incidentId, exportTextsOf(source)]));
    // A row gone between the two reads (only outside a snapshot, on the embedded database) is left out, as if retracted a moment earlier.
    yield rows.flatMap((row) => {
      const texts = row._text === null ? made.get(row.incidentId) : undefined;
      if (texts) Object.assign(row, { _text: kind === 'csv' ? texts.csv : texts.json, _refs: texts.refs });
      row._refs ??= '';
      return row._text === null ? [] : [row as TextRow<K>];
    });
  }
}
