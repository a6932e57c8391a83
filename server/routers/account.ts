import { setPasswordWithLink } from '../services/admin/set-password-links';
import { setPasswordWithLinkInput } from '../services/admin/validation';
import { limitPerAddress } from '../limits/address-limit';
import { createTRPCRouter, publicProcedure } from '../trpc';

/** What a person does to their own account without being signed in: set a password with a one-time link. */
export const accountRouter = createTRPCRouter({
  setPasswordWithLink: publicProcedure.input(setPasswordWithLinkInput).mutation(async ({ ctx, input }) => {
    await limitPerAddress(ctx, 'setPassword');
    return setPasswordWithLink(ctx.db, input);
  }),
});
