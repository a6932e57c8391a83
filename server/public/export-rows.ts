import 'server-only';
import { desc, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { publicIncidents as p } from '@/db/schema/public';
import type { PublicFilters } from './filters';
import { publicRead } from './db';
import { attachmentsFromJson, incidentAttachmentsJson, type PublicAttachment } from './attachments';
import type { PublicIncidentRow } from './incidents';
import { narrowerTerms, whereFilters } from './where';

/** Chunks of export text of about this many characters (64 KB even in two-byte Cyrillic): small enough to die young in V8's new space (see ./export-csv.ts). */
export const chunkChars = 1 << 15;

/** The export's snapshot transaction, when there is one (a server's REPEATABLE READ transaction, ./snapshot.ts). */
export const snapshotOf = (db?: Db): Db | null => (db instanceof PgTransaction ? (db as unknown as Db) : null);

/**
 * Raw rows of one query over one server-side cursor of the snapshot, `fetchSize` at a time: one
 * query and one sort for the whole export, as hrd_public (set for the rest of the read-only transaction,
 * as publicRead does for each of its reads: only the public read model is readable).
 */
export async function* cursorBatches(tx: Db, name: string, query: SQL, fetchSize: number): AsyncGenerator<Record<string, unknown>[]> {
  // JIT compiling the export's long expressions took seconds (PostgreSQL's default jit_above_cost), and a
  // memoize of a row's lateral subquery only ever missed: both off, for the rest of the read-only transaction.
  await tx.execute(sql`SELECT set_config('role', 'hrd_public', true), set_config('jit', 'off', true), set_config('enable_memoize', 'off', true)`);
  await tx.execute(sql`DECLARE ${sql.identifier(name)} NO SCROLL CURSOR FOR ${query}`);
  const fetch = async () => rowsOf<Record<string, unknown>>(await tx.execute(sql`FETCH ${sql.raw(String(Math.trunc(fetchSize)))} FROM ${sql.identifier(name)}`));
  // Two fetches ahead, sent together: the database makes the next batches while this one is parsed and
  // written out, instead of waiting for each request (two cores, both at work). A fetch past the end answers no rows.
  const ahead: Promise<Record<string, unknown>[]>[] = [fetch(), fetch()];
  try {
    for (;;) {
      const rows = await ahead.shift()!;
      if (rows.length > 0) yield rows;
      if (rows.length < fetchSize) break;
      ahead.push(fetch());
    }
  } finally {
    // A reader that stops early leaves fetches under way: let them end before the transaction does.
    await Promise.all(ahead.map((fetching) => fetching.catch(() => undefined)));
  }
  await tx.execute(sql`CLOSE ${sql.identifier(name)}`);
}

/**
 * What an export reads of each published incident: its facts, the arrays and jsonb as JSON text and
 * dates as text, which JavaScript parses itself (JSON.parse). Rows whose twenty columns the driver
 * converted one by one (three arrays by its own parser, timestamps to Dates, then drizzle's mapping)
 * cost more than everything else an export does (issue 15).
 */
export type ExportRow = Omit<PublicIncidentRow, 'searchText' | 'publishedVersion' | 'updatedAt' | 'publishedAt'> & {
  /** ISO 8601 in UTC, to the millisecond, as Date.toISOString() writes it. */
  publishedAt: string;
  /** The public copies of its files, when the export asked for them. */
  attachments: PublicAttachment[];
};
type ReadRow = Record<Exclude<keyof ExportRow, 'lat' | 'lon' | 'attachments'>, string> & { lat: number | null; lon: number | null; attachments?: string | null };

const asJson = (column: SQLWrapper) => sql`array_to_json(${column})::text`;
const exportColumns = sql`${p.incidentId}::text AS "incidentId", ${p.publisher} AS publisher, ${p.title} AS title, ${p.summary} AS summary,
  to_char(${p.startDate}::timestamp, 'YYYY-MM-DD') AS "startDate", to_char(${p.endDate}::timestamp, 'YYYY-MM-DD') AS "endDate", ${p.datePrecision}::text AS "datePrecision",
  ${p.country} AS country, ${p.region} AS region, ${p.locality} AS locality, ${p.lat} AS lat, ${p.lon} AS lon, ${p.locationPrecision}::text AS "locationPrecision",
  ${asJson(p.violationTypes)} AS "violationTypes", ${asJson(p.defenderCategories)} AS "defenderCategories", ${asJson(p.perpetratorTypes)} AS "perpetratorTypes",
  ${p.victims}::text AS victims, ${p.perpetrators}::text AS perpetrators, ${p.legal}::text AS legal, ${p.sources}::text AS sources,
  to_char(${p.publishedAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "publishedAt"`;

function exportRow(read: ReadRow): ExportRow {
  return {
    ...read,
    violationTypes: JSON.parse(read.violationTypes) as string[],
    defenderCategories: JSON.parse(read.defenderCategories) as string[],
    perpetratorTypes: JSON.parse(read.perpetratorTypes) as string[],
    victims: JSON.parse(read.victims) as ExportRow['victims'],
    perpetrators: JSON.parse(read.perpetrators) as ExportRow['perpetrators'],
    legal: JSON.parse(read.legal) as ExportRow['legal'],
    sources: JSON.parse(read.sources) as ExportRow['sources'],
    attachments: attachmentsFromJson(read.attachments ?? null),
  } as ExportRow;
}

/**
 * The incidents an export writes, newest first, in batches. Inside an export's snapshot (./snapshot.ts:
 * one REPEATABLE READ transaction on a server) over one server-side cursor, a thousand at a time: one
 * query for the whole export. Elsewhere (the embedded database, a caller's own database) a batch per
 * transaction, after the last one's keyset, as the lists read them.
 */
export async function* exportIncidentBatches(filters: PublicFilters, db?: Db, { attachments = false, fetchSize = 1000 } = {}): AsyncGenerator<ExportRow[]> {
  const order = sql`ORDER BY ${desc(p.startDate)}, ${desc(p.incidentId)}`;
  const columns = attachments ? sql`${exportColumns}, ${incidentAttachmentsJson(p.incidentId)} AS attachments` : exportColumns;
  const tx = snapshotOf(db);
  if (tx) {
    const query = sql`SELECT ${columns} FROM ${p} WHERE ${whereFilters(filters)} ${order}`;
    for await (const rows of cursorBatches(tx, 'public_export', query, fetchSize)) yield (rows as ReadRow[]).map(exportRow);
    return;
  }
  const narrower = await publicRead((tx) => narrowerTerms(tx, filters), db);
  let after: ReadRow | null = null;
  for (;;) {
    const last: ReadRow | null = after;
    const keyset: SQL = last ? sql`(${p.startDate}, ${p.incidentId}) < (${last.startDate}::date, ${last.incidentId}::uuid)` : sql`TRUE`;
    const rows: ReadRow[] = await publicRead(
      async (tx) => rowsOf<ReadRow>(await tx.execute(sql`SELECT ${columns} FROM ${p} WHERE ${whereFilters(filters, narrower)} AND ${keyset} ${order} LIMIT ${fetchSize}`)),
      db,
    );
    if (rows.length > 0) yield rows.map(exportRow);
    if (rows.length < fetchSize) return;
    after = rows.at(-1)!;
  }
}
