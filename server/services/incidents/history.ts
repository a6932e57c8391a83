import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import { incidentVersions, users } from '@/db/schema';
import { loadIncidentSnapshot, type IncidentSnapshot } from './snapshot';
import { diffSnapshots, type FieldChange } from './diff';

/** How a version came to be: an edit in the workspace, an import, a review decision, or a merge of two person records. */
export type SavedVia = 'workspace' | 'import' | 'review' | 'merge';

/**
 * Appends the incident as it now stands to its history. Call it inside the transaction that made
 * the change, so the change and its history commit together or not at all.
 */
export async function recordIncidentVersion(
  tx: Tx,
  params: { incidentId: string; version: number; savedBy: string | null; savedVia: SavedVia },
): Promise<IncidentSnapshot> {
  const snapshot = await loadIncidentSnapshot(tx, params.incidentId);
  if (!snapshot) throw new Error(`Incident ${params.incidentId} vanished inside its own transaction`);
  await tx.insert(incidentVersions).values({
    incidentId: params.incidentId,
    version: params.version,
    snapshot,
    savedBy: params.savedBy,
    savedVia: params.savedVia,
  });
  return snapshot;
}

export type IncidentHistoryEntry = {
  version: number;
  savedAt: Date;
  savedVia: string;
  savedBy: { id: string; name: string } | null;
  changes: FieldChange[];
};

/** Every saved version, newest first, each with what changed since the one before it. */
export async function listIncidentHistory(db: DbOrTx, incidentId: string): Promise<IncidentHistoryEntry[]> {
  const rows = await db
    .select({
      version: incidentVersions.version,
      snapshot: incidentVersions.snapshot,
      savedAt: incidentVersions.savedAt,
      savedVia: incidentVersions.savedVia,
      savedById: users.id,
      savedByName: users.name,
    })
    .from(incidentVersions)
    .leftJoin(users, eq(users.id, incidentVersions.savedBy))
    .where(eq(incidentVersions.incidentId, incidentId))
    .orderBy(asc(incidentVersions.version));

  const entries: IncidentHistoryEntry[] = [];
  let previous: IncidentSnapshot | null = null;
  for (const row of rows) {
    const snapshot = row.snapshot as IncidentSnapshot;
    entries.push({
      version: row.version,
      savedAt: row.savedAt,
      savedVia: row.savedVia,
      savedBy: row.savedById ? { id: row.savedById, name: row.savedByName ?? '' } : null,
      changes: diffSnapshots(previous, snapshot),
    });
    previous = snapshot;
  }
  return entries.reverse();
}
