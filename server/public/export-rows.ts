import 'server-only';
import { desc, sql, type SQL } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { publicIncidents as p } from '@/db/schema/public';
import type { PublicFilters } from './filters';
import { publicRead } from './db';
import type { ExportSelect } from './export-text';
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
  // JIT compiling an export's long expressions took seconds (PostgreSQL's default jit_above_cost), and a
  // memoize of the lines' lateral subquery only missed: both off, for the rest of the read-only transaction.
  await tx.execute(sql`SELECT set_config('role', 'hrd_public', true), set_config('jit', 'off', true), set_config('enable_memoize', 'off', true)`);
  await tx.execute(sql`DECLARE ${sql.identifier(name)} NO SCROLL CURSOR FOR ${query}`);
  for (;;) {
    const rows = rowsOf<Record<string, unknown>>(await tx.execute(sql`FETCH ${sql.raw(String(Math.trunc(fetchSize)))} FROM ${sql.identifier(name)}`));
    if (rows.length > 0) yield rows;
    if (rows.length < fetchSize) break;
  }
  await tx.execute(sql`CLOSE ${sql.identifier(name)}`);
}

/** An incident's line of an export, as PostgreSQL wrote it (./export-text.ts). */
export type ExportLine = { id: string; text: string };

/**
 * The lines an export writes, newest first, in batches. Inside an export's snapshot (./snapshot.ts:
 * one REPEATABLE READ transaction on a server) over one server-side cursor, a thousand at a time: one
 * query for the whole export. Elsewhere (the embedded database, a caller's own database) a batch
 * per transaction, after the last one's keyset, as the lists read them.
 */
export async function* exportLineBatches(filters: PublicFilters, line: ExportSelect, db?: Db, fetchSize = 1000): AsyncGenerator<ExportLine[]> {
  const order = sql`ORDER BY ${desc(p.startDate)}, ${desc(p.incidentId)}`;
  const tx = snapshotOf(db);
  if (tx) {
    const query = sql`SELECT ${line.select} AS text, ${p.incidentId} AS id FROM ${line.from} WHERE ${whereFilters(filters)} ${order}`;
    yield* cursorBatches(tx, 'public_export', query, fetchSize) as AsyncGenerator<ExportLine[]>;
    return;
  }
  const narrower = await publicRead((tx) => narrowerTerms(tx, filters), db);
  let after: { d: string; id: string } | null = null;
  for (;;) {
    const cursor: { d: string; id: string } | null = after;
    const keyset = cursor ? sql`(${p.startDate}, ${p.incidentId}) < (${cursor.d}::date, ${cursor.id}::uuid)` : sql`TRUE`;
    const rows: (ExportLine & { d: string })[] = await publicRead(
      async (tx) =>
        rowsOf(
          await tx.execute(sql`SELECT ${line.select} AS text, ${p.incidentId}::text AS id, to_char(${p.startDate}, 'YYYY-MM-DD') AS d
            FROM ${line.from} WHERE ${whereFilters(filters, narrower)} AND ${keyset} ${order} LIMIT ${fetchSize}`),
        ),
      db,
    );
    if (rows.length > 0) yield rows;
    if (rows.length < fetchSize) return;
    const last = rows.at(-1)!;
    after = { d: last.d, id: last.id };
  }
}
