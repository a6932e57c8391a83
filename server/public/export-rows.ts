import 'server-only';
import { desc, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { publicIncidentExports as e, publicIncidents as p } from '@/db/schema/public';
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
const asJson = (column: SQLWrapper) => sql`array_to_json(${column})::text`;

/** How each field is read: as text, or as JSON text that JSON.parse turns into the field (`json`). */
const fields: { [K in keyof ExportRow]: { read: SQL; json?: true } } = {
  incidentId: { read: sql`${p.incidentId}::text` },
  publisher: { read: sql`${p.publisher}` },
  title: { read: sql`${p.title}` },
  summary: { read: sql`${p.summary}` },
  startDate: { read: sql`to_char(${p.startDate}::timestamp, 'YYYY-MM-DD')` },
  endDate: { read: sql`to_char(${p.endDate}::timestamp, 'YYYY-MM-DD')` },
  datePrecision: { read: sql`${p.datePrecision}::text` },
  country: { read: sql`${p.country}` },
  region: { read: sql`${p.region}` },
  locality: { read: sql`${p.locality}` },
  lat: { read: sql`${p.lat}` },
  lon: { read: sql`${p.lon}` },
  locationPrecision: { read: sql`${p.locationPrecision}::text` },
  violationTypes: { read: asJson(p.violationTypes), json: true },
  defenderCategories: { read: asJson(p.defenderCategories), json: true },
  perpetratorTypes: { read: asJson(p.perpetratorTypes), json: true },
  victims: { read: sql`${p.victims}::text`, json: true },
  perpetrators: { read: sql`${p.perpetrators}::text`, json: true },
  legal: { read: sql`${p.legal}::text`, json: true },
  sources: { read: sql`${p.sources}::text`, json: true },
  publishedAt: { read: sql`to_char(${p.publishedAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')` },
  attachments: { read: incidentAttachmentsJson(p.incidentId), json: true },
};

/** The fields of ExportRow asked for. */
export type ReadFields<K extends keyof ExportRow> = Pick<ExportRow, K>;

/** Which of an incident's export lines (db/schema/public.ts, publicIncidentExports) to read with its fields. */
export type ExportText = 'csv' | 'json';
/** An incident's line of the export, and (JSON) the lines of what it references: null when the texts are missing. */
export type TextFields = { _text: string | null; _refs: string | null };

/** Rows of these fields, read as an export reads them, of the incidents `where` selects (to make their texts: ./export-texts.ts). */
export async function readExportRows<K extends keyof ExportRow>(db: DbOrTx, wanted: readonly K[], where: SQL): Promise<ReadFields<K>[]> {
  const { columns, row } = reader(wanted, false);
  return rowsOf<Record<string, unknown>>(await db.execute(sql`SELECT ${columns} FROM ${p} WHERE ${where}`)).map(row);
}

function reader<K extends keyof ExportRow>(wanted: readonly K[], keyset: boolean, texts?: ExportText) {
  const read = wanted.map((key) => sql`${fields[key].read} AS ${sql.identifier(key)}`);
  // The incident's lines of this export, made at its publication (./export-texts.ts); null when missing.
  if (texts) read.push(sql`${texts === 'csv' ? e.csv : e.json} AS "_text"`, texts === 'json' ? sql`${e.refs} AS "_refs"` : sql`NULL AS "_refs"`);
  // A keyset per batch needs the last row's place, whatever the export wants.
  if (keyset) read.push(sql`${p.incidentId}::text AS "_id"`, sql`to_char(${p.startDate}::timestamp, 'YYYY-MM-DD') AS "_day"`);
  const columns = sql.join(read, sql`, `);
  const parsed = wanted.filter((key) => fields[key].json);
  const row = (read: Record<string, unknown>): ReadFields<K> => {
    for (const key of parsed) read[key] = key === 'attachments' ? attachmentsFromJson(read[key] as string | null) : JSON.parse(read[key] as string);
    return read as ReadFields<K>;
  };
  return { columns, row };
}

/**
 * The incidents an export writes, newest first, in batches. Inside an export's snapshot (./snapshot.ts:
 * one REPEATABLE READ transaction on a server) over one server-side cursor, 1,500 at a time: one
 * query for the whole export (2,000 at a time, three batches in flight brought the CSV's process near
 * 300 MB; 1,000, a round trip more per thousand rows). Elsewhere (the embedded database, a caller's own database) a batch per
 * transaction, after the last one's keyset, as the lists read them. `where` narrows them further;
 * `texts` adds the incident's lines of that export as TextFields (./export-texts.ts).
 */
export async function* exportIncidentBatches<K extends keyof ExportRow>(
  filters: PublicFilters,
  wanted: readonly K[],
  db?: Db,
  { where = sql`TRUE`, fetchSize = 1500, texts }: { where?: SQL; fetchSize?: number; texts?: ExportText } = {},
): AsyncGenerator<ReadFields<K>[]> {
  const order = sql`ORDER BY ${desc(p.startDate)}, ${desc(p.incidentId)}`;
  const tx = snapshotOf(db);
  const { columns, row } = reader(wanted, !tx, texts);
  const from = texts ? sql`${p} LEFT JOIN ${e} ON ${e.incidentId} = ${p.incidentId}` : sql`${p}`;
  if (tx) {
    const query = sql`SELECT ${columns} FROM ${from} WHERE ${whereFilters(filters)} AND ${where} ${order}`;
    for await (const rows of cursorBatches(tx, 'public_export', query, fetchSize)) yield rows.map(row);
    return;
  }
  const narrower = await publicRead((tx) => narrowerTerms(tx, filters), db);
  let after: { _day: string; _id: string } | null = null;
  for (;;) {
    const last: { _day: string; _id: string } | null = after;
    const keyset: SQL = last ? sql`(${p.startDate}, ${p.incidentId}) < (${last._day}::date, ${last._id}::uuid)` : sql`TRUE`;
    const rows: Record<string, unknown>[] = await publicRead(
      async (tx) => rowsOf(await tx.execute(sql`SELECT ${columns} FROM ${from} WHERE ${whereFilters(filters, narrower)} AND ${where} AND ${keyset} ${order} LIMIT ${fetchSize}`)),
      db,
    );
    if (rows.length > 0) yield rows.map(row);
    if (rows.length < fetchSize) return;
    after = rows.at(-1) as { _day: string; _id: string };
  }
}
