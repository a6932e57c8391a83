import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { dummyPasswordHash, verifyPassword } from './password';
import { auditSignIn, auditSignInFailure } from './sign-in-audit';
import { throttledAttempt } from './throttled-attempt';

export const signInInput = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(1000),
});

/**
 * Checks an email and password. Every failure looks the same to the caller (unknown email, wrong
 * password, deactivated account, too many attempts), so the answer never tells whether an account exists.
 * Attempts with a well-formed email are audited, in one transaction with the throttle's count: the
 * first failure of a burst at once, the rest as one row with their count when the burst ends.
 */
export async function checkSignIn(
  db: Db,
  credentials: unknown,
  address: string | null,
): Promise<{ id: string; email: string; name: string } | null> {
  const parsed = signInInput.safeParse(credentials);
  // Not an email at all: no account was tried, so there is nothing to count or to audit.
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const outcome = await throttledAttempt(
    db,
    { email, address },
    {
      whileBlocked: async () => void (await verifyPassword(await dummyPasswordHash(), password)),
      check: async () => {
        const [user] = await db
          .select({ id: users.id, email: users.email, name: users.name, passwordHash: users.passwordHash, active: users.active })
          .from(users)
          .where(eq(users.email, email));
        const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
        return user && ok && user.active ? { id: user.id, email: user.email, name: user.name } : null;
      },
      // A burst of failures is one row when it starts and one with its count when it ends (./throttle.ts).
      firstFailure: (tx, throttled) => auditSignInFailure(tx, { email, address, throttled }),
      success: (tx, user) => auditSignIn(tx, user.id, { email, address }),
    },
  );
  return 'value' in outcome ? outcome.value : null;
}
