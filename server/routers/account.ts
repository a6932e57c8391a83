import 'server-only';
import { withStrongPassword } from '../auth/password-strength';
import { acceptInvitation, describeInvitation, joinWithNewAccount } from '../services/admin/invitations';
import { setPasswordWithLink } from '../services/admin/set-password-links';
import { invitationTokenInput, joinWithInvitationInput, setPasswordWithLinkInput } from '@/common/inputs/admin';
import { limitPerAddress } from '../limits/address-limit';
import { createTRPCRouter, publicProcedure, signedInProcedure } from '../trpc';

/**
 * What a person does to their own account with a one-time link: set a password, or answer an
 * invitation to an organization (choose a password when new; accept, signed in, when they have an account).
 */
export const accountRouter = createTRPCRouter({
  setPasswordWithLink: publicProcedure.input(withStrongPassword(setPasswordWithLinkInput)).mutation(async ({ ctx, input }) => {
    await limitPerAddress(ctx, 'setPassword');
    return setPasswordWithLink(ctx.db, input);
  }),
  // Public: the one-time link is the credential, and the answer says nothing about any account.
  invitation: publicProcedure.input(invitationTokenInput).query(({ ctx, input }) => describeInvitation(ctx.db, input.token)),
  joinWithInvitation: publicProcedure.input(withStrongPassword(joinWithInvitationInput)).mutation(({ ctx, input }) => joinWithNewAccount(ctx.db, input)),
  acceptInvitation: signedInProcedure.input(invitationTokenInput).mutation(({ ctx, input }) => acceptInvitation(ctx.db, ctx.viewer, input.token)),
});
