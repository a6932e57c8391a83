import 'server-only';
import { and, eq, gt, inArray, lte, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { incidents, notifications, savedSearches } from '@/db/schema';
import { loadViewer } from '@/server/auth/viewer';
import { listViewer, memberOrganizationIds } from '@/server/policy/viewer';
import { incidentListConditions } from '../incidents/list';
import { readFilters } from './store';

/**
 * The in-app notice of a saved search: each search that asks for it gets one notice per incident
 * created since it was last checked that matches its filters, as its owner may see the list today
 * (someone who left the organization, or was deactivated, hears of nothing). Run by
 * `npm run saved-searches:notify` every few minutes, like the email of notices.
 */

/** The most notices one search sends per run: a broad search on a busy day must not flood its owner. */
const maxPerSearch = 20;

export async function notifySavedSearchMatches(db: Db, now = new Date()): Promise<{ searches: number; notices: number }> {
  const searches = await db.select().from(savedSearches).where(eq(savedSearches.notify, true));
  let notices = 0;
  for (const search of searches) {
    const viewer = await loadViewer(db, search.ownerId);
    const organizationIds = viewer ? memberOrganizationIds(viewer).filter((id) => id === search.organizationId) : [];
    await db.transaction(async (tx) => {
      // Read before the update: the mark moves on only when the notices it covers are written in the same transaction.
      const [locked] = await tx.select({ checkedUpTo: savedSearches.checkedUpTo }).from(savedSearches).where(eq(savedSearches.id, search.id)).for('update');
      if (!locked) return;
      if (viewer && organizationIds.length > 0) {
        const conditions = await incidentListConditions(tx, organizationIds, readFilters(search.filters), listViewer(viewer));
        const matches = await tx
          .select({ id: incidents.id, createdBy: incidents.createdBy })
          .from(incidents)
          .where(and(...conditions, gt(incidents.createdAt, locked.checkedUpTo), lte(incidents.createdAt, now), ne(sql`coalesce(${incidents.createdBy}, '00000000-0000-0000-0000-000000000000'::uuid)`, search.ownerId)))
          .orderBy(incidents.createdAt)
          .limit(maxPerSearch);
        // One notice per incident however many of the person's searches it matches.
        const already = matches.length
          ? new Set(
              (
                await tx
                  .select({ incidentId: notifications.incidentId })
                  .from(notifications)
                  .where(and(eq(notifications.userId, search.ownerId), eq(notifications.kind, 'saved_search_match'), inArray(notifications.incidentId, matches.map((m) => m.id))))
              ).map((row) => row.incidentId),
            )
          : new Set();
        const fresh = matches.filter((m) => !already.has(m.id));
        if (fresh.length) {
          await tx.insert(notifications).values(fresh.map((m) => ({ userId: search.ownerId, kind: 'saved_search_match' as const, incidentId: m.id, actorId: m.createdBy })));
          notices += fresh.length;
        }
      }
      await tx.update(savedSearches).set({ checkedUpTo: now }).where(eq(savedSearches.id, search.id));
    });
  }
  return { searches: searches.length, notices };
}
