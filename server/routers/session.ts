import { z } from 'zod';
import { endSession, endSessionsOf, listSessions } from '../auth/sessions';
import { notFound } from '../services/errors';
import { createTRPCRouter, signedInProcedure } from '../trpc';

/** The person's own signed-in devices: see them, end one, end all. Nobody sees or ends another person's sessions here. */
export const sessionRouter = createTRPCRouter({
  list: signedInProcedure.query(async ({ ctx }) => {
    const rows = await listSessions(ctx.db, ctx.viewer.id);
    return rows.map((row) => ({ ...row, current: row.id === ctx.session?.id }));
  }),

  /** "Sign out this device": any one of the person's sessions, this one included. */
  end: signedInProcedure.input(z.object({ sessionId: z.uuid() })).mutation(async ({ ctx, input }) => {
    if (!(await endSession(ctx.db, ctx.viewer.id, input.sessionId, 'ended_by_owner'))) throw notFound('session');
    return { endedCurrent: input.sessionId === ctx.session?.id };
  }),

  /** "Sign out everywhere": every session of the person, this one too. */
  endAll: signedInProcedure.mutation(async ({ ctx }) => ({ ended: await endSessionsOf(ctx.db, ctx.viewer.id, 'sign_out_everywhere') })),
});
