import 'server-only';
import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import { verifyPassword } from '../auth/password';
import { dismissAccountNotice, endSession, endSessionsOf, listAccountNotices, listSessions, markAuthenticated } from '../auth/sessions';
import { recordAudit } from '../services/audit/record';
import { confirmPasswordInput, noticeIdInput, sessionIdInput } from '@/common/inputs/session';
import { badRequest, DomainError, notFound, refused } from '../errors';
import { draftKeyOf } from '../services/drafts/draft-key';
import { throttledAttempt } from '../auth/throttled-attempt';
import type { Tx } from '@/db/client';
import { accountOwnerProcedure, createTRPCRouter, signedInProcedure } from '../trpc';

/** The person's own signed-in devices: see them, end one, end all. Nobody sees or ends another person's sessions here. */
export const sessionRouter = createTRPCRouter({
  list: signedInProcedure.query(async ({ ctx }) => {
    const rows = await listSessions(ctx.db, ctx.viewer.id);
    return rows.map((row) => ({ ...row, current: row.id === ctx.session?.id }));
  }),

  /** "Sign out this device": any one of the person's sessions, this one included. */
  end: signedInProcedure.input(sessionIdInput).mutation(async ({ ctx, input }) => {
    if (!(await endSession(ctx.db, ctx.viewer.id, input.sessionId, 'ended_by_owner'))) throw notFound('session');
    return { endedCurrent: input.sessionId === ctx.session?.id };
  }),

  /**
   * Re-authentication (server/auth/require-recent-auth.ts): the password again, for this session
   * only; throttled with the account's sign-in count, so a found browser cannot guess it faster.
   */
  confirmPassword: accountOwnerProcedure.input(confirmPasswordInput).mutation(async ({ ctx, input }) => {
    // Also at the enrolment gate, whose factor setup needs a fresh password; never in place of a pending second factor.
    if (ctx.gate === 'second_factor') throw refused('auth.secondFactorPending');
    const [user] = await ctx.db.select({ email: users.email, passwordHash: users.passwordHash }).from(users).where(eq(users.id, ctx.userId));
    const sessionId = ctx.session.id;
    const audit = (tx: Tx, ok: boolean) => recordAudit(tx, { actorId: ctx.userId, action: ok ? 'user.reauthenticated' : 'user.reauthentication_failed', subjectType: 'user', subjectId: ctx.userId });
    const outcome = await throttledAttempt(
      ctx.db,
      { email: user!.email, address: ctx.address },
      {
        check: async () => ((await verifyPassword(user!.passwordHash, input.password)) ? true : null),
        firstFailure: (tx) => audit(tx, false),
        success: async (tx) => {
          await markAuthenticated(tx, sessionId);
          await audit(tx, true);
        },
      },
    );
    if ('refused' in outcome && outcome.refused === 'throttled') throw new DomainError('TOO_MANY_REQUESTS', 'auth.tooManyAttempts');
    if ('refused' in outcome) throw badRequest('session.wrongPassword');
    return { confirmed: true };
  }),

  /** Notices about the account (a sign-in from a new device), with nothing of any record. */
  notices: signedInProcedure.query(({ ctx }) => listAccountNotices(ctx.db, ctx.viewer.id)),

  dismissNotice: signedInProcedure.input(noticeIdInput).mutation(async ({ ctx, input }) => {
    if (!(await dismissAccountNotice(ctx.db, ctx.viewer.id, input.noticeId))) throw notFound('notice');
  }),

  /**
   * The key for this session's local form drafts (server/services/drafts/draft-key.ts); null for a
   * caller without a browser session, which then keeps no draft.
   */
  draftKey: signedInProcedure.query(({ ctx }) => ({ accountId: ctx.viewer.id, key: ctx.session ? draftKeyOf(ctx.session.id) : null })),

  /** "Sign out everywhere": every session of the person, this one too. */
  endAll: signedInProcedure.mutation(async ({ ctx }) => ({ ended: await endSessionsOf(ctx.db, ctx.viewer.id, 'sign_out_everywhere') })),
});
