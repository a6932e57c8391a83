import 'server-only';
import type { DbOrTx, Tx } from '@/db/client';
import { caseVersions } from '@/db/schema';
import { listVersionHistory, type HistoryEntry } from '../records/version-history';
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

export type CaseHistoryEntry = HistoryEntry<CaseFieldChange>;

/** Every saved version, newest first, each with what changed since the one before it (other organizations' incidents as the reader may see them). */
export function listCaseHistory(db: DbOrTx, caseId: string): Promise<CaseHistoryEntry[]> {
  return listVersionHistory(db, { versions: caseVersions, key: caseVersions.caseId }, caseId, {
    diff: diffCaseSnapshots,
    asRead: (snapshots: CaseSnapshot[]) => withForeignIncidentsProjected(db, caseId, snapshots),
  });
}
