import { z } from 'zod';
import { assertCanViewIncident, roleIn } from '../auth/policy';
import { assertMayTransition } from '../auth/review-policy';
import type { Viewer } from '../auth/viewer';
import { findIncidentForPolicy } from '../services/incidents/read';
import { decideOnIncident } from '../services/review/decide';
import { listReviewQueue } from '../services/review/queue';
import type { TransitionName } from '../services/review/transitions';
import { createTRPCRouter, signedInProcedure } from '../trpc';
import type { Context } from '../trpc';

const decisionInput = z.object({ id: z.uuid(), version: z.number().int().min(1) });
const commentedDecisionInput = decisionInput.extend({
  comment: z.string().trim().min(1, 'Say what needs to change, or why').max(5000, 'At most 5,000 characters'),
});

async function decide(ctx: Context & { viewer: Viewer }, name: TransitionName, input: { id: string; version: number; comment?: string }) {
  const incident = await findIncidentForPolicy(ctx.db, input.id);
  assertCanViewIncident(ctx.viewer, incident);
  assertMayTransition(ctx.viewer, name, incident);
  return decideOnIncident(ctx.db, { name, incidentId: input.id, version: input.version, actorId: ctx.viewer.id, comment: input.comment ?? null });
}

export const reviewRouter = createTRPCRouter({
  submit: signedInProcedure.input(decisionInput).mutation(({ ctx, input }) => decide(ctx, 'submit', input)),
  approve: signedInProcedure.input(decisionInput).mutation(({ ctx, input }) => decide(ctx, 'approve', input)),
  requestChanges: signedInProcedure.input(commentedDecisionInput).mutation(({ ctx, input }) => decide(ctx, 'requestChanges', input)),
  publish: signedInProcedure.input(decisionInput).mutation(({ ctx, input }) => decide(ctx, 'publish', input)),
  retract: signedInProcedure.input(commentedDecisionInput).mutation(({ ctx, input }) => decide(ctx, 'retract', input)),

  /** Submitted entries of the organizations where the viewer reviews; empty for monitors. */
  queue: signedInProcedure.query(({ ctx }) => {
    const reviewing = ctx.viewer.memberships
      .filter((m) => roleIn(ctx.viewer, m.organizationId) !== 'monitor')
      .map((m) => m.organizationId);
    return listReviewQueue(ctx.db, reviewing);
  }),
});
