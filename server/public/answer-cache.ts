import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { publicIncidentCountsState as state } from '@/db/schema/public';
import { publicDatabase } from './db';

/**
 * Public answers kept in this process while the read model stays as it was when they were read:
 * the counts and places of the stats endpoint and the dashboard, the same for every visitor, asked
 * far more often than anything is published. Each is kept under the read model's generation (a
 * token a trigger renews on every write that can change such an answer, migration 0044), and
 * served again only while the database still holds that token, so a publication made through any
 * process is seen by every process at its next request, as if nothing were kept. Answers to a text
 * search are never kept (the search refresh does not renew the token, and words vary too much).
 *
 * The token is read before the answer: an answer read after a publication but kept under the
 * token from before it is newer than its token says, and is read again at the next request, never
 * served stale.
 */

/** The read model's generation, one statement: a token, nothing of any record, read outside publicRead for that one round trip. */
export const generationQuery = sql`SELECT ${state.generation} FROM ${state}`;

export async function publicGeneration(db?: Db): Promise<string | null> {
  const database = db ?? (await publicDatabase());
  const [row] = rowsOf<{ generation: string }>(await database.execute(sql`SELECT (${generationQuery}) AS generation`));
  return row?.generation ?? null;
}

export type AnswerCache<T> = {
  /**
   * The answer under `key`: kept when read at the database's current generation, read by `read` and
   * kept otherwise. `generation`: the current one when the caller has just read it (with the rate limit).
   */
  get(key: string, read: () => Promise<T>, db?: Db, generation?: string | null): Promise<T>;
  /** Tests start empty. */
  clear(): void;
};

/** A cache of at most `capacity` answers, the least recently used forgotten first. */
export function answerCache<T>(capacity: number): AnswerCache<T> {
  const kept = new Map<string, { generation: string; answer: T }>();
  return {
    async get(key, read, db, known) {
      const generation = known === undefined ? await publicGeneration(db) : known;
      const hit = kept.get(key);
      if (generation !== null && hit?.generation === generation) {
        // Map keeps insertion order: moved to the end, the least recently used stays first.
        kept.delete(key);
        kept.set(key, hit);
        return hit.answer;
      }
      const answer = await read();
      if (generation === null) return answer;
      kept.delete(key);
      kept.set(key, { generation, answer });
      if (kept.size > capacity) kept.delete(kept.keys().next().value!);
      return answer;
    },
    clear() {
      kept.clear();
    },
  };
}
