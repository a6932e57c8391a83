import 'server-only';
import { reviewingOrganizationIds } from '../policy/viewer';
import { assertCanPreview } from '../policy/preview';
import { findCaseForPolicy } from '../services/cases/read';
import { notFound } from '../errors';
import { previewCase, previewIncident } from '../services/publishing/preview';
import { findIncidentForPolicy } from '../services/incidents/read';
import { listReviewQueue } from '../services/review/queue';
import { withMentionsNamed } from '../services/directory/workspace-mentions';
import type { ReviewKind } from '../services/review/subject';
import type { Viewer } from '../policy/viewer';
import { createTRPCRouter, signedInProcedure, type Context } from '../trpc';
import { decide } from './review-decision';
import { commentedDecisionInput, decisionInput, previewInput } from '@/common/inputs/review';

/** Submitted entries of the organizations where the viewer reviews, with their diffs, mentions read as names; empty for monitors. */
async function queueOf<K extends ReviewKind>(ctx: Context & { viewer: Viewer }, kind: K) {
  const organizationIds = reviewingOrganizationIds(ctx.viewer);
  return withMentionsNamed(ctx.db, organizationIds, await listReviewQueue(ctx.db, kind, organizationIds));
}

export const reviewRouter = createTRPCRouter({
  submit: signedInProcedure.input(decisionInput).mutation(({ ctx, input }) => decide(ctx, 'submit', input)),
  approve: signedInProcedure.input(decisionInput).mutation(({ ctx, input }) => decide(ctx, 'approve', input)),
  requestChanges: signedInProcedure.input(commentedDecisionInput).mutation(({ ctx, input }) => decide(ctx, 'requestChanges', input)),
  publish: signedInProcedure.input(decisionInput).mutation(({ ctx, input }) => decide(ctx, 'publish', input)),
  retract: signedInProcedure.input(commentedDecisionInput).mutation(({ ctx, input }) => decide(ctx, 'retract', input)),

  /** Submitted entries of the organizations where the viewer reviews; empty for monitors. */
  queue: signedInProcedure.query(({ ctx }) => queueOf(ctx, 'incident')),

  /** Submitted cases of the organizations where the viewer reviews, each with its diff; empty for monitors. */
  caseQueue: signedInProcedure.query(({ ctx }) => queueOf(ctx, 'case')),

  /** What the public would read of the record's current version, every replacement marked: for its organization's reviewers. */
  publicPreview: signedInProcedure.input(previewInput).query(async ({ ctx, input }) => {
    const record = input.kind === 'incident' ? await findIncidentForPolicy(ctx.db, input.id) : await findCaseForPolicy(ctx.db, input.id);
    assertCanPreview(ctx.viewer, record, input.kind);
    const shown = input.kind === 'incident' ? await previewIncident(ctx.db, { ...record, id: input.id }) : await previewCase(ctx.db, { ...record, id: input.id });
    if (!shown) throw notFound(input.kind);
    return shown;
  }),
});
