import 'server-only';
import { TRPCError } from '@trpc/server';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { caseReviews, cases, incidentComments, users } from '@/db/schema';
import { recordAudit } from '../audit/record';
import { badRequest, conflict, notFound } from '../../errors';
import { retractsPublishedVersionOnly, type TransitionName, transitions } from '../../policy/transitions';
import { refreshPublicCase } from '../publishing/public-case';
import { notifyUsers, reviewersOf } from '../review/notify';
import { recordCaseVersion } from './history';

const statusWords: Record<string, string> = {
  draft: 'a draft',
  submitted: 'submitted',
  changes_requested: 'returned for changes',
  approved: 'approved',
  published: 'published',
  archived: 'retracted',
};

/**
 * Takes a review decision on the version of the case the decider saw: the same workflow and the
 * same transitions as incidents. A published case being edited (a new draft, perhaps already
 * submitted or approved) can be retracted at once, as an incident can: only its published version
 * leaves the public side, and the working copy keeps its review state.
 * The state change, its history version, the review record, the comment the decider gave (in the
 * case's discussion), the notifications and the audit row commit together. The caller has checked
 * the policy (server/policy/case.ts). A publication or retraction rewrites the case's public
 * page in the same transaction.
 */
export async function decideOnCase(
  db: Db,
  params: { name: TransitionName; caseId: string; version: number; actorId: string; comment: string | null },
): Promise<{ id: string; version: number; reviewStatus: string }> {
  const transition = transitions[params.name];
  if (transition.needsComment && !params.comment) {
    throw badRequest('review.commentRequired');
  }
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({
        reviewStatus: cases.reviewStatus,
        version: cases.version,
        organizationId: cases.organizationId,
        publishedVersion: cases.publishedVersion,
        createdBy: cases.createdBy,
        updatedBy: cases.updatedBy,
      })
      .from(cases)
      .where(and(eq(cases.id, params.caseId), isNull(cases.deletedAt)))
      .for('update');
    if (!current) throw notFound('case');
    if (current.version !== params.version) {
      throw conflict('case.staleDecision', { version: params.version, current: current.version });
    }
    const publishedVersionOnly = params.name === 'retract' && retractsPublishedVersionOnly({ status: current.reviewStatus, publishedVersion: current.publishedVersion });
    if (!publishedVersionOnly && !(transition.from as readonly string[]).includes(current.reviewStatus)) {
      const now = statusWords[current.reviewStatus] ?? current.reviewStatus;
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message:
          params.name === 'retract'
            ? `This case is ${now} and no version of it is public: there is nothing to retract.`
            : `This case is ${now}; it cannot be ${params.name === 'requestChanges' ? 'returned for changes' : transition.decision} now.`,
      });
    }
    const to = publishedVersionOnly ? current.reviewStatus : transition.to;
    const [updated] = await tx
      .update(cases)
      .set({
        reviewStatus: to,
        version: sql`${cases.version} + 1`,
        updatedAt: sql`now()`,
        ...(params.name === 'publish' ? { publishedVersion: params.version + 1 } : {}),
        ...(params.name === 'retract' ? { publishedVersion: null } : {}),
      })
      .where(and(eq(cases.id, params.caseId), eq(cases.version, params.version)))
      .returning({ version: cases.version });
    if (!updated) throw new Error('The case row was locked but could not be updated');

    await recordCaseVersion(tx, { caseId: params.caseId, version: updated.version, savedBy: params.actorId, savedVia: 'review' });
    await tx.insert(caseReviews).values({
      caseId: params.caseId,
      version: updated.version,
      decision: transition.decision,
      decidedBy: params.actorId,
      comment: params.comment,
    });
    if (params.comment) {
      // The reason is also part of the case's discussion, where the author reads and answers it.
      await tx.insert(incidentComments).values({ caseId: params.caseId, authorId: params.actorId, body: params.comment });
    }
    const recipients =
      params.name === 'submit' ? await reviewersOf(tx, current.organizationId, params.actorId) : [current.createdBy, current.updatedBy];
    await notifyUsers(tx, { userIds: recipients, kind: transition.decision, caseId: params.caseId, actorId: params.actorId });
    await recordAudit(tx, {
      actorId: params.actorId,
      action: `case.${params.name}`,
      organizationId: current.organizationId,
      subjectType: 'case',
      subjectId: params.caseId,
      details: {
        from: current.reviewStatus,
        to,
        version: updated.version,
        ...(params.name === 'retract' ? { retractedVersion: current.publishedVersion } : {}),
      },
    });
    // Only these two change what the public sees: the other decisions concern a draft, and the public keeps the published version.
    if (params.name === 'publish' || params.name === 'retract') await refreshPublicCase(tx, params.caseId);
    return { id: params.caseId, version: updated.version, reviewStatus: to };
  });
}

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
