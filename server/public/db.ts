import 'server-only';
import { sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { getDb, openPostgres, type Db, type Tx } from '@/db/client';

/**
 * The only way the public side reaches the database. Every read runs in a read-only transaction as
 * the role `hrd_public` (db/migrations/0006_public_role.sql; every migrate re-grants it the tables
 * listed in db/public-role.ts), which may SELECT the public read model and the vocabulary and nothing else: a query that strays into the workspace tables fails with
 * "permission denied" rather than answering. With PUBLIC_DATABASE_URL the public side also logs in
 * as a separate, restricted user.
 */

export type PublicTx = Tx;

const holder = globalThis as unknown as { __hrdPublicDb?: Db; __hrdPublicDbOverride?: Db };

/** Tests point the public side at their own database. */
export function setPublicDatabaseForTests(db: Db | undefined): void {
  holder.__hrdPublicDbOverride = db;
}

/** The database the public side reads: the tests' override, PUBLIC_DATABASE_URL, or the app's. */
export async function publicDatabase(): Promise<Db> {
  if (holder.__hrdPublicDbOverride) return holder.__hrdPublicDbOverride;
  const url = process.env.PUBLIC_DATABASE_URL;
  if (url) {
    holder.__hrdPublicDb ??= openPostgres(url, { max: 5 }).db;
    return holder.__hrdPublicDb;
  }
  return getDb();
}

/**
 * Where the public side's rate limits are counted: the app's own database (a replica behind
 * PUBLIC_DATABASE_URL is read-only), or the test's.
 */
export async function limiterDb(): Promise<Db> {
  return holder.__hrdPublicDbOverride ?? getDb();
}

/** Whether limiterDb() is publicDatabase(): no replica behind PUBLIC_DATABASE_URL (or a test's one database for both). */
export function limitsInPublicDatabase(): boolean {
  return holder.__hrdPublicDbOverride !== undefined || !process.env.PUBLIC_DATABASE_URL;
}

/** How long one statement of the public side may run, in milliseconds: PUBLIC_STATEMENT_TIMEOUT_MS, else 10 seconds. */
export function publicStatementTimeoutMs(): number {
  const set = Number(process.env.PUBLIC_STATEMENT_TIMEOUT_MS);
  return Number.isInteger(set) && set > 0 ? set : 10_000;
}

/** Runs `read` in a read-only transaction as hrd_public, on the given database or the configured one. */
export async function publicRead<T>(read: (tx: PublicTx) => Promise<T>, db?: Db): Promise<T> {
  const database = db ?? (await publicDatabase());
  // Inside an export's snapshot (./snapshot.ts) a setting made here lasts to the end of the whole
  // export, whose sorts of every incident may rightly take longer: the timeout is for a question's own transaction.
  const bounded = !(database instanceof PgTransaction);
  return database.transaction(async (tx) => {
    // SET TRANSACTION READ ONLY and SET LOCAL ROLE hrd_public in one round trip: both last until the
    // transaction ends, and every statement after this one runs read-only, as hrd_public. And a
    // bound on each statement: anyone may ask, so no question may hold the database for long
    // (counting every incident a common word is in takes one or two seconds on a million).
    const timeout = bounded ? sql`, set_config('statement_timeout', ${String(publicStatementTimeoutMs())}, true)` : sql``;
    await tx.execute(sql`SELECT set_config('transaction_read_only', 'on', true), set_config('role', 'hrd_public', true)${timeout}`);
    return read(tx);
  });
}
