import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { persons } from '@/db/schema';
import type { ConfidentialPerson } from './protection';

/**
 * Whether a person is protected now, read in any query over `persons`: marked confidential, or
 * merged into a record that is. A merged record is another spelling of the person it was merged
 * into (a maiden name, an older transliteration); when that person is marked confidential after
 * the merge, the merged record is not touched, so its protection has to be read through
 * merged_into_id. One hop is enough: a merge points the records merged into the duplicate at the
 * record that remains (server/services/persons/merge.ts), so merged_into_id never leads to a
 * merged record.
 */
// The merged_into_id stands outside the subquery: drizzle writes a column of a one-table select
// unqualified, and inside a correlated subquery over persons it would name the inner row's column.
export const protectedNow = sql<boolean>`(${persons.confidential} OR coalesce(${persons.mergedIntoId} IN (SELECT merged_into.id FROM persons merged_into WHERE merged_into.confidential), false))`;

/**
 * Every protected person of an organization, with every spelling of their name: their other
 * spellings and the names (and other spellings) of the records merged into them, so that the
 * detector replaces a duplicate's name by the label of the person it names. A merged record that is
 * protected on its own, while the record it was merged into is not, keeps its own entry.
 */
export async function confidentialPersonsOf(db: DbOrTx, organizationId: string): Promise<ConfidentialPerson[]> {
  const rows = await db
    .select({ id: persons.id, name: persons.name, aliases: persons.aliases, mergedIntoId: persons.mergedIntoId })
    .from(persons)
    .where(and(eq(persons.organizationId, organizationId), protectedNow));
  const entries = new Map<string, ConfidentialPerson>();
  for (const row of rows) if (!row.mergedIntoId) entries.set(row.id, { id: row.id, name: row.name, aliases: [...row.aliases] });
  for (const row of rows) {
    if (!row.mergedIntoId) continue;
    const target = entries.get(row.mergedIntoId);
    if (target) target.aliases.push(row.name, ...row.aliases);
    else entries.set(row.id, { id: row.id, name: row.name, aliases: [...row.aliases] });
  }
  return [...entries.values()];
}
