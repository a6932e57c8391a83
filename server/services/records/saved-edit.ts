import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { ReviewStatus, cases, incidents } from '@/db/schema';

/** A kind of record that is edited in the workspace and goes through review. */
type ReviewedTable = typeof incidents | typeof cases;

/**
 * What every saved edit of a reviewed record sets besides its own fields. Editing a published
 * record starts a new draft; publishedVersion keeps what the public sees. So does editing a
 * retracted record: the new draft goes through review again.
 */
export function savedEditColumns(table: ReviewedTable, userId: string) {
  return {
    reviewStatus: sql<ReviewStatus>`CASE WHEN ${table.reviewStatus} IN ('published', 'archived') THEN 'draft'::review_status ELSE ${table.reviewStatus} END`,
    version: sql<number>`${table.version} + 1`,
    updatedBy: userId,
    updatedAt: sql<Date>`now()`,
  };
}

/** The record as the editor saw it: still at their version and not deleted. An edit of anything else writes nothing (CONFLICT). */
export function atEditedVersion(table: ReviewedTable, id: string, version: number) {
  return and(eq(table.id, id), eq(table.version, version), isNull(table.deletedAt));
}
