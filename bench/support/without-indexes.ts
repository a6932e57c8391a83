/** Bulk loading for the workspace benchmarks: a table's secondary indexes dropped during a load and made again once after it. */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/rows';

/**
 * Runs `load` with `table`'s indexes other than those behind constraints (primary key, unique)
 * dropped, and makes them again in bulk on `workers` connections: growing a GIN index row by row
 * (the trigram and text-search ones) costs many times building it once.
 */
export async function withoutSecondaryIndexes(db: Db, table: string, workers: number, load: () => Promise<void>): Promise<void> {
  const indexes = rowsOf<{ name: string; definition: string }>(
    await db.execute(sql`SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename = ${table}
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = format('%I', i.indexname)::regclass)`),
  );
  for (const index of indexes) await db.execute(sql.raw(`DROP INDEX "${index.name}"`));
  await load();
  const started = performance.now();
  const made = indexes.length;
  const worker = () =>
    db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL maintenance_work_mem = '512MB'`);
      for (let index = indexes.shift(); index; index = indexes.shift()) await tx.execute(sql.raw(index.definition));
    });
  await Promise.all(Array.from({ length: workers }, worker));
  console.log(`  ${made} indexes of ${table} made again in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
