import 'server-only';
import type { DbOrTx, Tx } from '@/db/client';
import type { ReviewDecision, ReviewStatus } from '@/db/schema';
import type { ReviewKind } from '../subject';

/** What a decision reads of a record, locked for the rest of its transaction. */
export type ReviewedRecord = {
  reviewStatus: ReviewStatus;
  version: number;
  publishedVersion: number | null;
  organizationId: string;
  createdBy: string | null;
  updatedBy: string | null;
};

/** A submitted record as the queue lists it, before its diff. */
export type QueuedRow = {
  id: string;
  title: string;
  version: number;
  publishedVersion: number | null;
  organizationId: string;
  createdBy: string | null;
  updatedBy: string | null;
  authorName: string | null;
  submittedAt: Date | null;
};

/**
 * How the one review workflow reaches one kind of record: where its row, versions and review trail
 * live, how its history is recorded, how its public page is rewritten, and how two of its versions
 * differ. Everything else (transitions, four eyes, comments, notices, the queue) is the workflow's.
 */
export type ReviewAdapter<Change = unknown> = {
  kind: ReviewKind;
  /** Locks the record (not deleted) for the decision's transaction; undefined when there is none. */
  lock(tx: Tx, id: string): Promise<ReviewedRecord | undefined>;
  /** Moves the record still at `version` to its new state; answers its new version. */
  advance(tx: Tx, id: string, version: number, set: { reviewStatus: ReviewStatus; publishedVersion?: number | null }): Promise<number | undefined>;
  /** Appends the record as it now stands to its history, as saved by a review decision. */
  recordVersion(tx: Tx, id: string, version: number, actorId: string): Promise<void>;
  /** Appends the decision to the record's review trail. */
  recordDecision(tx: Tx, row: { id: string; version: number; decision: ReviewDecision; decidedBy: string; comment: string | null }): Promise<void>;
  /** Rewrites (or removes) the record's public page from its published version. */
  refreshPublic(tx: Tx, id: string): Promise<void>;
  /** Submitted records of these organizations, oldest submission first. */
  submitted(db: DbOrTx, organizationIds: string[]): Promise<QueuedRow[]>;
  /** Snapshots of the given versions, in the order asked (missing ones left out). */
  snapshots(db: DbOrTx, id: string, versions: number[]): Promise<{ version: number; snapshot: unknown }[]>;
  /** The latest version before `version` that a reviewer approved, published or returned (or an import marked approved or published). */
  baseline(db: DbOrTx, id: string, version: number): Promise<{ version: number; returned: boolean } | null>;
  /** What changed between two snapshots, the review state left out (it always differs and is not what a reviewer checks). */
  diff(db: DbOrTx, id: string, before: unknown | null, after: unknown): Promise<Change[]>;
};
