import 'server-only';
import type { Db, Tx } from '@/db/client';
import { closeQuietBursts, isBlocked, recordFailure, recordSuccess, throttleKeys } from './throttle';

/**
 * One guess at a secret of an account (a password at sign-in or re-authentication, a second-factor
 * code), slowed down per account and per address by ./throttle.ts: while a key waits, the guess is
 * refused unchecked; a wrong guess is counted, and audited only when it starts a burst (the rest of
 * the burst becomes one row with its count); a right one clears the account's count.
 */
export type Attempt = { email: string; address: string | null };

export async function throttledAttempt<T>(
  db: Db,
  attempt: Attempt,
  steps: {
    /** Null when the guess is wrong. */
    check: () => Promise<T | null>;
    /** Runs instead of the check while the key waits (the sign-in pays for a dummy hash, so timing tells nothing). */
    whileBlocked?: () => Promise<void>;
    /** The audit row of the first failure of a burst. */
    firstFailure: (tx: Tx, throttled: boolean) => Promise<void>;
    /** Written in the transaction that clears the count. */
    success?: (tx: Tx, value: T) => Promise<void>;
  },
): Promise<{ value: T } | { refused: 'wrong' | 'throttled' }> {
  const keys = throttleKeys(attempt.email, attempt.address);
  await db.transaction((tx) => closeQuietBursts(tx));
  if (await isBlocked(db, keys)) {
    await steps.whileBlocked?.();
    await db.transaction(async (tx) => {
      const { newBurst } = await recordFailure(tx, keys, { address: attempt.address, checked: false });
      if (newBurst) await steps.firstFailure(tx, true);
    });
    return { refused: 'throttled' };
  }
  const value = await steps.check();
  if (value === null) {
    await db.transaction(async (tx) => {
      const { newBurst } = await recordFailure(tx, keys, { address: attempt.address, checked: true });
      if (newBurst) await steps.firstFailure(tx, false);
    });
    return { refused: 'wrong' };
  }
  await db.transaction(async (tx) => {
    await recordSuccess(tx, attempt.email);
    await steps.success?.(tx, value);
  });
  return { value };
}
