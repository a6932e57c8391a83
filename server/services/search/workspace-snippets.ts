import 'server-only';
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { incidentSearch } from '@/db/schema';
import { snippet, type SnippetSegment } from '@/server/text-search/snippet';

/** Snippets for a page of the workspace list, from the incidents' search documents (text the members read on them). */
export async function incidentSnippets(db: DbOrTx, ids: string[], query: string): Promise<Map<string, SnippetSegment[]>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: incidentSearch.incidentId, text: incidentSearch.text }).from(incidentSearch).where(inArray(incidentSearch.incidentId, ids));
  const snippets = new Map<string, SnippetSegment[]>();
  for (const row of rows) {
    const found = snippet(row.text, query);
    if (found) snippets.set(row.id, found);
  }
  return snippets;
}
