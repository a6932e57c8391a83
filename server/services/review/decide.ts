import 'server-only';
import type { ProblemCode } from '@/common/i18n/problems';
import type { Db } from '@/db/client';
import { comments } from '@/db/schema';
import { recordAudit } from '../audit/record';
import { badRequest, conflict, notFound } from '../../errors';
import { reviewAdapters } from './kinds';
import { notifyUsers, reviewersOf } from './notify';
import { subjectColumns, type ReviewSubject } from './subject';
import { retractsPublishedVersionOnly, transitions, type TransitionName } from '../../policy/transitions';

/** The refusal of a decision the record's present state does not allow (it moved on since the page was loaded). */
const notNow = {
  submit: 'review.cannotSubmitNow',
  requestChanges: 'review.cannotRequestChangesNow',
  approve: 'review.cannotApproveNow',
  publish: 'review.cannotPublishNow',
  retract: 'review.nothingToRetract',
} as const satisfies Record<TransitionName, ProblemCode>;

/**
 * Takes a review decision on the version of an incident or a case the decider saw: one workflow for
 * every kind, the kind's adapter (./kinds) doing what differs. A published record being edited (a new
 * draft, perhaps already submitted or approved) can be retracted at once: only its published version
 * leaves the public side, and the working copy keeps its review state.
 * The state change, its history version, the review record, the comment the decider gave (in the
 * record's discussion), the public page, the notifications and the audit row commit together or not
 * at all. The caller has already checked the policy (server/policy/review.ts).
 */
export async function decide(
  db: Db,
  params: { name: TransitionName; subject: ReviewSubject; version: number; actorId: string; comment: string | null },
): Promise<{ id: string; version: number; reviewStatus: string }> {
  const { subject } = params;
  const adapter = reviewAdapters[subject.kind];
  const transition = transitions[params.name];
  if (transition.needsComment && !params.comment) {
    throw badRequest('review.commentRequired');
  }
  return db.transaction(async (tx) => {
    const current = await adapter.lock(tx, subject.id);
    if (!current) throw notFound(subject.kind);
    if (current.version !== params.version) {
      throw conflict(`${subject.kind}.staleDecision`, { version: params.version, current: current.version });
    }
    const retractingPublishedOnly = params.name === 'retract' && retractsPublishedVersionOnly({ status: current.reviewStatus, publishedVersion: current.publishedVersion });
    if (!retractingPublishedOnly && !(transition.from as readonly string[]).includes(current.reviewStatus)) {
      throw badRequest(notNow[params.name]);
    }
    const to = retractingPublishedOnly ? current.reviewStatus : transition.to;
    const version = await adapter.advance(tx, subject.id, params.version, {
      reviewStatus: to,
      ...(params.name === 'publish' ? { publishedVersion: params.version + 1 } : {}),
      ...(params.name === 'retract' ? { publishedVersion: null } : {}),
    });
    if (version === undefined) throw new Error(`The ${subject.kind} row was locked but could not be updated`);

    await adapter.recordVersion(tx, subject.id, version, params.actorId);
    await adapter.recordDecision(tx, { id: subject.id, version, decision: transition.decision, decidedBy: params.actorId, comment: params.comment });
    if (params.comment) {
      // The reason is also part of the discussion, where the author reads and answers it.
      await tx.insert(comments).values({ ...subjectColumns(subject), authorId: params.actorId, body: params.comment });
    }
    // Only these two change what the public sees: the other decisions concern a draft, and the public keeps the published version.
    if (params.name === 'publish' || params.name === 'retract') await adapter.refreshPublic(tx, subject.id);
    const recipients = params.name === 'submit' ? await reviewersOf(tx, current.organizationId, params.actorId) : [current.createdBy, current.updatedBy];
    await notifyUsers(tx, { userIds: recipients, kind: transition.decision, ...subjectColumns(subject), actorId: params.actorId });
    await recordAudit(tx, {
      actorId: params.actorId,
      action: `${subject.kind}.${params.name}`,
      organizationId: current.organizationId,
      subjectType: subject.kind,
      subjectId: subject.id,
      details: {
        from: current.reviewStatus,
        to,
        version,
        ...(params.name === 'retract' ? { retractedVersion: current.publishedVersion } : {}),
      },
    });
    return { id: subject.id, version, reviewStatus: to };
  });
}
