import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { dummyPasswordHash, verifyPassword } from './password';
import { auditSignIn, auditSignInFailure } from './sign-in-audit';
import { isBlocked, recordFailure, recordSuccess, throttleKeys } from './throttle';

export const signInInput = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(1000),
});

/**
 * Checks an email and password. Every failure looks the same to the caller (unknown email, wrong
 * password, deactivated account, too many attempts), so the answer never tells whether an account exists.
 * Each attempt with a well-formed email leaves an audit row, in one transaction with the throttle's count.
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
  const keys = throttleKeys(email, address);

  if (await isBlocked(db, keys)) {
    await verifyPassword(await dummyPasswordHash(), password);
    await db.transaction((tx) => auditSignInFailure(tx, { email, address, throttled: true }));
    return null;
  }
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, passwordHash: users.passwordHash, active: users.active })
    .from(users)
    .where(eq(users.email, email));
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !ok || !user.active) {
    await db.transaction(async (tx) => {
      await recordFailure(tx, keys);
      await auditSignInFailure(tx, { email, address, throttled: false });
    });
    return null;
  }
  await db.transaction(async (tx) => {
    await recordSuccess(tx, email);
    await auditSignIn(tx, user.id, { email, address });
  });
  return { id: user.id, email: user.email, name: user.name };
}
