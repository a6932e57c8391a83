import 'server-only';
import { reviewingOrganizationIds } from '../policy/viewer';
import { assertCanPreview } from '../policy/preview';
import { findCaseForPolicy } from '../services/cases/read';
import { notFound } from '../errors';
import { previewCase, previewIncident } from '../services/publishing/preview';
import { findIncidentForPolicy } from '../services/incidents/read';
import { listReviewQueue } from '../services/review/queue';
import { createTRPCRouter, signedInProcedure } from '../trpc';
import { decide } from './review-decision';
import { commentedDecisionInput, decisionInput, previewInput } from '@/common/inputs/review';


export const reviewRouter = createTRPCRouter({
  submit: signedInProcedure.input(decisionInput).mutation(({ ctx, input }) => decide(ctx, 'submit', input)),
  approve: signedInProcedure.input(decisionInput).mutation(({ ctx, input }) => decide(ctx, 'approve', input)),
  requestChanges: signedInProcedure.input(commentedDecisionInput).mutation(({ ctx, input }) => decide(ctx, 'requestChanges', input)),
  publish: signedInProcedure.input(decisionInput).mutation(({ ctx, input }) => decide(ctx, 'publish', input)),
  retract: signedInProcedure.input(commentedDecisionInput).mutation(({ ctx, input }) => decide(ctx, 'retract', input)),

  /** Submitted entries of the organizations where the viewer reviews; empty for monitors. */
  queue: signedInProcedure.query(({ ctx }) => listReviewQueue(ctx.db, 'incident', reviewingOrganizationIds(ctx.viewer))),

  /** Submitted cases of the organizations where the viewer reviews, each with its diff; empty for monitors. */
  caseQueue: signedInProcedure.query(({ ctx }) => listReviewQueue(ctx.db, 'case', reviewingOrganizationIds(ctx.viewer))),

  /** What the public would read of the record's current version, every replacement marked: for its organization's reviewers. */
  publicPreview: signedInProcedure.input(previewInput).query(async ({ ctx, input }) => {
    const record = input.kind === 'incident' ? await findIncidentForPolicy(ctx.db, input.id) : await findCaseForPolicy(ctx.db, input.id);
    assertCanPreview(ctx.viewer, record, input.kind);
    const shown = input.kind === 'incident' ? await previewIncident(ctx.db, { ...record, id: input.id }) : await previewCase(ctx.db, { ...record, id: input.id });
    if (!shown) throw notFound(input.kind);
    return shown;
  }),
});
