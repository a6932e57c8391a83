import 'server-only';
import { and, asc, eq, getTableName, inArray, isNull, max, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import type { caseReviews, caseVersions, cases, incidentReviews, incidentVersions, incidents, ReviewDecision } from '@/db/schema';
import { users } from '@/db/schema';
import type { ReviewKind } from '../subject';
import type { ReviewAdapter } from './adapter';
import { baselineVersion } from './baseline';

/**
 * Where a kind of record keeps what review reads and writes. The record tables share the review
 * columns under one name (review_status, version, published_version, created_by, …), so one piece
 * of code locks, moves and queues them all; only the key column of the trail tables differs.
 */
type Tables =
  | { records: typeof incidents; reviews: typeof incidentReviews; reviewKey: typeof incidentReviews.incidentId; versions: typeof incidentVersions; versionKey: typeof incidentVersions.incidentId }
  | { records: typeof cases; reviews: typeof caseReviews; reviewKey: typeof caseReviews.caseId; versions: typeof caseVersions; versionKey: typeof caseVersions.caseId };

/** What only the kind knows: how its history is recorded, its decisions stored, its public page rewritten, its versions compared. */
type KindParts<Change> = Pick<ReviewAdapter<Change>, 'refreshPublic' | 'diff'> & {
  kind: ReviewKind;
  /** The key of the snapshot JSON that holds the review state. */
  stateKey: string;
  recordVersion(tx: Tx, id: string, version: number, actorId: string): Promise<unknown>;
  recordDecision(tx: Tx, row: { id: string; version: number; decision: ReviewDecision; decidedBy: string; comment: string | null }): Promise<unknown>;
};

export function reviewableKind<Change>(tables: Tables, parts: KindParts<Change>): ReviewAdapter<Change> {
  const { records, reviews, reviewKey, versions, versionKey } = tables;
  const trail = { versions: getTableName(versions), reviews: getTableName(reviews), key: versionKey.name, stateKey: parts.stateKey };
  return {
    kind: parts.kind,

    async lock(tx, id) {
      const [row] = await tx
        .select({
          reviewStatus: records.reviewStatus,
          version: records.version,
          publishedVersion: records.publishedVersion,
          organizationId: records.organizationId,
          createdBy: records.createdBy,
          updatedBy: records.updatedBy,
        })
        .from(records)
        .where(and(eq(records.id, id), isNull(records.deletedAt)))
        .for('update');
      return row;
    },

    async advance(tx, id, version, set) {
      const [row] = await tx
        .update(records)
        .set({
          reviewStatus: set.reviewStatus,
          version: sql`${records.version} + 1`,
          updatedAt: sql`now()`,
          ...(set.publishedVersion !== undefined ? { publishedVersion: set.publishedVersion } : {}),
        })
        .where(and(eq(records.id, id), eq(records.version, version)))
        .returning({ version: records.version });
      return row?.version;
    },

    async recordVersion(tx, id, version, actorId) {
      await parts.recordVersion(tx, id, version, actorId);
    },

    async recordDecision(tx, row) {
      await parts.recordDecision(tx, row);
    },

    refreshPublic: parts.refreshPublic,

    async submitted(db, organizationIds) {
      const submittedAt = db
        .select({ subjectId: sql<string>`${reviewKey}`.as('subject_id'), at: max(reviews.decidedAt).as('at') })
        .from(reviews)
        .where(eq(reviews.decision, 'submitted'))
        .groupBy(reviewKey)
        .as('submitted_at');
      return db
        .select({
          id: records.id,
          title: records.title,
          version: records.version,
          publishedVersion: records.publishedVersion,
          organizationId: records.organizationId,
          createdBy: records.createdBy,
          updatedBy: records.updatedBy,
          authorName: users.name,
          submittedAt: submittedAt.at,
        })
        .from(records)
        .leftJoin(submittedAt, eq(submittedAt.subjectId, records.id))
        .leftJoin(users, eq(users.id, records.createdBy))
        .where(and(inArray(records.organizationId, organizationIds), eq(records.reviewStatus, 'submitted'), isNull(records.deletedAt)))
        .orderBy(asc(submittedAt.at), asc(records.id))
        .limit(200);
    },

    snapshots: (db, id, wanted) =>
      db
        .select({ version: versions.version, snapshot: versions.snapshot })
        .from(versions)
        .where(and(eq(versionKey, id), inArray(versions.version, wanted))),

    baseline: (db, id, version) => baselineVersion(db, trail, id, version),
    diff: parts.diff,
  };
}
