import 'server-only';
import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { caseReviews, users } from '@/db/schema';

/** The review decisions on a case, newest first, for its page. */
export function listCaseReviews(db: DbOrTx, caseId: string) {
  return db
    .select({
      id: caseReviews.id,
      version: caseReviews.version,
      decision: caseReviews.decision,
      comment: caseReviews.comment,
      decidedAt: caseReviews.decidedAt,
      decidedBy: users.name,
    })
    .from(caseReviews)
    .innerJoin(users, eq(users.id, caseReviews.decidedBy))
    .where(eq(caseReviews.caseId, caseId))
    .orderBy(desc(caseReviews.id));
}
