import 'server-only';
import { and, asc, desc, eq, inArray, isNull, lt, max, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { caseReviews, caseVersions, cases, users } from '@/db/schema';
import { diffCaseSnapshots } from './diff';
import { withForeignIncidentsProjected } from './foreign-incidents';
import type { CaseSnapshot } from './snapshot';

/**
 * The cases that wait for a reviewer, beside the incidents (server/services/review/queue.ts):
 * submitted cases of the organizations they review for, oldest submission first, each with what
 * changed since the version the public (or the last approval) saw.
 */
export async function listCaseReviewQueue(db: DbOrTx, organizationIds: string[]) {
  if (!organizationIds.length) return [];
  const submittedAt = db
    .select({ caseId: caseReviews.caseId, at: max(caseReviews.decidedAt).as('at') })
    .from(caseReviews)
    .where(eq(caseReviews.decision, 'submitted'))
    .groupBy(caseReviews.caseId)
    .as('submitted_at');
  const rows = await db
    .select({
      id: cases.id,
      ref: cases.ref,
      title: cases.title,
      version: cases.version,
      publishedVersion: cases.publishedVersion,
      organizationId: cases.organizationId,
      createdBy: cases.createdBy,
      updatedBy: cases.updatedBy,
      authorName: users.name,
      submittedAt: submittedAt.at,
    })
    .from(cases)
    .leftJoin(submittedAt, eq(submittedAt.caseId, cases.id))
    .leftJoin(users, eq(users.id, cases.createdBy))
    .where(and(inArray(cases.organizationId, organizationIds), eq(cases.reviewStatus, 'submitted'), isNull(cases.deletedAt)))
    .orderBy(asc(submittedAt.at), asc(cases.id))
    .limit(200);

  return Promise.all(rows.map(async (row) => ({ ...row, ...(await diffCaseAgainstLastApproved(db, row.id, row.version)) })));
}

/** The diff between a version of a case and the last published or approved version before it (or nothing). */
export async function diffCaseAgainstLastApproved(db: DbOrTx, caseId: string, version: number) {
  const [current] = await db
    .select({ snapshot: caseVersions.snapshot })
    .from(caseVersions)
    .where(and(eq(caseVersions.caseId, caseId), eq(caseVersions.version, version)));
  // The last version that was approved or published, whether by a review in the workspace or an import.
  const [baseline] = await db
    .select({ version: caseVersions.version, snapshot: caseVersions.snapshot })
    .from(caseVersions)
    .where(
      and(
        eq(caseVersions.caseId, caseId),
        lt(caseVersions.version, version),
        sql`${caseVersions.snapshot}->>'reviewStatus' IN ('approved', 'published')`,
      ),
    )
    .orderBy(desc(caseVersions.version))
    .limit(1);
  const comparedWith = baseline?.version ?? null;
  if (!current) return { comparedWith, changes: [] };
  const [after, before] = await withForeignIncidentsProjected(db, caseId, [
    current.snapshot as CaseSnapshot,
    ...(baseline ? [baseline.snapshot as CaseSnapshot] : []),
  ]);
  // The review state always differs between a submitted and an approved version; it is not what the reviewer checks.
  const changes = diffCaseSnapshots(before ?? null, after!).filter(
    (change) => change.field !== 'reviewStatus',
  );
  return { comparedWith, changes };
}
