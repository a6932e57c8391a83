import 'server-only';
import { and, eq, min } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { caseReviews, incidentReviews } from '@/db/schema';

/** The dates a public record carries, the same rule for every kind (stated in the README and the OpenAPI description). */
export type PublicationDates = { publishedAt: Date; updatedAt: Date };

/** Where a kind keeps its review trail. */
type Trail = typeof incidentReviews | typeof caseReviews;
const subjectOf = (trail: Trail) => ('incidentId' in trail ? trail.incidentId : trail.caseId);

/**
 * `publishedAt` is the first publication: the earliest publish decision in the review trail (an
 * import that published without one counts from the version it saved), kept through later
 * publications and through a retraction followed by a new publication. `updatedAt` is when the
 * version the public reads now was saved: a publish decision saves that version in its own
 * transaction, so it is the latest publication. Reading the trail's minimum makes the answer the
 * same whether the caller inserts the new publish decision before or after refreshing.
 */
export async function publicationDates(tx: Tx, trail: Trail, subjectId: string, publishedVersionSavedAt: Date): Promise<PublicationDates> {
  const [first] = await tx
    .select({ at: min(trail.decidedAt) })
    .from(trail)
    .where(and(eq(subjectOf(trail), subjectId), eq(trail.decision, 'published')));
  const firstDecision = first?.at ? new Date(first.at) : null;
  const publishedAt = firstDecision && firstDecision < publishedVersionSavedAt ? firstDecision : publishedVersionSavedAt;
  return { publishedAt, updatedAt: publishedVersionSavedAt };
}
