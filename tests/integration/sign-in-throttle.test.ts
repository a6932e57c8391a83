/**
 * Failed sign-ins slow down progressively per account and per address, kept in PostgreSQL so that
 * every app process sees the same counts; the account's wait stays short, so nobody can lock a
 * colleague out for long; a burst of failures costs the audit log two rows, not one per attempt.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type Database } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { checkSignIn } from '@/server/auth/sign-in';
import { throttleRules } from '@/server/auth/throttle';
import { createTestDatabase, databaseUrlOf } from '../support/database';
import { createOrganization, createUser } from '../support/factories';

let database: Database;
let second: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  // A second connection pool on the same database stands for a second app process.
  second = openPostgres(await databaseUrlOf(database.db), { max: 2 });
});
afterAll(async () => {
  await second?.close();
  await database?.close();
});

async function waitOf(key: string): Promise<number> {
  const [row] = rowsOf<{ seconds: number | null }>(
    await database.db.execute(sql`SELECT extract(epoch FROM blocked_until - last_failed_at)::float8 AS seconds FROM sign_in_throttle WHERE key = ${key}`),
  );
  return Math.round(row?.seconds ?? 0);
}

const passAfterWait = (key: string) => database.db.execute(sql`UPDATE sign_in_throttle SET blocked_until = now() - interval '1 second' WHERE key = ${key}`);

describe('sign-in throttling', () => {
  it('doubles the account’s wait with each failure past the free ones, counted across processes, and caps it at a minute', async () => {
    const organization = await createOrganization(database.db);
    await createUser(database.db, organization.id, 'reviewer', { email: 'reviewer.throttle@example.org', password: 'the right password' });
    const key = 'account:reviewer.throttle@example.org';
    const waits: number[] = [];
    for (let i = 0; i < throttleRules.account.maxFailures + 8; i++) {
      // Alternate "processes" and addresses: the count is one.
      const db = i % 2 === 0 ? database.db : second.db;
      expect(await checkSignIn(db, { email: 'reviewer.throttle@example.org', password: `guess ${i}` }, `10.2.0.${i}`)).toBeNull();
      waits.push(await waitOf(key));
      await passAfterWait(key);
    }
    expect(waits.slice(throttleRules.account.maxFailures - 1)).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
    // While it waits, even the right password is refused; when the wait is over, it works.
    await checkSignIn(database.db, { email: 'reviewer.throttle@example.org', password: 'wrong again' }, '10.2.1.1');
    expect(await checkSignIn(second.db, { email: 'reviewer.throttle@example.org', password: 'the right password' }, '10.2.1.2')).toBeNull();
    await passAfterWait(key);
    expect(await checkSignIn(second.db, { email: 'reviewer.throttle@example.org', password: 'the right password' }, '10.2.1.2')).not.toBeNull();
  });

  it('hammering an account while it waits does not make it wait longer, but does slow the hammering address', async () => {
    const key = 'account:hammered.throttle@example.org';
    for (let i = 0; i < throttleRules.account.maxFailures; i++) await checkSignIn(database.db, { email: 'hammered.throttle@example.org', password: `g${i}` }, '10.3.0.1');
    const wait = await waitOf(key);
    for (let i = 0; i < 20; i++) await checkSignIn(second.db, { email: 'hammered.throttle@example.org', password: `h${i}` }, '10.3.0.2');
    expect(await waitOf(key)).toBe(wait);
    const [address] = rowsOf<{ failures: number }>(await database.db.execute(sql`SELECT failures FROM sign_in_throttle WHERE key = 'address:10.3.0.2'`));
    expect(address?.failures).toBe(20);
  });

  it('writes one row when a burst starts and one with its count when a success ends it', async () => {
    const organization = await createOrganization(database.db);
    await createUser(database.db, organization.id, 'monitor', { email: 'typo.throttle@example.org', password: 'the right password' });
    const [{ before }] = rowsOf<{ before: number }>(await database.db.execute(sql`SELECT coalesce(max(id), 0)::int AS before FROM audit_log`)) as [{ before: number }];
    for (let i = 0; i < 4; i++) await checkSignIn(i % 2 ? second.db : database.db, { email: 'typo.throttle@example.org', password: `typo ${i}` }, '10.4.0.1');
    expect(await checkSignIn(database.db, { email: 'typo.throttle@example.org', password: 'the right password' }, '10.4.0.1')).not.toBeNull();
    const rows = rowsOf<{ action: string; details: Record<string, unknown> }>(
      await database.db.execute(sql`SELECT action, details FROM audit_log WHERE id > ${before} ORDER BY id`),
    );
    expect(rows.map((row) => [row.action, row.details.count ?? null])).toEqual([
      ['user.sign_in_failed', null],
      ['user.sign_in_failed', 3],
      ['user.sign_in', null],
    ]);
  });
});
