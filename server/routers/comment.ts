import { z } from 'zod';
import { assertCanViewIncident } from '../auth/policy';
import { incidentFields } from '../services/incidents/diff';
import { findIncidentForPolicy } from '../services/incidents/read';
import { addComment, listComments } from '../services/review/comments';
import { createTRPCRouter, signedInProcedure } from '../trpc';

export const commentRouter = createTRPCRouter({
  list: signedInProcedure.input(z.object({ incidentId: z.uuid() })).query(async ({ ctx, input }) => {
    assertCanViewIncident(ctx.viewer, await findIncidentForPolicy(ctx.db, input.incidentId));
    return listComments(ctx.db, input.incidentId);
  }),

  add: signedInProcedure
    .input(
      z.object({
        incidentId: z.uuid(),
        body: z.string().trim().min(1, 'Write a comment').max(5000, 'At most 5,000 characters'),
        parentId: z.number().int().positive().nullish(),
        field: z.enum(incidentFields).nullish(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      assertCanViewIncident(ctx.viewer, await findIncidentForPolicy(ctx.db, input.incidentId));
      return addComment(ctx.db, {
        incidentId: input.incidentId,
        authorId: ctx.viewer.id,
        body: input.body,
        parentId: input.parentId ?? null,
        field: input.field ?? null,
      });
    }),
});
