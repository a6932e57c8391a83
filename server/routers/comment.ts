import 'server-only';
import { assertCanViewCase } from '../policy/case';
import { assertCanViewIncident } from '../policy/incident';
import { findCaseForPolicy } from '../services/cases/read';
import { findIncidentForPolicy } from '../services/incidents/read';
import { addComment, listComments } from '../services/review/comments';
import { createTRPCRouter, signedInProcedure } from '../trpc';
import { caseCommentInput, incidentCommentInput } from '@/common/inputs/comment';
import { caseRefInput, incidentRefInput } from '@/common/inputs/ids';

/** What the viewer writes and where it hangs, the same on every kind of record. */
function comment(authorId: string, input: { body: string; parentId?: number | null; field?: string | null }) {
  return { authorId, body: input.body, parentId: input.parentId ?? null, field: input.field ?? null };
}

export const commentRouter = createTRPCRouter({
  list: signedInProcedure.input(incidentRefInput).query(async ({ ctx, input }) => {
    assertCanViewIncident(ctx.viewer, await findIncidentForPolicy(ctx.db, input.incidentId));
    return listComments(ctx.db, { kind: 'incident', id: input.incidentId });
  }),

  add: signedInProcedure
    .input(incidentCommentInput)
    .mutation(async ({ ctx, input }) => {
      assertCanViewIncident(ctx.viewer, await findIncidentForPolicy(ctx.db, input.incidentId));
      return addComment(ctx.db, { subject: { kind: 'incident', id: input.incidentId }, ...comment(ctx.viewer.id, input) });
    }),

  /** The discussion on a case, for members of its organization (like an incident's). */
  listOnCase: signedInProcedure.input(caseRefInput).query(async ({ ctx, input }) => {
    assertCanViewCase(ctx.viewer, await findCaseForPolicy(ctx.db, input.caseId));
    return listComments(ctx.db, { kind: 'case', id: input.caseId });
  }),

  addOnCase: signedInProcedure
    .input(caseCommentInput)
    .mutation(async ({ ctx, input }) => {
      assertCanViewCase(ctx.viewer, await findCaseForPolicy(ctx.db, input.caseId));
      return addComment(ctx.db, { subject: { kind: 'case', id: input.caseId }, ...comment(ctx.viewer.id, input) });
    }),
});
