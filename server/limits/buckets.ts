import 'server-only';
import { like, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { rateLimitBuckets } from '@/db/schema/limits';

/**
 * Token buckets kept in PostgreSQL, so that a limit holds across every app process on the database
 * (a bucket in process memory would give each process its own allowance). A bucket holds up to
 * `capacity` tokens and refills at `refillPerSecond`; a request takes `cost`.
 */
export type BucketRule = { capacity: number; refillPerSecond: number };
export type Verdict = { ok: true; also?: string | null } | { ok: false; retryAfterSeconds: number };

// How full a bucket is now: what it held, plus what flowed in since, up to the capacity.
const refilled = (rule: BucketRule) =>
  sql`LEAST(${rule.capacity}::float8, ${rateLimitBuckets.tokens} + extract(epoch FROM now() - ${rateLimitBuckets.updatedAt}) * ${rule.refillPerSecond}::float8)`;

/**
 * One statement: a new key starts full less the cost; a known key is refilled and charged only when
 * it holds enough, under the row lock of the upsert, so two processes never spend the same token.
 * No row back means refused; only then a second read says how long to wait.
 *
 * Its commit does not wait for the disk (synchronous_commit off, for this statement's transaction
 * only, set in the statement itself): waiting for a flush on every public request was most of its
 * cost (pgbench on this upsert, 4 clients: 400 a second waiting, 1,190 not). The commit is still
 * atomic and every process sees it at once; only a crash of the database server could forget the
 * last fraction of a second of tokens taken. Sign-in throttles (server/auth) keep durable commits.
 */
export async function takeToken(db: DbOrTx, key: string, rule: BucketRule, cost = 1, also?: SQL): Promise<Verdict> {
  // `also`: a value the caller needs next from the same database, read in the same round trip (`also` of the verdict).
  const taken = rowsOf<{ tokens: number; also?: string | null }>(
    await db.execute(sql`
      INSERT INTO ${rateLimitBuckets} (key, tokens, updated_at)
      SELECT ${key}, ${rule.capacity - cost}::float8, now() FROM (SELECT set_config('synchronous_commit', 'off', true)) AS without_waiting_for_the_disk
      ON CONFLICT (key) DO UPDATE SET tokens = ${refilled(rule)} - ${cost}::float8, updated_at = now()
      WHERE ${refilled(rule)} >= ${cost}::float8
      RETURNING tokens${also ? sql`, (${also}) AS also` : sql``}`),
  );
  if (Math.random() < 0.001) await forgetFullBuckets(db, rule);
  if (taken.length > 0) return also ? { ok: true, also: taken[0]!.also ?? null } : { ok: true };
  const [row] = rowsOf<{ tokens: number }>(await db.execute(sql`SELECT ${refilled(rule)} AS tokens FROM ${rateLimitBuckets} WHERE key = ${key}`));
  const missing = cost - Number(row?.tokens ?? 0);
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(missing / rule.refillPerSecond)) };
}

/** Buckets untouched for long enough to be full again hold nothing worth keeping. */
async function forgetFullBuckets(db: DbOrTx, rule: BucketRule): Promise<void> {
  const fullAfterSeconds = Math.ceil(rule.capacity / rule.refillPerSecond);
  await db.execute(sql`DELETE FROM ${rateLimitBuckets} WHERE updated_at < now() - make_interval(secs => ${Math.max(fullAfterSeconds, 3600)})`);
}

/** Empties every bucket whose key starts with `prefix` (tests, and an operator after an incident). */
export async function resetBuckets(db: DbOrTx, prefix: string): Promise<void> {
  await db.delete(rateLimitBuckets).where(like(rateLimitBuckets.key, `${prefix.replace(/[\\%_]/g, '\\$&')}%`));
}

/** The limits, in one place. */
export const limitRules = {
  /** The open-data API, per address: 120 requests at once, then two a second; an export costs ten. */
  publicApi: { capacity: 120, refillPerSecond: 2 },
  /** Set-password links, per address: a handful of tries, then one a minute (tokens are 256-bit: this only stops load). */
  setPassword: { capacity: 10, refillPerSecond: 1 / 60 },
  /** Invitations and set-password links, per admin together: twenty at once, then twenty an hour. */
  accountLinks: { capacity: 20, refillPerSecond: 20 / 3600 },
  /** Workspace searches, per account: generous for a person typing, tight for a script. */
  search: { capacity: 60, refillPerSecond: 2 },
  /** Workspace searches, per address: several people of one office behind one address. */
  searchPerAddress: { capacity: 240, refillPerSecond: 8 },
} satisfies Record<string, BucketRule>;
