import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { actorSearch } from '@/db/schema';
import { queryWords } from '@/server/text-search/words';
import { refreshSearch } from './refresh';

/**
 * Persons and organizations by name across scripts and spellings (Қасым, Касым and Kassym alike):
 * every typed word must begin a part of the name, an alias or the acronym, or share its stem (a
 * declined form), compared as folded keys in actor_search, whose trigram index serves the LIKEs.
 * `exact` ranks first the records where every word is a whole part of the name.
 */
export async function actorNameMatch(
  db: DbOrTx,
  kind: (typeof actorSearch.$inferSelect)['kind'],
  id: PgColumn,
  text: string | null | undefined,
): Promise<{ where: SQL; exact: SQL } | null> {
  const words = queryWords(text ?? '');
  if (!words.length) return null;
  await refreshSearch(db);
  const a = actorSearch;
  const like = (pattern: string) => sql`${a.keys} LIKE ${pattern}`;
  const begins = words.map(({ key, stems }) => sql`(${sql.join([like(`% ${key}%`), ...stems.map((stem) => like(`% ${stem} %`))], sql` OR `)})`);
  const whole = words.map(({ stems }) => sql`(${sql.join(stems.map((stem) => like(`% ${stem} %`)), sql` OR `)})`);
  const matching = (conditions: SQL[]) =>
    sql`${id} IN (SELECT ${a.actorId} FROM ${a} WHERE ${a.kind} = ${kind} AND ${sql.join(conditions, sql` AND `)})`;
  return { where: matching(begins), exact: matching(whole) };
}
