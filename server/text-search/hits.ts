import 'server-only';
import { count, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { plannedRows } from '@/db/planned-rows';
import { rowsOf } from '@/db/rows';
import { textQuery } from './query';

/**
 * How a page of a search is read, decided by how many records hold the words. PostgreSQL keeps
 * statistics for common words only and guesses about 1% for any other, even one found in no
 * record; on that guess it walked the date index newest first, testing every record for the
 * words: for a word in none it read them all (8 s on a million public incidents, one connection
 * held, by anyone; seconds for an organization's list too). So:
 *  - when the planner's statistics know the words to be common (over `commonShare` of the
 *    records), the date walk meets a match every few rows: it is taken at once;
 *  - otherwise the words' GIN index is asked how many records hold them, counting no further
 *    than `fewHits`: none, and nothing more is read; at most `fewHits`, and the page is those
 *    records fetched through the index and sorted (work bound by `fewHits`, however the dates
 *    lie); more, and the date walk finds a page within about limit × records / fewHits rows.
 * Counting a common word would cost more than the walk itself (a scan until `fewHits` are found),
 * hence the statistics first. Each search gives its table through a small adapter
 * (server/public/word-hits.ts, server/services/search/word-hits.ts).
 */

/** The number of hits up to which sorting them is cheaper than walking the dates to find a page among them. */
export const fewHits = 5000;

/** The share of records above which the planner's statistics, which know the common words, are trusted without counting. */
const commonShare = 0.04;

export type HitsPlan = 'none' | 'sort' | 'walk';

/** Which vector a tier's words are looked up in: a title tier's hits are the title's, any other's the whole row's (an upper bound). */
export type HitsIn = 'title' | 'all';

/** Where a search's words are indexed: the table, its GIN-indexed vectors, and its name in pg_class (for its size). */
export type HitsTable = { table: PgTable; vectors: Record<HitsIn, PgColumn>; relation: string };

/** The statement that counts the records holding the words, up to one beyond `cap`. */
export function wordHitsQuery(tx: DbOrTx, where: HitsTable, q: string, hitsIn: HitsIn, cap = fewHits) {
  // Only the words in the condition, so the GIN index is the one way to answer it.
  const hits = tx.select({ one: sql`1` }).from(where.table).where(sql`${where.vectors[hitsIn]} @@ ${textQuery(q)!}`).limit(cap + 1).as('hits');
  return tx.select({ n: count() }).from(hits);
}

/** The share of records the planner expects to hold the words, from its statistics (planned, not run). */
export async function estimatedShare(tx: DbOrTx, where: HitsTable, q: string, hitsIn: HitsIn): Promise<number> {
  // Sent together (one round trip apart less).
  const [rows, size] = await Promise.all([
    plannedRows(tx, sql`SELECT 1 FROM ${where.table} WHERE ${where.vectors[hitsIn]} @@ ${textQuery(q)!}`),
    tx.execute(sql`SELECT reltuples AS n FROM pg_class WHERE oid = ${where.relation}::regclass`),
  ]);
  const [table] = rowsOf<{ n: number }>(size);
  const records = Number(table?.n ?? 0);
  return records > 0 ? rows / records : 0;
}

export async function hitsPlan(tx: DbOrTx, where: HitsTable, q: string, hitsIn: HitsIn, cap = fewHits): Promise<HitsPlan> {
  if ((await estimatedShare(tx, where, q, hitsIn)) > commonShare) return 'walk';
  const [row] = await wordHitsQuery(tx, where, q, hitsIn, cap);
  const n = Number(row?.n ?? 0);
  return n === 0 ? 'none' : n <= cap ? 'sort' : 'walk';
}
