import 'server-only';
import { eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { signInThrottle } from '@/db/schema';
import { recordAudit } from '../services/audit/record';

/**
 * Failed sign-ins slow down, per account and per network address, instead of locking anything for
 * long: after `maxFailures` free failures each further one makes the key wait twice as long as the
 * one before (1 s, 2 s, 4 s…), up to `maxDelaySeconds`. The account's cap is short, so that nobody
 * can lock a reviewer out by typing wrong passwords in their name; the address's is long, so that
 * one machine cannot guess through many accounts. A key forgets after `quietMinutes` without a failure.
 * Kept in PostgreSQL: every app process sees the same counts.
 */
export const throttleRules = {
  account: { maxFailures: 5, maxDelaySeconds: 60 },
  address: { maxFailures: 30, maxDelaySeconds: 15 * 60 },
} as const;
export const quietMinutes = 15;

type Kind = keyof typeof throttleRules;
export type ThrottleKey = { key: string; kind: Kind };

export function throttleKeys(email: string, address: string | null): ThrottleKey[] {
  const keys: ThrottleKey[] = [{ key: `account:${email.toLowerCase()}`, kind: 'account' }];
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

/**
 * Counts a failed attempt for each key. `checked`: the password was checked and wrong; an attempt
 * refused unchecked (the key was waiting) adds to the address's count but not to the account's, so
 * hammering an account does not keep it waiting longer. Returns whether this attempt starts a new
 * burst for the account (its audit row is written now; the rest of the burst is counted).
 */
export async function recordFailure(tx: Tx, keys: ThrottleKey[], options: { address: string | null; checked: boolean }): Promise<{ newBurst: boolean }> {
  let newBurst = false;
  for (const { key, kind } of keys) {
    const rule = throttleRules[kind];
    const counts = options.checked || kind === 'address';
    const quiet = sql`${signInThrottle.lastFailedAt} IS NULL OR ${signInThrottle.lastFailedAt} < now() - make_interval(mins => ${quietMinutes})`;
    const failures = counts ? sql`CASE WHEN ${quiet} THEN 1 ELSE ${signInThrottle.failures} + 1 END` : sql`CASE WHEN ${quiet} THEN 0 ELSE ${signInThrottle.failures} END`;
    // One statement per key, under the row lock of the upsert: 2^(failures - free) seconds of waiting, capped.
    const [row] = rowsOf<{ unaudited: number }>(
      await tx.execute(sql`
        INSERT INTO ${signInThrottle} (key, failures, window_started_at, blocked_until, last_failed_at, unaudited_failures, last_address)
        VALUES (${key}, ${counts ? 1 : 0}, now(), NULL, now(), 1, ${options.address})
        ON CONFLICT (key) DO UPDATE SET
          failures = ${failures},
          window_started_at = CASE WHEN ${quiet} THEN now() ELSE ${signInThrottle.windowStartedAt} END,
          blocked_until = CASE WHEN ${failures} >= ${rule.maxFailures}
                          THEN now() + make_interval(secs => LEAST(${rule.maxDelaySeconds}, power(2, LEAST(${failures} - ${rule.maxFailures}, 20))))
                          ELSE ${signInThrottle.blockedUntil} END,
          last_failed_at = now(),
          unaudited_failures = CASE WHEN ${quiet} THEN 1 ELSE ${signInThrottle.unauditedFailures} + 1 END,
          last_address = ${options.address}
        RETURNING unaudited_failures AS unaudited`),
    );
    if (kind === 'account') newBurst = row?.unaudited === 1;
  }
  return { newBurst };
}

type Burst = { key: string; unaudited: number; since: Date; last: Date; address: string | null };

/** The audit row that closes a burst: how many attempts followed its first one, and when. */
async function auditBurst(tx: Tx, burst: Burst): Promise<void> {
  const more = burst.unaudited - 1;
  if (more <= 0) return;
  await recordAudit(tx, {
    actorId: null,
    action: 'user.sign_in_failed',
    details: {
      email: burst.key.slice('account:'.length),
      address: burst.address,
      count: more,
      burst: { from: new Date(burst.since).toISOString(), to: new Date(burst.last).toISOString() },
    },
  });
}

/** Writes the closing row of every account burst that has been quiet long enough (any sign-in attempt calls it). */
export async function closeQuietBursts(tx: Tx): Promise<void> {
  // The values before the reset come from the locked rows of the CTE (RETURNING alone gives the new ones).
  const closed = rowsOf<{ key: string; unaudited: number; since: Date; last: Date; address: string | null }>(
    await tx.execute(sql`
      WITH closing AS (
        SELECT key, unaudited_failures, window_started_at, last_failed_at, last_address FROM ${signInThrottle}
        WHERE key LIKE 'account:%' AND unaudited_failures > 1 AND last_failed_at < now() - make_interval(mins => ${quietMinutes})
        FOR UPDATE SKIP LOCKED)
      UPDATE ${signInThrottle} AS t SET unaudited_failures = 0 FROM closing WHERE t.key = closing.key
      RETURNING closing.key, closing.unaudited_failures AS unaudited, closing.window_started_at AS since, closing.last_failed_at AS last, closing.last_address AS address`),
  );
  for (const burst of closed) await auditBurst(tx, burst);
}

/**
 * A success closes the account's burst (its closing row first) and clears the account's count; not
 * the address's: one good password must not unlock guessing others.
 */
export async function recordSuccess(tx: Tx, email: string): Promise<void> {
  const [row] = await tx.delete(signInThrottle).where(eq(signInThrottle.key, `account:${email.toLowerCase()}`)).returning();
  if (row) await auditBurst(tx, { key: row.key, unaudited: row.unauditedFailures, since: row.windowStartedAt, last: row.lastFailedAt ?? row.windowStartedAt, address: row.lastAddress });
}
