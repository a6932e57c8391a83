import 'server-only';
import type { DbOrTx, Tx } from '@/db/client';
import { incidentVersions } from '@/db/schema';
import { listVersionHistory, type HistoryEntry } from '../records/version-history';
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

export type IncidentHistoryEntry = HistoryEntry<FieldChange>;

/** Every saved version, newest first, each with what changed since the one before it. */
export function listIncidentHistory(db: DbOrTx, incidentId: string): Promise<IncidentHistoryEntry[]> {
  return listVersionHistory(db, { versions: incidentVersions, key: incidentVersions.incidentId }, incidentId, {
    diff: diffSnapshots,
  });
}
