/**
 * The suggestions' matching as it was before the page was chosen from the keys' index (issue 17):
 * kept as the reference the new query must answer exactly like. Every typed word must begin a key
 * of the record or be one of its stems; `exact` when every word is one of its stems; a record's
 * keys intersected word by word, then the records sorted by (exact desc, name, id).
 */
import { and, asc, desc, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/client';
import { actorNameKeys, documentedOrganizations, persons } from '@/db/schema';
import { queryWords } from '@/server/text-search/words';
import { refreshSearch } from '@/server/services/search/refresh';

const prefix = (key: string) => `${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

async function matchBefore(db: Db, kind: 'person' | 'organization', id: PgColumn, text: string): Promise<{ where: SQL; exact: SQL } | null> {
  const words = queryWords(text);
  if (!words.length) return null;
  await refreshSearch(db);
  const k = actorNameKeys;
  const having = (condition: SQL) => sql`SELECT ${k.actorId} FROM ${k} WHERE ${k.kind} = ${kind} AND ${condition}`;
  const isStem = (stems: string[]) => having(sql`${k.key} IN (${sql.join(stems.map((stem) => sql`${stem}`), sql`, `)})`);
  const begins = (key: string, stems: string[]) => sql`(${having(sql`${k.key} LIKE ${prefix(key)}`)} UNION ${isStem(stems)})`;
  const matching = (sets: SQL[]) => sql`${id} IN (${sql.join(sets, sql` INTERSECT `)})`;
  return {
    where: matching(words.map(({ key, stems }) => begins(key, stems))),
    exact: matching(words.map(({ stems }) => sql`(${isStem(stems)})`)),
  };
}

type Page = { limit: number; offset?: number };

/** The ids of a page of persons (merged duplicates left out) as the old query chose them. */
export async function personIdsBefore(db: Db, organizationIds: string[], text: string, page: Page): Promise<string[]> {
  const match = await matchBefore(db, 'person', persons.id, text);
  const rows = await db
    .select({ id: persons.id })
    .from(persons)
    .where(and(inArray(persons.organizationId, organizationIds), isNull(persons.mergedIntoId), match?.where))
    .orderBy(...(match ? [desc(match.exact)] : []), asc(persons.name), asc(persons.id))
    .limit(page.limit)
    .offset(page.offset ?? 0);
  return rows.map(({ id }) => id);
}

/** The ids of a page of documented organizations as the old query chose them. */
export async function organizationIdsBefore(db: Db, organizationIds: string[], text: string, page: Page): Promise<string[]> {
  const o = documentedOrganizations;
  const match = await matchBefore(db, 'organization', o.id, text);
  const rows = await db
    .select({ id: o.id })
    .from(o)
    .where(and(inArray(o.organizationId, organizationIds), match?.where))
    .orderBy(...(match ? [desc(match.exact)] : []), asc(o.name), asc(o.id))
    .limit(page.limit)
    .offset(page.offset ?? 0);
  return rows.map(({ id }) => id);
}
