import 'server-only';
import { desc, getTableColumns, sql, type Column } from 'drizzle-orm';
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

export async function* exportIncidentBatches(filters: PublicFilters, db?: Db, fetchSize = 5000): AsyncGenerator<ExportRow[]> {
  if (!(db instanceof PgTransaction)) {
    yield* publicIncidentBatches(filters, 500, db);
    return;
  }
  const tx = db as unknown as Db;
  // As publicRead does, but for the rest of the snapshot's transaction (read-only already): only the public read model is readable.
  await tx.execute(sql`SELECT set_config('role', 'hrd_public', true)`);
  const selected = sql.join(
    columns.map(([key, column]) => sql`${column} AS ${sql.identifier(key)}`),
    sql`, `,
  );
  await tx.execute(sql`DECLARE public_export NO SCROLL CURSOR FOR SELECT ${selected} FROM ${p} WHERE ${whereFilters(filters)}
    ORDER BY ${desc(p.startDate)}, ${desc(p.incidentId)}`);
  for (;;) {
    const rows = rowsOf<Record<string, unknown>>(await tx.execute(sql`FETCH ${sql.raw(String(Math.trunc(fetchSize)))} FROM public_export`));
    if (rows.length > 0) yield rows.map(mapped);
    if (rows.length < fetchSize) break;
  }
  await tx.execute(sql`CLOSE public_export`);
}
