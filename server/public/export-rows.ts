import 'server-only';
import { desc, getTableColumns, sql, type Column, type SQL } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { publicIncidents as p } from '@/db/schema/public';
import type { PublicFilters } from './filters';
import { publicIncidentBatches, type PublicIncidentRow } from './incidents';
import { whereFilters } from './where';

/**
 * The incidents an export writes, newest first, in batches. Inside an export's snapshot (./snapshot.ts:
 * one REPEATABLE READ transaction on a server) they come over one server-side cursor, fetched a few
 * thousand at a time: one query for the whole export instead of a keyset query and a transaction per
 * batch, and without the search text, which no export writes. Elsewhere (the embedded database, a
 * caller's own database) batch by batch, as the lists read them.
 */
export type ExportRow = Omit<PublicIncidentRow, 'searchText'>;

const { titleKeys: _t, searchKeys: _k, searchVector: _v, titleVector: _tv, searchText: _s, ...exportColumns } = getTableColumns(p);
const columns = Object.entries(exportColumns) as [keyof ExportRow, Column][];

/** Rows as drizzle would hand them: each column's own conversion (a timestamp to a Date, json parsed). */
function mapped(raw: Record<string, unknown>): ExportRow {
  const row: Record<string, unknown> = {};
  for (const [key, column] of columns) {
    const value = raw[key];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as ExportRow;
}

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
  await tx.execute(sql`SELECT set_config('role', 'hrd_public', true)`);
  await tx.execute(sql`DECLARE ${sql.identifier(name)} NO SCROLL CURSOR FOR ${query}`);
  for (;;) {
    const rows = rowsOf<Record<string, unknown>>(await tx.execute(sql`FETCH ${sql.raw(String(Math.trunc(fetchSize)))} FROM ${sql.identifier(name)}`));
    if (rows.length > 0) yield rows;
    if (rows.length < fetchSize) break;
  }
  await tx.execute(sql`CLOSE ${sql.identifier(name)}`);
}

/**
 * A thousand rows per fetch: a batch's rows mostly die in V8's new space instead of being promoted to
 * the old generation, which grows until a full collection (5000 a fetch kept the process over 300 MB).
 */
export async function* exportIncidentBatches(filters: PublicFilters, db?: Db, fetchSize = 1000): AsyncGenerator<ExportRow[]> {
  const tx = snapshotOf(db);
  if (!tx) {
    yield* publicIncidentBatches(filters, 500, db);
    return;
  }
  const selected = sql.join(
    columns.map(([key, column]) => sql`${column} AS ${sql.identifier(key)}`),
    sql`, `,
  );
  const query = sql`SELECT ${selected} FROM ${p} WHERE ${whereFilters(filters)} ORDER BY ${desc(p.startDate)}, ${desc(p.incidentId)}`;
  for await (const rows of cursorBatches(tx, 'public_export', query, fetchSize)) yield rows.map(mapped);
}
