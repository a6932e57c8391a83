import 'server-only';
import { count, sql } from 'drizzle-orm';
import { publicIncidents as p } from '@/db/schema/public';
import type { Db } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { textQuery } from '@/server/text-search/query';
import type { PublicTx } from './db';

/**
 * How a page of a search is read, decided by how many incidents hold the words. PostgreSQL keeps
 * statistics for common words only and guesses about 1% for any other, even one found in no
 * incident; on that guess it walked the start-date index newest first, testing every incident for
 * the words: for a word in none it read all million (8 s, one connection held, by anyone). So:
 *  - when the planner's statistics know the words to be common (over `commonShare` of the
 *    incidents), the date walk meets a match every few rows: it is taken at once;
 *  - otherwise the words' GIN index is asked how many incidents hold them, counting no further
 *    than `fewHits`: none, and nothing more is read; at most `fewHits`, and the page is those
 *    incidents fetched through the index and sorted by date (work bound by `fewHits`, however the
 *    dates lie); more, and the date walk finds a page within about limit × incidents / fewHits rows.
 * Counting a common word would cost more than the walk itself (a scan until `fewHits` are found),
 * hence the statistics first.
 */

/** The number of hits up to which sorting them is cheaper than walking the dates to find a page among them. */
export const fewHits = 5000;

/** The share of incidents above which the planner's statistics, which know the common words, are trusted without counting. */
const commonShare = 0.04;

export type HitsPlan = 'none' | 'sort' | 'walk';

/** Which vector a tier's words are looked up in: a title tier's hits are the title's, any other's the whole row's (an upper bound). */
export type HitsIn = 'title' | 'all';

const vectorOf = (hitsIn: HitsIn) => (hitsIn === 'title' ? p.titleVector : p.searchVector);

/** The statement that counts the incidents holding the words, up to one beyond `cap` (bench/public-search.ts runs it raw as part of its floor). */
export function wordHitsQuery(tx: PublicTx | Db, q: string, hitsIn: HitsIn, cap = fewHits) {
  // Only the words in the condition, so the GIN index is the one way to answer it.
  const hits = tx.select({ one: sql`1` }).from(p).where(sql`${vectorOf(hitsIn)} @@ ${textQuery(q)!}`).limit(cap + 1).as('hits');
  return tx.select({ n: count() }).from(hits);
}

/** The share of incidents the planner expects to hold the words, from its statistics (planned, not run). */
export async function estimatedShare(tx: PublicTx | Db, q: string, hitsIn: HitsIn): Promise<number> {
  // Sent together (one round trip apart less).
  const [planned, size] = await Promise.all([
    tx.execute(sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM ${p} WHERE ${vectorOf(hitsIn)} @@ ${textQuery(q)!}`),
    tx.execute(sql`SELECT reltuples AS n FROM pg_class WHERE oid = 'public_incidents'::regclass`),
  ]);
  const [plan] = rowsOf<{ 'QUERY PLAN': unknown }>(planned);
  const [table] = rowsOf<{ n: number }>(size);
  // PGlite hands the plan back as text, postgres.js as a value.
  const json = typeof plan?.['QUERY PLAN'] === 'string' ? JSON.parse(plan['QUERY PLAN']) : plan?.['QUERY PLAN'];
  const rows = Number((json as [{ Plan: { 'Plan Rows': number } }] | undefined)?.[0]?.Plan['Plan Rows'] ?? 0);
  const incidents = Number(table?.n ?? 0);
  return incidents > 0 ? rows / incidents : 0;
}

export async function hitsPlan(tx: PublicTx | Db, q: string, hitsIn: HitsIn, cap = fewHits): Promise<HitsPlan> {
  if ((await estimatedShare(tx, q, hitsIn)) > commonShare) return 'walk';
  const [row] = await wordHitsQuery(tx, q, hitsIn, cap);
  const n = Number(row?.n ?? 0);
  return n === 0 ? 'none' : n <= cap ? 'sort' : 'walk';
}
