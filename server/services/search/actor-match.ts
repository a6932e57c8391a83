import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { actorNameKeys } from '@/db/schema';
import { queryWords } from '@/server/text-search/words';
import { refreshSearch } from './refresh';

/** A key as the start of a LIKE pattern: keys are folded letters and digits, escaped all the same. */
const prefix = (key: string) => `${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Persons and organizations by name across scripts and spellings (Қасым, Касым and Kassym alike):
 * every typed word must begin a part of the name, an alias or the acronym, or share its stem (a
 * declined form), compared as folded keys in actor_name_keys, whose btree on the key answers both
 * as an index range or lookup. `exact` ranks first the records where every word is a whole part of
 * the name. Each word's records are intersected, so the database reads only matching keys.
 */
export async function actorNameMatch(
  db: DbOrTx,
  kind: (typeof actorNameKeys.$inferSelect)['kind'],
  id: PgColumn,
  text: string | null | undefined,
): Promise<{ where: SQL; exact: SQL } | null> {
  const words = queryWords(text ?? '');
  if (!words.length) return null;
  await refreshSearch(db);
  const k = actorNameKeys;
  const having = (condition: SQL) => sql`SELECT ${k.actorId} FROM ${k} WHERE ${k.kind} = ${kind} AND ${condition}`;
  const isStem = (stems: string[]) => having(sql`${k.key} IN (${sql.join(stems.map((stem) => sql`${stem}`), sql`, `)})`);
  // A word's records: those with a key it begins, and those with one of its stems. A UNION rather
  // than an OR, so each side is a scan of the index alone; the words' sets are then intersected.
  const begins = (key: string, stems: string[]) => sql`(${having(sql`${k.key} LIKE ${prefix(key)}`)} UNION ${isStem(stems)})`;
  const matching = (sets: SQL[]) => sql`${id} IN (${sql.join(sets, sql` INTERSECT `)})`;
  return {
    where: matching(words.map(({ key, stems }) => begins(key, stems))),
    exact: matching(words.map(({ stems }) => sql`(${isStem(stems)})`)),
  };
}
