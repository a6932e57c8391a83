import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { incidentSearch, incidents } from '@/db/schema';
import { refreshSearch } from './refresh';
import { textQuery } from '@/server/text-search/query';

/**
 * The workspace lists' text filter: incidents whose search document (everything a member of the
 * owning organization reads on them) holds every word of the search in some form. `tier` asks for
 * the title matches (`title`) or for the others (`rest`), which the list shows first and second.
 * The documents are brought up to date first, so the search reads every write before it.
 */
export async function incidentTextMatch(db: DbOrTx, text: string | null | undefined, tier?: 'title' | 'rest'): Promise<SQL | null> {
  const query = textQuery(text);
  if (!query) return null;
  await refreshSearch(db);
  const s = incidentSearch;
  if (!tier) return sql`${incidents.id} IN (SELECT ${s.incidentId} FROM ${s} WHERE ${s.vector} @@ ${query})`;
  return tier === 'title'
    ? sql`${incidents.id} IN (SELECT ${s.incidentId} FROM ${s} WHERE ${s.titleVector} @@ ${query})`
    : sql`${incidents.id} IN (SELECT ${s.incidentId} FROM ${s} WHERE ${s.vector} @@ ${query} AND NOT ${s.titleVector} @@ ${query})`;
}
