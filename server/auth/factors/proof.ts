import 'server-only';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { recordAudit } from '@/server/services/audit/record';
import { markAuthenticated } from '../sessions';
import { throttledAttempt } from '../throttled-attempt';
import { usePasskey } from './passkeys';
import { useRecoveryCode } from './recovery-codes';
import { useTotpCode } from './totp';

/**
 * A second factor given in a session: after the password it completes the sign-in; later it counts
 * as re-authentication (server/auth/require-recent-auth.ts), like the password does. Guesses are
 * throttled with the account's sign-in count, so six digits cannot be walked through.
 */
export type SecondFactorProof =
  | { method: 'totp'; code: string }
  | { method: 'recovery_code'; code: string }
  | { method: 'passkey'; response: AuthenticationResponseJSON };

export async function proveSecondFactor(
  db: Db,
  params: { userId: string; sessionId: string; pending: boolean; address: string | null; proof: SecondFactorProof },
): Promise<'ok' | 'wrong' | 'throttled'> {
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, params.userId));
  if (!user) return 'wrong';
  const { proof, userId, sessionId } = params;
  const outcome = await throttledAttempt(
    db,
    { email: user.email, address: params.address },
    {
      check: async () => {
        const ok =
          proof.method === 'totp'
            ? await useTotpCode(db, userId, proof.code)
            : proof.method === 'recovery_code'
              ? await useRecoveryCode(db, userId, proof.code)
              : await usePasskey(db, sessionId, userId, proof.response);
        return ok ? true : null;
      },
      firstFailure: (tx, throttled) =>
        recordAudit(tx, { actorId: userId, action: 'user.second_factor_failed', subjectType: 'user', subjectId: userId, details: { method: proof.method, address: params.address, ...(throttled ? { throttled: true } : {}) } }),
      success: async (tx) => {
        await markAuthenticated(tx, sessionId, { secondFactor: true });
        await recordAudit(tx, {
          actorId: userId,
          action: params.pending ? 'user.second_factor_passed' : 'user.reauthenticated',
          subjectType: 'user',
          subjectId: userId,
          details: { method: proof.method },
        });
      },
    },
  );
  return 'value' in outcome ? 'ok' : outcome.refused;
}
