/**
 * What the audit log records of signing in and out (successes, failures and their bursts, sign-outs)
 * and what an admin reads of it: their organization's entries only, filtered, newest first. What it
 * records of changes to the records: tests/integration/audit-trail-changes.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { sql } from 'drizzle-orm';
import { getDatabase } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { authOptions } from '@/server/auth/options';
import { checkSignIn } from '@/server/auth/sign-in';
import { throttleRules } from '@/server/auth/throttle';
import { closeSetup, db, entriesSince, lastId, openSetup } from '../support/audit-trail-setup';
import { testServerUrl } from '../support/database';
import { callerFor, createOrganization, createUser } from '../support/factories';

beforeAll(openSetup);
afterAll(closeSetup);

describe('signing in and out', () => {
  it('records a sign-in with the account, the email and the address, never the password', async () => {
    const organization = await createOrganization(db);
    const user = await createUser(db, organization.id, 'monitor', { email: 'saule.audit@example.org', password: 'sign-in secret 1' });
    const before = await lastId();
    await checkSignIn(db, { email: ' Saule.Audit@Example.org ', password: 'sign-in secret 1' }, '192.0.2.10');
    const [row, ...rest] = await entriesSince(before);
    expect(rest).toEqual([]);
    expect(row).toMatchObject({
      action: 'user.sign_in',
      actorId: user.id,
      organizationId: null,
      subjectType: 'user',
      subjectId: user.id,
      details: { email: 'saule.audit@example.org', address: '192.0.2.10' },
    });
    expect(JSON.stringify(row)).not.toContain('sign-in secret');
  });

  it('records failures alike for a wrong password, an unknown email and a deactivated account: the email tried and the address only', async () => {
    const organization = await createOrganization(db);
    await createUser(db, organization.id, 'monitor', { email: 'known.audit@example.org', password: 'right password 1' });
    const former = await createUser(db, organization.id, 'monitor', { email: 'former.audit@example.org', password: 'right password 2' });
    await db.execute(sql`UPDATE users SET active = false WHERE id = ${former.id}`);
    const before = await lastId();

    await checkSignIn(db, { email: 'KNOWN.audit@example.org', password: 'wrong guess A' }, '198.51.100.7');
    await checkSignIn(db, { email: 'nobody.audit@example.org', password: 'wrong guess B' }, '198.51.100.7');
    await checkSignIn(db, { email: 'former.audit@example.org', password: 'right password 2' }, null);

    const rows = await entriesSince(before);
    expect(rows.map(({ action, actorId, organizationId, subjectType, subjectId, details }) => ({ action, actorId, organizationId, subjectType, subjectId, details }))).toEqual([
      { action: 'user.sign_in_failed', actorId: null, organizationId: null, subjectType: null, subjectId: null, details: { email: 'known.audit@example.org', address: '198.51.100.7' } },
      { action: 'user.sign_in_failed', actorId: null, organizationId: null, subjectType: null, subjectId: null, details: { email: 'nobody.audit@example.org', address: '198.51.100.7' } },
      { action: 'user.sign_in_failed', actorId: null, organizationId: null, subjectType: null, subjectId: null, details: { email: 'former.audit@example.org', address: null } },
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/wrong guess|right password/);
  });

  it('records a burst of failures as its first attempt and one row with the count when it ends, throttled attempts included', async () => {
    const before = await lastId();
    for (let i = 0; i <= throttleRules.account.maxFailures; i++) {
      await checkSignIn(db, { email: 'hammered.audit@example.org', password: `guess ${i}` }, `203.0.113.${i}`);
    }
    let rows = await entriesSince(before);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.details).toEqual({ email: 'hammered.audit@example.org', address: '203.0.113.0' });
    // Fifteen quiet minutes later, the next sign-in attempt (anyone's) closes the burst.
    await db.execute(sql`UPDATE sign_in_throttle SET last_failed_at = now() - interval '16 minutes' WHERE key = 'account:hammered.audit@example.org'`);
    await checkSignIn(db, { email: 'someone.else@example.org', password: 'guess' }, '198.51.100.200');
    rows = (await entriesSince(before)).filter((row) => row.details.email === 'hammered.audit@example.org');
    expect(rows).toHaveLength(2);
    expect(rows[1]?.details).toMatchObject({ email: 'hammered.audit@example.org', address: `203.0.113.${throttleRules.account.maxFailures}`, count: throttleRules.account.maxFailures });
  });

  it('records a sign-out through next-auth’s sign-out event', async () => {
    const organization = await createOrganization(db);
    const user = await createUser(db, organization.id, 'monitor');
    // The event opens the app's configured database: point it at this test's database.
    const [current] = rowsOf<{ name: string }>(await db.execute(sql`SELECT current_database() AS name`));
    const url = new URL(testServerUrl());
    url.pathname = `/${current!.name}`;
    const previous = process.env.DATABASE_URL;
    process.env.DATABASE_URL = url.toString();
    const before = await lastId();
    try {
      await authOptions.events!.signOut!({ token: { sub: user.id }, session: null as never });
    } finally {
      await (await getDatabase()).close();
      (globalThis as { __hrdDatabase?: unknown }).__hrdDatabase = undefined;
      if (previous === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = previous;
    }
    expect(await entriesSince(before)).toEqual([expect.objectContaining({ action: 'user.sign_out', actorId: user.id, subjectId: user.id })]);
  });
});

describe('reading the audit log', () => {
  it('shows an admin their organization’s entries and their members’ sign-ins, newest first, and nothing of other organizations', async () => {
    const mine = await createOrganization(db);
    const theirs = await createOrganization(db);
    const admin = await createUser(db, mine.id, 'admin');
    const colleague = await createUser(db, mine.id, 'monitor', { email: 'colleague.browse@example.org', password: 'colleague pass 1' });
    const theirAdmin = await createUser(db, theirs.id, 'admin');
    const stranger = await createUser(db, theirs.id, 'monitor', { email: 'stranger.browse@example.org', password: 'stranger pass 1' });

    await checkSignIn(db, { email: 'colleague.browse@example.org', password: 'colleague pass 1' }, '10.1.1.1');
    await checkSignIn(db, { email: 'colleague.browse@example.org', password: 'a wrong one' }, '10.1.1.2');
    await checkSignIn(db, { email: 'stranger.browse@example.org', password: 'stranger pass 1' }, '10.1.1.3');
    await checkSignIn(db, { email: 'unknown.browse@example.org', password: 'whatever' }, '10.1.1.4');
    await (await callerFor(db, admin.id)).admin.changeRole({ organizationId: mine.id, userId: colleague.id, currentRole: 'monitor', role: 'reviewer' });
    await (await callerFor(db, theirAdmin.id)).admin.changeRole({ organizationId: theirs.id, userId: stranger.id, currentRole: 'monitor', role: 'reviewer' });

    const page = await (await callerFor(db, admin.id)).admin.auditLog({ organizationId: mine.id });
    expect(page.items.map((item) => [item.action, item.actor?.id ?? null, item.subject?.id ?? null, item.details])).toEqual([
      ['membership.role_changed', admin.id, colleague.id, { from: 'monitor', to: 'reviewer' }],
      ['user.sign_in_failed', null, null, { email: 'colleague.browse@example.org', address: '10.1.1.2' }],
      ['user.sign_in', colleague.id, colleague.id, { email: 'colleague.browse@example.org', address: '10.1.1.1' }],
    ]);
    expect(page.items[0]).toMatchObject({ organization: { id: mine.id, name: mine.name }, actor: { name: admin.name, email: admin.email }, subject: { type: 'user', name: colleague.name } });
    expect(JSON.stringify(page)).not.toMatch(/stranger|unknown\.browse/);
  });

  it('filters by action, actor, subject and dates, and pages with a cursor', async () => {
    const organization = await createOrganization(db);
    const admin = await createUser(db, organization.id, 'admin');
    const people = await Promise.all([1, 2, 3].map(() => createUser(db, organization.id, 'monitor')));
    const asAdmin = await callerFor(db, admin.id);
    for (const person of people) {
      await asAdmin.admin.changeRole({ organizationId: organization.id, userId: person.id, currentRole: 'monitor', role: 'reviewer' });
    }
    await asAdmin.admin.deactivate({ organizationId: organization.id, userId: people[0]!.id });

    const roleChanges = await asAdmin.admin.auditLog({ action: 'membership.role_changed' });
    expect(roleChanges.items.map((item) => item.subject?.id)).toEqual([people[2]!.id, people[1]!.id, people[0]!.id]);

    const aboutFirst = await asAdmin.admin.auditLog({ subjectId: people[0]!.id });
    expect(aboutFirst.items.map((item) => item.action)).toEqual(['user.deactivated', 'membership.role_changed']);

    expect((await asAdmin.admin.auditLog({ actorId: people[1]!.id })).items).toEqual([]);
    expect((await asAdmin.admin.auditLog({ actorId: admin.id })).items).toHaveLength(4);

    const today = new Date().toISOString().slice(0, 10);
    expect((await asAdmin.admin.auditLog({ from: today, to: today })).items).toHaveLength(4);
    expect((await asAdmin.admin.auditLog({ to: '2020-01-01' })).items).toEqual([]);
    expect((await asAdmin.admin.auditLog({ from: '2999-01-01' })).items).toEqual([]);

    const first = await asAdmin.admin.auditLog({ limit: 3 });
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).toBe(first.items[2]!.id);
    const second = await asAdmin.admin.auditLog({ limit: 3, cursor: first.nextCursor });
    expect(second.items.map((item) => item.action)).toEqual(['membership.role_changed']);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items].map((item) => item.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('refuses dates in the wrong order with a field message, and non-admins (FORBIDDEN)', async () => {
    const organization = await createOrganization(db);
    const admin = await createUser(db, organization.id, 'admin');
    const monitor = await createUser(db, organization.id, 'monitor');
    const refused = await (await callerFor(db, admin.id)).admin.auditLog({ from: '2026-02-01', to: '2026-01-01' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TRPCError);
    expect((refused as TRPCError).code).toBe('BAD_REQUEST');
    const forbidden = await (await callerFor(db, monitor.id)).admin.auditLog({}).catch((error: unknown) => error);
    expect((forbidden as TRPCError).code).toBe('FORBIDDEN');
  });
});
