import 'server-only';
import type { DbOrTx } from '@/db/client';
import type { ReviewAdapter } from './kinds/adapter';
import { reviewAdapters } from './kinds';
import type { ReviewKind } from './subject';

/**
 * What changed in a version since the one its reviewer compares it with (./kinds/baseline.ts): the
 * last approved or published version, or the version a reviewer returned for changes. Against
 * nothing (never approved nor returned), every filled field is new.
 */
export async function diffSinceBaseline<Change>(db: DbOrTx, adapter: ReviewAdapter<Change>, id: string, version: number) {
  const baseline = await adapter.baseline(db, id, version);
  const rows = await adapter.snapshots(db, id, baseline ? [version, baseline.version] : [version]);
  const current = rows.find((row) => row.version === version);
  const before = baseline ? (rows.find((row) => row.version === baseline.version)?.snapshot ?? null) : null;
  const comparedWith = baseline?.version ?? null;
  const returned = baseline?.returned ?? false;
  if (!current) return { comparedWith, returned, changes: [] as Change[] };
  return { comparedWith, returned, changes: await adapter.diff(db, id, before, current.snapshot) };
}

/**
 * What waits for a reviewer, of one kind: submitted records of the organizations they review for,
 * oldest submission first, each with what changed since the version it is compared with.
 */
export async function listReviewQueue<K extends ReviewKind>(db: DbOrTx, kind: K, organizationIds: string[]) {
  if (!organizationIds.length) return [];
  const adapter = reviewAdapters[kind] as (typeof reviewAdapters)[K];
  const rows = await adapter.submitted(db, organizationIds);
  type Change = Awaited<ReturnType<(typeof reviewAdapters)[K]['diff']>>[number];
  return Promise.all(
    rows.map(async (row) => ({ ...row, kind, ...(await diffSinceBaseline<Change>(db, adapter as ReviewAdapter<Change>, row.id, row.version)) })),
  );
}
