import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { recordFactorChange } from '../auth/factors/changes';
import { addPasskey, confirmTotp } from '../auth/factors/enrolment';
import { listPasskeys, passkeyAuthenticationOptions, passkeyRegistrationOptions, removePasskey } from '../auth/factors/passkeys';
import { proveSecondFactor } from '../auth/factors/proof';
import { replaceRecoveryCodes, unusedRecoveryCodeCount } from '../auth/factors/recovery-codes';
import { factorRequirementOf } from '../auth/viewer';
import { hasConfirmedTotp, removeTotp, startTotpEnrolment, TotpAlreadyConfirmed } from '../auth/factors/totp';
import { deviceLabelOf } from '../auth/device';
import { hasRecentAuth, requireRecentAuth } from '../auth/require-recent-auth';
import { badRequest, DomainError, notFound, refused } from '../errors';
import { passkeyIdInput, passkeyRegistrationInput, secondFactorProofInput, totpCodeInput } from '@/common/inputs/second-factor';
import { accountOwnerProcedure, createTRPCRouter } from '../trpc';

/**
 * A person's own second factors: the step after the password, enrolment (also when their
 * organization requires it and nothing else is open to them), and changes from the account page.
 * Each procedure acts on the session's own account only.
 */

/**
 * Adding a factor: the password alone (second factor pending) adds nothing. Every other session,
 * the enrolment gate's included (the organization requires a factor and the person has none), must
 * have proved who it is a moment ago: whoever finds a signed-in browser, even one left at the
 * enrolment page, must not add a passkey or an app of their own and keep the account. Right after
 * signing in that holds; later the gate page asks for the password again.
 */
const enrolling = accountOwnerProcedure.use(({ ctx, next }) => {
  if (ctx.gate === 'second_factor') throw refused('auth.secondFactorPending');
  requireRecentAuth(ctx);
  return next();
});

/** Taking a factor away weakens the account: only for a full session that proved who it is a moment ago. */
const removing = accountOwnerProcedure.use(({ ctx, next }) => {
  if (ctx.gate) throw refused('auth.finishSignIn');
  requireRecentAuth(ctx);
  return next();
});

const wrongCode = () => badRequest('factor.wrongCode');

async function accountOf(ctx: { db: Db; userId: string }) {
  const [user] = await ctx.db.select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.id, ctx.userId));
  if (!user) throw notFound('account');
  return user;
}

export const factorRouter = createTRPCRouter({
  /**
   * What this session still owes, what the organizations require, and what the person has. A gated
   * session (the password alone, perhaps someone else's) learns only which methods to offer: not the
   * passkeys' names and dates, nor how many recovery codes are left.
   */
  status: accountOwnerProcedure.query(async ({ ctx }) => {
    const [requirement, totp, passkeys] = await Promise.all([factorRequirementOf(ctx.db, ctx.userId), hasConfirmedTotp(ctx.db, ctx.userId), listPasskeys(ctx.db, ctx.userId)]);
    if (ctx.gate) return { gate: ctx.gate, required: requirement.required, totp, passkey: passkeys.length > 0, passwordFresh: hasRecentAuth(ctx) };
    return { gate: null, required: requirement.required, totp, passkeys, recoveryCodesLeft: await unusedRecoveryCodeCount(ctx.db, ctx.userId) };
  }),

  /** The second factor after the password, or again later as re-authentication. */
  prove: accountOwnerProcedure.input(secondFactorProofInput).mutation(async ({ ctx, input }) => {
    const outcome = await proveSecondFactor(ctx.db, { userId: ctx.userId, sessionId: ctx.session.id, pending: ctx.gate === 'second_factor', address: ctx.address, proof: input });
    if (outcome === 'throttled') throw new DomainError('TOO_MANY_REQUESTS', 'auth.tooManyAttempts');
    if (outcome === 'wrong') throw wrongCode();
    return { proved: true };
  }),

  passkeyOptions: accountOwnerProcedure.mutation(({ ctx }) => passkeyAuthenticationOptions(ctx.db, ctx.session.id, ctx.userId)),

  startTotp: enrolling.mutation(async ({ ctx }) => {
    try {
      return await startTotpEnrolment(ctx.db, await accountOf(ctx));
    } catch (error) {
      if (error instanceof TotpAlreadyConfirmed) throw new DomainError('CONFLICT', 'factor.totpExists');
      throw error;
    }
  }),

  confirmTotp: enrolling.input(totpCodeInput).mutation(async ({ ctx, input }) => {
    const done = await confirmTotp(ctx.db, { userId: ctx.userId, sessionId: ctx.session.id }, input.code);
    if (!done) throw wrongCode();
    return done;
  }),

  passkeyRegistrationOptions: enrolling.mutation(async ({ ctx }) => passkeyRegistrationOptions(ctx.db, ctx.session.id, await accountOf(ctx))),

  registerPasskey: enrolling.input(passkeyRegistrationInput).mutation(async ({ ctx, input }) => {
    const label = input.label || deviceLabelOf(null);
    const done = await addPasskey(ctx.db, { userId: ctx.userId, sessionId: ctx.session.id }, input.response, label);
    if (!done) throw badRequest('factor.passkeyNotVerified');
    return done;
  }),

  removeTotp: removing.mutation(async ({ ctx }) => {
    await ctx.db.transaction(async (tx) => {
      if (!(await removeTotp(tx, ctx.userId))) throw notFound('authenticator app');
      await recordFactorChange(tx, { userId: ctx.userId, keepSessionId: ctx.session.id, action: 'user.factor_removed', factor: 'totp' });
    });
  }),

  removePasskey: removing.input(passkeyIdInput).mutation(async ({ ctx, input }) => {
    await ctx.db.transaction(async (tx) => {
      if (!(await removePasskey(tx, ctx.userId, input.passkeyId))) throw notFound('passkey');
      await recordFactorChange(tx, { userId: ctx.userId, keepSessionId: ctx.session.id, action: 'user.factor_removed', factor: 'passkey' });
    });
  }),

  /** Ten new codes, shown once; the earlier ones stop working. */
  replaceRecoveryCodes: removing.mutation(async ({ ctx }) => {
    if (!(await factorRequirementOf(ctx.db, ctx.userId)).enrolled) throw badRequest('factor.enrolFirst');
    return ctx.db.transaction(async (tx) => {
      const codes = await replaceRecoveryCodes(tx, ctx.userId);
      await recordFactorChange(tx, { userId: ctx.userId, keepSessionId: ctx.session.id, action: 'user.recovery_codes_replaced', factor: 'recovery_codes' });
      return { recoveryCodes: codes };
    });
  }),
});
