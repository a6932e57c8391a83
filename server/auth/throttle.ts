import { eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { signInThrottle } from '@/db/schema';

/**
 * Failed sign-ins are counted per account and per network address within a window; past the limit
 * the key is blocked for a while, even for the right password, so guessing stays slow.
 */
export const throttleRules = {
  account: { maxFailures: 5, windowMinutes: 15, blockMinutes: 15 },
  address: { maxFailures: 30, windowMinutes: 15, blockMinutes: 15 },
} as const;

type Kind = keyof typeof throttleRules;

export function throttleKeys(email: string, address: string | null): { key: string; kind: Kind }[] {
  const keys: { key: string; kind: Kind }[] = [{ key: `account:${email.toLowerCase()}`, kind: 'account' }];
  if (address) keys.push({ key: `address:${address}`, kind: 'address' });
  return keys;
}

export async function isBlocked(db: DbOrTx, keys: { key: string }[]): Promise<boolean> {
  const rows = await db
    .select({ blockedUntil: signInThrottle.blockedUntil })
    .from(signInThrottle)
    .where(inArray(signInThrottle.key, keys.map((k) => k.key)));
  const now = Date.now();
  return rows.some((row) => row.blockedUntil !== null && row.blockedUntil.getTime() > now);
}

export async function recordFailure(db: DbOrTx, keys: { key: string; kind: Kind }[]): Promise<void> {
  for (const { key, kind } of keys) {
    const rule = throttleRules[kind];
    // One statement per key: a new window starts when the old one has passed; the block is set when the count reaches the limit.
    await db.execute(sql`
      INSERT INTO ${signInThrottle} (key, failures, window_started_at, blocked_until)
      VALUES (${key}, 1, now(), NULL)
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN ${signInThrottle.windowStartedAt} < now() - make_interval(mins => ${rule.windowMinutes})
                        THEN 1 ELSE ${signInThrottle.failures} + 1 END,
        window_started_at = CASE WHEN ${signInThrottle.windowStartedAt} < now() - make_interval(mins => ${rule.windowMinutes})
                        THEN now() ELSE ${signInThrottle.windowStartedAt} END,
        blocked_until = CASE WHEN ${signInThrottle.windowStartedAt} >= now() - make_interval(mins => ${rule.windowMinutes})
                              AND ${signInThrottle.failures} + 1 >= ${rule.maxFailures}
                        THEN now() + make_interval(mins => ${rule.blockMinutes}) ELSE ${signInThrottle.blockedUntil} END`);
  }
}

/** A success clears the account's count (not the address's: one good password must not unlock guessing others). */
export async function recordSuccess(db: DbOrTx, email: string): Promise<void> {
  await db.delete(signInThrottle).where(eq(signInThrottle.key, `account:${email.toLowerCase()}`));
}
