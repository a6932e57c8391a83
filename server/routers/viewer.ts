import { createTRPCRouter, publicProcedure } from '../trpc';

/** Who is signed in, with their organizations and roles; null when nobody is. */
export const viewerRouter = createTRPCRouter({
  me: publicProcedure.query(({ ctx }) => ctx.viewer),
});
