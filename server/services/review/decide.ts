import 'server-only';
import { TRPCError } from '@trpc/server';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { incidentComments, incidentReviews, incidents } from '@/db/schema';
import { recordAudit } from '../audit/record';
import { badRequest, conflict, notFound } from '../../errors';
import { recordIncidentVersion } from '../incidents/history';
import { refreshPublicIncident } from '../publishing/public-record';
import { notifyUsers, reviewersOf } from './notify';
import { retractsPublishedVersionOnly, type TransitionName, transitions } from '../../policy/transitions';

const statusWords: Record<string, string> = {
  draft: 'a draft',
  submitted: 'submitted',
  changes_requested: 'returned for changes',
  approved: 'approved',
  published: 'published',
  archived: 'retracted',
};

/**
 * Takes a review decision on the version the decider saw. The state change, its history version,
 * the review record, the notifications and the audit row commit together or not at all.
 * The caller has already checked the policy (server/policy/review.ts).
 */
export async function decideOnIncident(
  db: Db,
  params: { name: TransitionName; incidentId: string; version: number; actorId: string; comment: string | null },
): Promise<{ id: string; version: number; status: string }> {
  const transition = transitions[params.name];
  if (transition.needsComment && !params.comment) {
    throw badRequest('review.commentRequired');
  }
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({
        status: incidents.status,
        version: incidents.version,
        publishedVersion: incidents.publishedVersion,
        organizationId: incidents.organizationId,
        createdBy: incidents.createdBy,
        updatedBy: incidents.updatedBy,
      })
      .from(incidents)
      .where(and(eq(incidents.id, params.incidentId), isNull(incidents.deletedAt)))
      .for('update');
    if (!current) throw notFound('incident');
    if (current.version !== params.version) {
      throw conflict('incident.staleDecision', { version: params.version, current: current.version });
    }
    // Retracting while an edit is pending takes only the published version away; the edit keeps its state.
    const retractingPublishedOnly = params.name === 'retract' && retractsPublishedVersionOnly(current);
    if (!retractingPublishedOnly && !(transition.from as readonly string[]).includes(current.status)) {
      const now = statusWords[current.status] ?? current.status;
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message:
          params.name === 'retract'
            ? `This incident is ${now} and no version of it is public: there is nothing to retract.`
            : `This incident is ${now}; it cannot be ${params.name === 'requestChanges' ? 'returned for changes' : `${transition.decision}`} now.`,
      });
    }
    const to = retractingPublishedOnly ? current.status : transition.to;

    const [updated] = await tx
      .update(incidents)
      .set({
        status: to,
        version: sql`${incidents.version} + 1`,
        updatedAt: sql`now()`,
        ...(params.name === 'publish' ? { publishedVersion: params.version + 1 } : {}),
        ...(params.name === 'retract' ? { publishedVersion: null } : {}),
      })
      .where(and(eq(incidents.id, params.incidentId), eq(incidents.version, params.version)))
      .returning({ version: incidents.version });
    if (!updated) throw new Error('The incident row was locked but could not be updated');

    await recordIncidentVersion(tx, { incidentId: params.incidentId, version: updated.version, savedBy: params.actorId, savedVia: 'review' });
    if (params.name === 'publish' || params.name === 'retract') await refreshPublicIncident(tx, params.incidentId);
    await tx.insert(incidentReviews).values({
      incidentId: params.incidentId,
      version: updated.version,
      decision: transition.decision,
      decidedBy: params.actorId,
      comment: params.comment,
    });
    if (params.comment) {
      // The reason is also part of the discussion, where the author reads and answers it.
      await tx.insert(incidentComments).values({ incidentId: params.incidentId, authorId: params.actorId, body: params.comment });
    }
    const recipients =
      params.name === 'submit' ? await reviewersOf(tx, current.organizationId, params.actorId) : [current.createdBy, current.updatedBy];
    await notifyUsers(tx, { userIds: recipients, kind: transition.decision, incidentId: params.incidentId, actorId: params.actorId });
    await recordAudit(tx, {
      actorId: params.actorId,
      action: `incident.${params.name}`,
      organizationId: current.organizationId,
      subjectType: 'incident',
      subjectId: params.incidentId,
      details: {
        from: current.status,
        to,
        version: updated.version,
        ...(params.name === 'retract' ? { retractedVersion: current.publishedVersion } : {}),
      },
    });
    return { id: params.incidentId, version: updated.version, status: to };
  });
}
