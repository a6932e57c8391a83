import 'server-only';
import { TRPCError } from '@trpc/server';
import type { Problem } from '@/common/i18n/problems';
import { DomainError } from '../errors';
import { createTRPCRouter, signedInProcedure } from '../trpc';
import { bulkDecisionInput, bulkShareInput, bulkShareTargetsInput, bulkTagInput } from '@/common/inputs/bulk';
import { whyCannotShare } from '../policy/sharing';
import { findIncidentForPolicy } from '../services/incidents/read';
import { listShareTargets } from '../services/incidents/sharing';
import { shareOne, tagOne } from './incident-actions';
import { decide } from './review-decision';

/**
 * Bulk actions of the incident list. Each incident goes through the same policy and service as the
 * single action, in its own transaction, so four eyes hold item by item: what one may not do to one
 * incident (approve one's own entry) is refused for that incident with the reason, and the rest goes on.
 */
export type BulkOutcome = { id: string; done: boolean; code: string | null; message: string | null; problem: Problem | null };

async function eachIncident(ids: string[], act: (id: string) => Promise<unknown>): Promise<BulkOutcome[]> {
  const outcomes: BulkOutcome[] = [];
  // One after the other: each is a short transaction, and the order of the report is the order chosen.
  for (const id of ids) {
    try {
      await act(id);
      outcomes.push({ id, done: true, code: null, message: null, problem: null });
    } catch (error) {
      // A refusal is reported; anything else is a fault of ours and stops the batch loudly.
      if (!(error instanceof TRPCError)) throw error;
      // The problem code lets the report word the reason in the reader's language; the message is English.
      outcomes.push({ id, done: false, code: error.code, message: error.message, problem: error instanceof DomainError ? error.problem : null });
    }
  }
  return outcomes;
}

export const bulkRouter = createTRPCRouter({
  decide: signedInProcedure.input(bulkDecisionInput).mutation(({ ctx, input }) => {
    const versions = new Map(input.items.map((item) => [item.id, item.version]));
    return eachIncident([...versions.keys()], (id) => decide(ctx, input.action, { id, version: versions.get(id)!, comment: input.comment ?? undefined }));
  }),

  /**
   * Whom the chosen incidents can all be shared with: every organization but the owners of those the
   * viewer may share (an incident is never shared with its own organization), and which chosen ones
   * the viewer may not share at all, with the reason, so the choice offered holds for every incident.
   */
  shareTargets: signedInProcedure.input(bulkShareTargetsInput).query(async ({ ctx, input }) => {
    const ids = [...new Set(input.ids)];
    const owners = new Set<string>();
    const refused: { id: string; problem: Problem }[] = [];
    for (const id of ids) {
      const incident = await findIncidentForPolicy(ctx.db, id);
      const why = whyCannotShare(ctx.viewer, incident);
      if (why) refused.push({ id, problem: { code: why } });
      else owners.add(incident!.organizationId);
    }
    const targets = owners.size > 0 ? await listShareTargets(ctx.db, [...owners]) : [];
    return { targets, refused };
  }),

  share: signedInProcedure
    .input(bulkShareInput)
    .mutation(({ ctx, input }) => eachIncident([...new Set(input.ids)], (id) => shareOne(ctx, { id, organizationId: input.organizationId }))),

  tag: signedInProcedure.input(bulkTagInput).mutation(({ ctx, input }) => {
    const versions = new Map(input.items.map((item) => [item.id, item.version]));
    return eachIncident([...versions.keys()], (id) => tagOne(ctx, { id, version: versions.get(id)!, violationType: input.violationType }));
  }),
});
