import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import { caseVersions, users } from '@/db/schema';
import { diffCaseSnapshots, type CaseFieldChange } from './diff';
import { withForeignIncidentsProjected } from './foreign-incidents';
import { loadCaseSnapshot, type CaseSnapshot } from './snapshot';

/** How a version came to be: an edit in the workspace, an import, a review decision, or a merge of two person records. */
export type CaseSavedVia = 'workspace' | 'import' | 'review' | 'merge';

/**
 * Appends the case as it now stands to its history. Call it inside the transaction that made the
 * change (the import too), so the change and its history commit together or not at all.
 */
export async function recordCaseVersion(
  tx: Tx,
  params: { caseId: string; version: number; savedBy: string | null; savedVia: CaseSavedVia },
): Promise<CaseSnapshot> {
  const loaded = await loadCaseSnapshot(tx, params.caseId);
  if (!loaded) throw new Error(`Case ${params.caseId} vanished inside its own transaction`);
  const [snapshot] = await withForeignIncidentsProjected(tx, params.caseId, [loaded]);
  await tx.insert(caseVersions).values({ ...params, snapshot });
  return snapshot!;
}

export type CaseHistoryEntry = {
  version: number;
  savedAt: Date;
  savedVia: string;
  savedBy: { id: string; name: string } | null;
  changes: CaseFieldChange[];
};

/** Every saved version, newest first, each with what changed since the one before it. */
export async function listCaseHistory(db: DbOrTx, caseId: string): Promise<CaseHistoryEntry[]> {
  const rows = await db
    .select({
      version: caseVersions.version,
      snapshot: caseVersions.snapshot,
      savedAt: caseVersions.savedAt,
      savedVia: caseVersions.savedVia,
      savedById: users.id,
      savedByName: users.name,
    })
    .from(caseVersions)
    .leftJoin(users, eq(users.id, caseVersions.savedBy))
    .where(eq(caseVersions.caseId, caseId))
    .orderBy(asc(caseVersions.version));
  const entries: CaseHistoryEntry[] = [];
  const snapshots = await withForeignIncidentsProjected(db, caseId, rows.map((row) => row.snapshot as CaseSnapshot));
  let previous: CaseSnapshot | null = null;
  for (const [index, row] of rows.entries()) {
    const snapshot = snapshots[index]!;
    entries.push({
      version: row.version,
      savedAt: row.savedAt,
      savedVia: row.savedVia,
      savedBy: row.savedById ? { id: row.savedById, name: row.savedByName ?? '' } : null,
      changes: diffCaseSnapshots(previous, snapshot),
    });
    previous = snapshot;
  }
  return entries.reverse();
}
