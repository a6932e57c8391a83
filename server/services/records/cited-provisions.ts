import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { caseLegalEventProvisions, incidentLegalProvisions, legalProvisions } from '@/db/schema';

/** A provision as a record cites it; `code` is null when unknown (the table keeps '' so that its unique key works). */
export type CitedProvision = { code: string | null; article: string; title: string | null };

/** A table of citations: which record cites which provision, at which position. */
type Citations =
  | { table: typeof incidentLegalProvisions; citedBy: typeof incidentLegalProvisions.incidentId }
  | { table: typeof caseLegalEventProvisions; citedBy: typeof caseLegalEventProvisions.legalEventId };

export const incidentCitations = { table: incidentLegalProvisions, citedBy: incidentLegalProvisions.incidentId } satisfies Citations;
export const legalEventCitations = { table: caseLegalEventProvisions, citedBy: caseLegalEventProvisions.legalEventId } satisfies Citations;

type CiterId<C extends Citations> = C['citedBy']['_']['data'];

/**
 * The provisions each record cites, in their order, by record id (a record citing none is absent).
 * One query per thousand ids: an import compares the citations of every incident it holds.
 */
export async function loadCitedProvisions<C extends Citations>(
  db: DbOrTx,
  { table, citedBy }: C,
  ids: readonly CiterId<C>[],
): Promise<Map<CiterId<C>, CitedProvision[]>> {
  const byCiter = new Map<CiterId<C>, CitedProvision[]>();
  for (let start = 0; start < ids.length; start += 1000) {
    const rows = await db
      .select({ citer: citedBy, code: legalProvisions.code, article: legalProvisions.article, title: legalProvisions.title })
      .from(table)
      .innerJoin(legalProvisions, eq(legalProvisions.id, table.legalProvisionId))
      .where(inArray(citedBy, ids.slice(start, start + 1000) as CiterId<C>[]))
      .orderBy(asc(citedBy), asc(table.position));
    for (const { citer, code, ...provision } of rows) {
      const list = byCiter.get(citer as CiterId<C>) ?? [];
      list.push({ code: code || null, ...provision });
      byCiter.set(citer as CiterId<C>, list);
    }
  }
  return byCiter;
}
