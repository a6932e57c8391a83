import 'server-only';
import { adminOrganizationIds, type Viewer } from '../policy/viewer';
import { assertAdminOf, assertMayManageAccount, assertMemberOf, auditOrganizationIds } from '../policy/admin';
import { requireRecentAuth } from '../auth/require-recent-auth';
import { limitPerAccount } from '../limits/account-limit';
import type { DbOrTx } from '@/db/client';
import { deactivateUser, newSetPasswordLink, reactivateUser } from '../services/admin/accounts';
import { createUser } from '../services/admin/create-user';
import { pendingInvitations, withdrawInvitation } from '../services/admin/invitations';
import { listMembers } from '../services/admin/members';
import { changeRole, removeMember } from '../services/admin/memberships';
import { findAccount } from '../services/admin/find-account';
import { changeRoleInput, createUserInput, invitationInput, memberInput, removeMemberInput } from '@/common/inputs/admin';
import { auditListInput } from '@/common/inputs/audit';
import { listAuditEntries } from '../services/audit/browse';
import { nameAuditReferences } from '../services/audit/names';
import { withMentionsNamed } from '../services/directory/workspace-mentions';
import { secondFactorPolicyOf, setSecondFactorPolicy } from '../services/admin/second-factor-policy';
import { secondFactorPolicyInput } from '@/common/inputs/second-factor';
import { resetFactors } from '../auth/factors/changes';
import { createTRPCRouter, signedInProcedure } from '../trpc';
import { organizationIdInput } from '@/common/inputs/ids';

/** The account acted on, which must be a member of the organization the admin acts in. */
async function memberOf(db: DbOrTx, viewer: Viewer, input: { organizationId: string; userId: string }) {
  assertAdminOf(viewer, input.organizationId);
  const account = await findAccount(db, input.userId);
  assertMemberOf(account, input.organizationId);
  return account;
}

/** People, roles and the audit log, for the administrators of each organization. Every change writes its audit row. */
export const adminRouter = createTRPCRouter({
  members: signedInProcedure.input(organizationIdInput).query(({ ctx, input }) => {
    assertAdminOf(ctx.viewer, input.organizationId);
    return listMembers(ctx.db, input.organizationId, adminOrganizationIds(ctx.viewer));
  }),

  /**
   * An invitation with a one-time link, the same whether the email has an account or not
   * (services/admin/invitations.ts). It hands out a role, an admin's too: after re-authentication.
   */
  createUser: signedInProcedure.input(createUserInput).mutation(async ({ ctx, input }) => {
    assertAdminOf(ctx.viewer, input.organizationId);
    requireRecentAuth(ctx);
    await limitPerAccount(ctx, ctx.viewer.id, 'accountLinks');
    return createUser(ctx.db, ctx.viewer.id, input);
  }),

  invitations: signedInProcedure.input(organizationIdInput).query(({ ctx, input }) => {
    assertAdminOf(ctx.viewer, input.organizationId);
    return pendingInvitations(ctx.db, input.organizationId);
  }),

  withdrawInvitation: signedInProcedure.input(invitationInput).mutation(({ ctx, input }) => {
    assertAdminOf(ctx.viewer, input.organizationId);
    return withdrawInvitation(ctx.db, { ...input, actorId: ctx.viewer.id });
  }),

  changeRole: signedInProcedure.input(changeRoleInput).mutation(async ({ ctx, input }) => {
    await memberOf(ctx.db, ctx.viewer, input);
    requireRecentAuth(ctx);
    return changeRole(ctx.db, { ...input, actorId: ctx.viewer.id });
  }),

  removeMember: signedInProcedure.input(removeMemberInput).mutation(async ({ ctx, input }) => {
    await memberOf(ctx.db, ctx.viewer, input);
    await removeMember(ctx.db, { ...input, actorId: ctx.viewer.id });
  }),

  deactivate: signedInProcedure.input(memberInput).mutation(async ({ ctx, input }) => {
    assertMayManageAccount(ctx.viewer, await memberOf(ctx.db, ctx.viewer, input));
    await deactivateUser(ctx.db, { ...input, actorId: ctx.viewer.id });
  }),

  reactivate: signedInProcedure.input(memberInput).mutation(async ({ ctx, input }) => {
    assertMayManageAccount(ctx.viewer, await memberOf(ctx.db, ctx.viewer, input));
    await reactivateUser(ctx.db, { ...input, actorId: ctx.viewer.id });
  }),

  /** A new one-time link for the person to set their password; shown once to the admin. Whoever holds it takes the account: after re-authentication. */
  newSetPasswordLink: signedInProcedure.input(memberInput).mutation(async ({ ctx, input }) => {
    assertMayManageAccount(ctx.viewer, await memberOf(ctx.db, ctx.viewer, input));
    requireRecentAuth(ctx);
    await limitPerAccount(ctx, ctx.viewer.id, 'accountLinks');
    return newSetPasswordLink(ctx.db, { ...input, actorId: ctx.viewer.id });
  }),

  /**
   * A member lost their phone and their recovery codes: every factor and every session of theirs
   * goes. Changes the account everywhere, so only for an admin of all their organizations, and only
   * after re-authentication.
   */
  resetFactors: signedInProcedure.input(memberInput).mutation(async ({ ctx, input }) => {
    assertMayManageAccount(ctx.viewer, await memberOf(ctx.db, ctx.viewer, input));
    requireRecentAuth(ctx);
    await ctx.db.transaction((tx) => resetFactors(tx, { ...input, actorId: ctx.viewer.id }));
  }),

  secondFactorPolicy: signedInProcedure.input(organizationIdInput).query(({ ctx, input }) => {
    assertAdminOf(ctx.viewer, input.organizationId);
    return secondFactorPolicyOf(ctx.db, input.organizationId);
  }),

  /** Turning the rule off weakens every account of the organization: after re-authentication. */
  setSecondFactorPolicy: signedInProcedure.input(secondFactorPolicyInput).mutation(({ ctx, input }) => {
    assertAdminOf(ctx.viewer, input.organizationId);
    requireRecentAuth(ctx);
    return setSecondFactorPolicy(ctx.db, { ...input, actorId: ctx.viewer.id });
  }),

  /** The audit log of the organizations the viewer administers (or one of them), newest first. */
  auditLog: signedInProcedure.input(auditListInput).query(async ({ ctx, input }) => {
    const organizationIds = auditOrganizationIds(ctx.viewer, input.organizationId);
    const page = await listAuditEntries(ctx.db, organizationIds, input);
    // The records the page mentions, by name: only those of the organizations it is read for.
    // Their names are titles that may hold mentions (common/mentions.ts): read as current names.
    return { ...page, references: await withMentionsNamed(ctx.db, organizationIds, await nameAuditReferences(ctx.db, organizationIds, page.items)) };
  }),
});
