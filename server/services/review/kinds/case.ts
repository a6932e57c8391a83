import { and, asc, eq, getTableName, inArray, isNull, max, sql } from 'drizzle-orm';
import { caseReviews, caseVersions, cases, users } from '@/db/schema';
import { diffCaseSnapshots, type CaseFieldChange } from '../../cases/diff';
import { withForeignIncidentsProjected } from '../../cases/foreign-incidents';
import { recordCaseVersion } from '../../cases/history';
import type { CaseSnapshot } from '../../cases/snapshot';
import { refreshPublicCase } from '../../publishing/public-case';
import type { ReviewAdapter } from './adapter';
import { baselineVersion } from './baseline';

const trail = { versions: getTableName(caseVersions), reviews: getTableName(caseReviews), key: 'case_id', stateKey: 'reviewStatus' };

/** Cases in the review workflow: their review state is `reviewStatus` (`status` says whether the case is still followed). */
export const caseReview: ReviewAdapter<CaseFieldChange> = {
  kind: 'case',

  async lock(tx, id) {
    const [row] = await tx
      .select({
        reviewStatus: cases.reviewStatus,
        version: cases.version,
        publishedVersion: cases.publishedVersion,
        organizationId: cases.organizationId,
        createdBy: cases.createdBy,
        updatedBy: cases.updatedBy,
      })
      .from(cases)
      .where(and(eq(cases.id, id), isNull(cases.deletedAt)))
      .for('update');
    return row;
  },

  async advance(tx, id, version, set) {
    const [row] = await tx
      .update(cases)
      .set({
        reviewStatus: set.reviewStatus,
        version: sql`${cases.version} + 1`,
        updatedAt: sql`now()`,
        ...(set.publishedVersion !== undefined ? { publishedVersion: set.publishedVersion } : {}),
      })
      .where(and(eq(cases.id, id), eq(cases.version, version)))
      .returning({ version: cases.version });
    return row?.version;
  },

  async recordVersion(tx, id, version, actorId) {
    await recordCaseVersion(tx, { caseId: id, version, savedBy: actorId, savedVia: 'review' });
  },

  async recordDecision(tx, row) {
    const { id, ...rest } = row;
    await tx.insert(caseReviews).values({ caseId: id, ...rest });
  },

  refreshPublic: (tx, id) => refreshPublicCase(tx, id),

  async submitted(db, organizationIds) {
    const submittedAt = db
      .select({ caseId: caseReviews.caseId, at: max(caseReviews.decidedAt).as('at') })
      .from(caseReviews)
      .where(eq(caseReviews.decision, 'submitted'))
      .groupBy(caseReviews.caseId)
      .as('submitted_at');
    return db
      .select({
        id: cases.id,
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
  },

  snapshots: (db, id, versions) =>
    db
      .select({ version: caseVersions.version, snapshot: caseVersions.snapshot })
      .from(caseVersions)
      .where(and(eq(caseVersions.caseId, id), inArray(caseVersions.version, versions))),

  baseline: (db, id, version) => baselineVersion(db, trail, id, version),

  async diff(db, id, before, after) {
    // Incidents of other organizations are shown as their members may see them, in both versions alike.
    const [now, then] = await withForeignIncidentsProjected(db, id, [after as CaseSnapshot, ...(before ? [before as CaseSnapshot] : [])]);
    return diffCaseSnapshots(then ?? null, now!).filter((change) => change.field !== 'reviewStatus');
  },
};
