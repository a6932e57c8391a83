import 'server-only';
import { count, sql } from 'drizzle-orm';
import { publicIncidents as p } from '@/db/schema/public';
import type { Db } from '@/db/client';
import { textQuery } from '@/server/text-search/query';
import type { PublicTx } from './db';

/**
 * How a page of a search is read, decided by how many incidents hold the words. PostgreSQL keeps
 * statistics for common words only and guesses about 1% for any other, even one found in no
 * incident; on that guess it walks the start-date index newest first, testing every incident for
 * the words: for a word in none it read all million (8 s, one connection held, by anyone). So the
 * words' GIN index is asked first how many incidents hold them, counting no further than
 * `fewHits`:
 *  - none: the page is empty, nothing more is read;
 *  - at most `fewHits`: the page is those incidents, fetched through the GIN index and sorted by
 *    date (work bound by `fewHits`, however the date index is laid out);
 *  - more: the date walk, which meets a match every (incidents / hits) rows, finds a page after at
 *    most about limit × incidents / fewHits rows.
 */

/** The number of hits up to which sorting them is cheaper than walking the dates to find a page among them. */
export const fewHits = 2000;

export type HitsPlan = 'none' | 'sort' | 'walk';

/** Which vector a tier's words are looked up in: a title tier's hits are the title's, any other's the whole row's (an upper bound). */
export type HitsIn = 'title' | 'all';

/** The statement that counts the incidents holding the words, up to one beyond `cap` (bench/public-search.ts runs it raw as part of its floor). */
export function wordHitsQuery(tx: PublicTx | Db, q: string, hitsIn: HitsIn, cap = fewHits) {
  const words = textQuery(q)!;
  const vector = hitsIn === 'title' ? p.titleVector : p.searchVector;
  // Only the words in the condition, so the GIN index is the one way to answer it.
  const hits = tx.select({ one: sql`1` }).from(p).where(sql`${vector} @@ ${words}`).limit(cap + 1).as('hits');
  return tx.select({ n: count() }).from(hits);
}

export async function hitsPlan(tx: PublicTx, q: string, hitsIn: HitsIn, cap = fewHits): Promise<HitsPlan> {
  const [row] = await wordHitsQuery(tx, q, hitsIn, cap);
  const n = Number(row?.n ?? 0);
  return n === 0 ? 'none' : n <= cap ? 'sort' : 'walk';
}
