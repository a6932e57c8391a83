/**
 * What an admin may not do to the people of an organization: leave it without an active admin,
 * change a role from an outdated view, change anything whose audit row cannot be written, or reach
 * the people of another organization. What admins do: tests/integration/admin-users.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, sql } from 'drizzle-orm';
import { memberships, users } from '@/db/schema';
import { closeSetup, db, failure, openSetup, organizationWithAdmin } from '../support/admin-users-setup';
import { callerFor, createUser } from '../support/factories';

beforeAll(openSetup);
afterAll(closeSetup);

describe('an organization always keeps an active admin', () => {
  it('the only admin cannot demote or remove themselves', async () => {
    const { organization, admin, asAdmin } = await organizationWithAdmin();
    const demote = await failure(asAdmin.admin.changeRole({ organizationId: organization.id, userId: admin.id, currentRole: 'admin', role: 'reviewer' }));
    expect(demote).toEqual({
      code: 'BAD_REQUEST',
      message: `You cannot change this person’s role: they are the last active administrator of ${organization.name}. Make someone else an administrator first.`,
    });
    const remove = await failure(asAdmin.admin.removeMember({ organizationId: organization.id, userId: admin.id, currentRole: 'admin' }));
    expect(remove.code).toBe('BAD_REQUEST');
    expect(remove.message).toContain('last active administrator');
    expect((await failure(asAdmin.admin.deactivate({ organizationId: organization.id, userId: admin.id }))).code).toBe('BAD_REQUEST');
    expect((await asAdmin.admin.members({ organizationId: organization.id })).members).toEqual([expect.objectContaining({ userId: admin.id, role: 'admin', active: true })]);
  });

  it('a deactivated admin does not count: the remaining active admin cannot step down', async () => {
    const { organization, admin, asAdmin } = await organizationWithAdmin();
    const other = await createUser(db, organization.id, 'admin');
    await asAdmin.admin.deactivate({ organizationId: organization.id, userId: other.id });
    const demote = await failure(asAdmin.admin.changeRole({ organizationId: organization.id, userId: admin.id, currentRole: 'admin', role: 'monitor' }));
    expect(demote.code).toBe('BAD_REQUEST');
    // With two active admins, either may step down.
    await asAdmin.admin.reactivate({ organizationId: organization.id, userId: other.id });
    await asAdmin.admin.changeRole({ organizationId: organization.id, userId: admin.id, currentRole: 'admin', role: 'monitor' });
  });

  it('two admins demoting each other at the same moment leave one admin', async () => {
    const { organization, admin } = await organizationWithAdmin();
    const other = await createUser(db, organization.id, 'admin');
    const [first, second] = await Promise.allSettled([
      (await callerFor(db, admin.id)).admin.changeRole({ organizationId: organization.id, userId: other.id, currentRole: 'admin', role: 'monitor' }),
      (await callerFor(db, other.id)).admin.changeRole({ organizationId: organization.id, userId: admin.id, currentRole: 'admin', role: 'monitor' }),
    ]);
    expect([first.status, second.status].sort()).toEqual(['fulfilled', 'rejected']);
    const [admins] = await db
      .select({ n: count() })
      .from(memberships)
      .where(and(eq(memberships.organizationId, organization.id), eq(memberships.role, 'admin')));
    expect(admins?.n).toBe(1);
  });

  it('two admins deactivating each other at the same moment leave one active', async () => {
    const { organization, admin } = await organizationWithAdmin();
    const other = await createUser(db, organization.id, 'admin');
    const results = await Promise.allSettled([
      (await callerFor(db, admin.id)).admin.deactivate({ organizationId: organization.id, userId: other.id }),
      (await callerFor(db, other.id)).admin.deactivate({ organizationId: organization.id, userId: admin.id }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const active = await db.select({ id: users.id }).from(users).where(and(sql`${users.id} IN (${admin.id}, ${other.id})`, eq(users.active, true)));
    expect(active).toHaveLength(1);
  });
});

describe('stale and repeated changes', () => {
  it('refuses a role change made from an outdated view (CONFLICT) and a change to the same role', async () => {
    const { organization, asAdmin } = await organizationWithAdmin();
    const person = await createUser(db, organization.id, 'monitor');
    await asAdmin.admin.changeRole({ organizationId: organization.id, userId: person.id, currentRole: 'monitor', role: 'reviewer' });
    const stale = await failure(asAdmin.admin.changeRole({ organizationId: organization.id, userId: person.id, currentRole: 'monitor', role: 'admin' }));
    expect(stale.code).toBe('CONFLICT');
    expect((await failure(asAdmin.admin.changeRole({ organizationId: organization.id, userId: person.id, currentRole: 'reviewer', role: 'reviewer' }))).code).toBe(
      'BAD_REQUEST',
    );
    await asAdmin.admin.deactivate({ organizationId: organization.id, userId: person.id });
    expect((await failure(asAdmin.admin.deactivate({ organizationId: organization.id, userId: person.id }))).code).toBe('CONFLICT');
  });

  it('a change whose audit row cannot be written does not happen', async () => {
    const { organization, asAdmin } = await organizationWithAdmin();
    const person = await createUser(db, organization.id, 'monitor');
    await db.execute(sql`ALTER TABLE audit_log ADD CONSTRAINT audit_test_block CHECK (action <> 'membership.role_changed') NOT VALID`);
    try {
      await expect(asAdmin.admin.changeRole({ organizationId: organization.id, userId: person.id, currentRole: 'monitor', role: 'reviewer' })).rejects.toThrow();
    } finally {
      await db.execute(sql`ALTER TABLE audit_log DROP CONSTRAINT audit_test_block`);
    }
    const [membership] = await db.select({ role: memberships.role }).from(memberships).where(eq(memberships.userId, person.id));
    expect(membership?.role).toBe('monitor');
  });
});

describe('admins reach only the people of their own organizations', () => {
  it('answers NOT_FOUND for a person of another organization, exactly as for one who does not exist', async () => {
    const { organization: theirs } = await organizationWithAdmin();
    const person = await createUser(db, theirs.id, 'monitor');
    const { organization: mine, asAdmin } = await organizationWithAdmin();

    const viaMine = await failure(asAdmin.admin.deactivate({ organizationId: mine.id, userId: person.id }));
    const missing = await failure(asAdmin.admin.deactivate({ organizationId: mine.id, userId: '00000000-0000-4000-8000-000000000000' }));
    expect(viaMine).toEqual({ code: 'NOT_FOUND', message: 'No such account' });
    expect(viaMine).toEqual(missing);
    expect(await failure(asAdmin.admin.changeRole({ organizationId: mine.id, userId: person.id, currentRole: 'monitor', role: 'admin' }))).toEqual(missing);
    expect(await failure(asAdmin.admin.removeMember({ organizationId: mine.id, userId: person.id, currentRole: 'monitor' }))).toEqual(missing);
    expect(await failure(asAdmin.admin.newSetPasswordLink({ organizationId: mine.id, userId: person.id }))).toEqual(missing);

    // Naming their organization does not help: it "does not exist" for an outsider.
    expect(await failure(asAdmin.admin.deactivate({ organizationId: theirs.id, userId: person.id }))).toEqual({ code: 'NOT_FOUND', message: 'No such organization' });
    expect(await failure(asAdmin.admin.members({ organizationId: theirs.id }))).toEqual({ code: 'NOT_FOUND', message: 'No such organization' });

    const [account] = await db.select({ active: users.active }).from(users).where(eq(users.id, person.id));
    expect(account?.active).toBe(true);
  });

  it('does not let an admin change the account of a person who also belongs to an organization they do not administer', async () => {
    const { organization: theirs } = await organizationWithAdmin();
    const { organization: mine, asAdmin } = await organizationWithAdmin();
    const person = await createUser(db, theirs.id, 'reviewer');
    await db.insert(memberships).values({ userId: person.id, organizationId: mine.id, role: 'monitor' });

    const listed = (await asAdmin.admin.members({ organizationId: mine.id })).members.find((m) => m.userId === person.id);
    expect(listed?.otherOrganizations).toBe(1);
    expect((await failure(asAdmin.admin.deactivate({ organizationId: mine.id, userId: person.id }))).code).toBe('FORBIDDEN');
    expect((await failure(asAdmin.admin.newSetPasswordLink({ organizationId: mine.id, userId: person.id }))).code).toBe('FORBIDDEN');

    // Their role and membership in my organization are mine to change.
    await asAdmin.admin.changeRole({ organizationId: mine.id, userId: person.id, currentRole: 'monitor', role: 'reviewer' });
    await asAdmin.admin.removeMember({ organizationId: mine.id, userId: person.id, currentRole: 'reviewer' });
    expect((await (await callerFor(db, person.id)).viewer.me())?.memberships.map((m) => m.organizationId)).toEqual([theirs.id]);
  });

  it('tells a member who is not an admin that only admins may (FORBIDDEN)', async () => {
    const { organization } = await organizationWithAdmin();
    const reviewer = await createUser(db, organization.id, 'reviewer');
    const monitor = await createUser(db, organization.id, 'monitor');
    const asReviewer = await callerFor(db, reviewer.id);
    expect((await failure(asReviewer.admin.members({ organizationId: organization.id }))).code).toBe('FORBIDDEN');
    expect((await failure(asReviewer.admin.changeRole({ organizationId: organization.id, userId: monitor.id, currentRole: 'monitor', role: 'admin' }))).code).toBe(
      'FORBIDDEN',
    );
    expect((await failure(asReviewer.admin.auditLog({}))).code).toBe('FORBIDDEN');
  });
});
