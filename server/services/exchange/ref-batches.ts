import 'server-only';
import { and, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { PgTransaction, type PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { rowsOf } from '@/db/rows';

/** A table whose records an exchange file lists by ref. */
type RefTable = PgTable & { ref: import('drizzle-orm').Column };

/**
 * The rows of a table that match `where`, in batches, by ref compared by code unit (COLLATE "C":
 * the order ./order.ts sorts a whole list in, so a streamed file lists records as a whole one does).
 *
 * Inside a snapshot's transaction on a server they come over one server-side cursor: one query and
 * one sort for the whole list (an index on ref in the database's collation cannot give this order, so
 * a keyset query per batch would sort the whole organization's rows again for every batch). Outside
 * one (the embedded database, which holds no transaction open for a download) batch by batch after
 * the last ref.
 */
export async function* refOrderedBatches<T extends RefTable>(db: DbOrTx, table: T, where: SQL | undefined, batchSize = 1000): AsyncGenerator<T['$inferSelect'][]> {
  const byRef = sql`${table.ref} COLLATE "C"`;
  if (!(db instanceof PgTransaction)) {
    let after: string | null = null;
    for (;;) {
      const from: string | null = after;
      const rows = (await db
        .select()
        .from(table as PgTable)
        .where(and(where, from === null ? undefined : sql`${byRef} > ${from}`))
        .orderBy(byRef)
        .limit(batchSize)) as T['$inferSelect'][];
      if (rows.length > 0) yield rows;
      if (rows.length < batchSize) return;
      after = (rows.at(-1) as { ref: string }).ref;
    }
  }

  // Raw rows, mapped as drizzle maps a select: each column's own conversion (a timestamp to a Date, json parsed).
  const columns = Object.entries(getTableColumns(table));
  const selected = sql.join(
    columns.map(([key, column]) => sql`${column} AS ${sql.identifier(key)}`),
    sql`, `,
  );
  const cursor = sql.identifier(`exchange_export_${Math.random().toString(36).slice(2, 10)}`);
  await db.execute(sql`DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT ${selected} FROM ${table} WHERE ${where ?? sql`TRUE`} ORDER BY ${byRef}`);
  try {
    for (;;) {
      const raw = rowsOf<Record<string, unknown>>(await db.execute(sql`FETCH ${sql.raw(String(Math.trunc(batchSize)))} FROM ${cursor}`));
      if (raw.length > 0) {
        yield raw.map((row) => {
          const mapped: Record<string, unknown> = {};
          for (const [key, column] of columns) mapped[key] = row[key] === null || row[key] === undefined ? null : column.mapFromDriverValue(row[key]);
          return mapped as T['$inferSelect'];
        });
      }
      if (raw.length < batchSize) return;
    }
  } finally {
    await db.execute(sql`CLOSE ${cursor}`).catch(() => {});
  }
}
