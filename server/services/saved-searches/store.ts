import 'server-only';
import { and, desc, eq, inArray, or } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { savedSearches, users } from '@/db/schema';
import { recordAudit } from '../audit/record';
import { savedSearchFilters, type SaveSearchInput, type SavedSearchFilters } from '@/common/inputs/saved-search';

/** Saved searches: the viewer's own, and those shared in the organizations they belong to. */

/** The most saved searches one person keeps (a bound on rows and on the notice check's work). */
export const maxSavedSearchesPerPerson = 50;

export type SavedSearch = {
  id: string;
  organizationId: string;
  name: string;
  filters: SavedSearchFilters;
  shared: boolean;
  notify: boolean;
  ownerId: string;
  ownerName: string;
};

/** Stored filters read back with today's schema; a value it no longer accepts is dropped, not trusted. */
export function readFilters(stored: Record<string, unknown>): SavedSearchFilters {
  const parsed = savedSearchFilters.safeParse(stored);
  if (parsed.success) return parsed.data;
  const bad = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
  return savedSearchFilters.parse(Object.fromEntries(Object.entries(stored).filter(([name]) => !bad.has(name))));
}

export async function listSavedSearches(db: DbOrTx, viewerId: string, organizationIds: string[]): Promise<SavedSearch[]> {
  // Searches run only where the person still belongs: with no organization, there is nothing to run.
  if (!organizationIds.length) return [];
  const visible = or(eq(savedSearches.ownerId, viewerId), and(eq(savedSearches.shared, true), inArray(savedSearches.organizationId, organizationIds)));
  const rows = await db
    .select({
      id: savedSearches.id,
      organizationId: savedSearches.organizationId,
      name: savedSearches.name,
      filters: savedSearches.filters,
      shared: savedSearches.shared,
      notify: savedSearches.notify,
      ownerId: savedSearches.ownerId,
      ownerName: users.name,
    })
    .from(savedSearches)
    .innerJoin(users, eq(users.id, savedSearches.ownerId))
    // A search of an organization the owner has left stays theirs but is run only where they still belong.
    .where(and(visible, inArray(savedSearches.organizationId, organizationIds)))
    .orderBy(desc(savedSearches.createdAt))
    .limit(200);
  return rows.map((row) => ({ ...row, filters: readFilters(row.filters) }));
}

export async function findSavedSearch(db: DbOrTx, id: string) {
  const [row] = await db.select().from(savedSearches).where(eq(savedSearches.id, id));
  return row ?? null;
}

export async function countOwnSavedSearches(db: DbOrTx, ownerId: string): Promise<number> {
  return (await db.select({ id: savedSearches.id }).from(savedSearches).where(eq(savedSearches.ownerId, ownerId))).length;
}

export async function saveSearch(db: Db, ownerId: string, input: SaveSearchInput): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(savedSearches)
      .values({ organizationId: input.organizationId, ownerId, name: input.name, filters: input.filters, shared: input.shared, notify: input.notify })
      .returning({ id: savedSearches.id });
    // The name and the filters stay out of the audit log: the words may name a protected person.
    await recordAudit(tx, { actorId: ownerId, action: 'saved_search.create', organizationId: input.organizationId, subjectType: 'saved_search', subjectId: row!.id, details: { shared: input.shared, notify: input.notify } });
    return row!;
  });
}

export async function removeSavedSearch(db: Db, actorId: string, search: { id: string; organizationId: string }): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(savedSearches).where(eq(savedSearches.id, search.id));
    await recordAudit(tx, { actorId, action: 'saved_search.remove', organizationId: search.organizationId, subjectType: 'saved_search', subjectId: search.id });
  });
}
