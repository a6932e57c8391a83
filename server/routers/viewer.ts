import 'server-only';
import { noAccountExists } from '../services/admin/first-admin';
import { createTRPCRouter, publicProcedure } from '../trpc';

/** Who is signed in, with their organizations and roles; null when nobody is. */
export const viewerRouter = createTRPCRouter({
  me: publicProcedure.query(({ ctx }) => ctx.viewer),
  /** True only on a database with no account at all, where the sign-in page says how to make the first one. */
  firstAdminNeeded: publicProcedure.query(({ ctx }) => noAccountExists(ctx.db)),
});
