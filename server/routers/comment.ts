import { z } from 'zod';
import { assertCanViewCase } from '../policy/case';
import { assertCanViewIncident } from '../policy/incident';
import { caseCommentFields } from '../services/cases/diff';
import { findCaseForPolicy } from '../services/cases/read';
import { incidentFields } from '../services/incidents/diff';
import { findIncidentForPolicy } from '../services/incidents/read';
import { addComment, listComments } from '../services/review/comments';
import { createTRPCRouter, signedInProcedure } from '../trpc';
import { bigSerialId } from '../validation/numbers';
import { userText } from '../validation/text';

export const commentRouter = createTRPCRouter({
  list: signedInProcedure.input(z.object({ incidentId: z.uuid() })).query(async ({ ctx, input }) => {
    assertCanViewIncident(ctx.viewer, await findIncidentForPolicy(ctx.db, input.incidentId));
    return listComments(ctx.db, { kind: 'incident', id: input.incidentId });
  }),

  add: signedInProcedure
    .input(
      z.object({
        incidentId: z.uuid(),
        body: userText().trim().min(1, 'Write a comment').max(5000, 'At most 5,000 characters'),
        parentId: bigSerialId.nullish(),
        field: z.enum(incidentFields).nullish(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      assertCanViewIncident(ctx.viewer, await findIncidentForPolicy(ctx.db, input.incidentId));
      return addComment(ctx.db, {
        subject: { kind: 'incident', id: input.incidentId },
        authorId: ctx.viewer.id,
        body: input.body,
        parentId: input.parentId ?? null,
        field: input.field ?? null,
      });
    }),

  /** The discussion on a case, for members of its organization (like an incident's). */
  listOnCase: signedInProcedure.input(z.object({ caseId: z.uuid() })).query(async ({ ctx, input }) => {
    assertCanViewCase(ctx.viewer, await findCaseForPolicy(ctx.db, input.caseId));
    return listComments(ctx.db, { kind: 'case', id: input.caseId });
  }),

  addOnCase: signedInProcedure
    .input(
      z.object({
        caseId: z.uuid(),
        body: userText().trim().min(1, 'Write a comment').max(5000, 'At most 5,000 characters'),
        parentId: bigSerialId.nullish(),
        field: z.enum(caseCommentFields).nullish(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      assertCanViewCase(ctx.viewer, await findCaseForPolicy(ctx.db, input.caseId));
      return addComment(ctx.db, {
        subject: { kind: 'case', id: input.caseId },
        authorId: ctx.viewer.id,
        body: input.body,
        parentId: input.parentId ?? null,
        field: input.field ?? null,
      });
    }),
});
