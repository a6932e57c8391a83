import { setPasswordWithLink } from '../services/admin/set-password-links';
import { setPasswordWithLinkInput } from '../services/admin/validation';
import { createTRPCRouter, publicProcedure } from '../trpc';

/** What a person does to their own account without being signed in: set a password with a one-time link. */
export const accountRouter = createTRPCRouter({
  setPasswordWithLink: publicProcedure.input(setPasswordWithLinkInput).mutation(({ ctx, input }) => setPasswordWithLink(ctx.db, input)),
});
