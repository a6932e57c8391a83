/**
 * Admins manage the people of their organization: invite them (tests/integration/invitations.test.ts),
 * change roles, remove, deactivate and reactivate. Changes take effect on the person's next
 * request, an organization always keeps an active admin, and an admin of one organization cannot
 * reach the people of another.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { and, count, eq, sql } from 'drizzle-orm';
import type { Database, Db } from '@/db/client';
import { auditLog, memberships, setPasswordLinks, users } from '@/db/schema';
import { checkSignIn } from '@/server/auth/sign-in';
import { createTestDatabase } from '../support/database';
import { anIncident, callerFor, callOverHttp, createOrganization, createUser, seedVocabulary } from '../support/factories';

let database: Database;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  await seedVocabulary(db);
});
afterAll(async () => {
  await database?.close();
});

/** An organization with its admin, as the admin's caller. */
async function organizationWithAdmin() {
  const organization = await createOrganization(db);
  const admin = await createUser(db, organization.id, 'admin');
  return { organization, admin, asAdmin: await callerFor(db, admin.id) };
}

async function failure(run: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await run;
  } catch (error) {
    if (error instanceof TRPCError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected the call to be refused');
}

const uniqueEmail = (who: string) => `${who}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`;

describe('adding people', () => {
  it('invites with a one-time link; the person chooses their password with it and joins; nothing of the password is audited', async () => {
    const { organization, admin, asAdmin } = await organizationWithAdmin();
    const email = uniqueEmail('Gulnara');
    const created = await asAdmin.admin.createUser({ organizationId: organization.id, name: 'Gulnara Sadykova', email: email.toUpperCase(), role: 'monitor' });
    await (await callerFor(db, null)).account.joinWithInvitation({ token: created.link.token, password: 'a long enough password' });

    const signedIn = await checkSignIn(db, { email, password: 'a long enough password' }, '10.0.0.1');
    expect(signedIn).toMatchObject({ email: email.toLowerCase(), name: 'Gulnara Sadykova' });
    const members = await asAdmin.admin.members({ organizationId: organization.id });
    expect(members.members.find((m) => m.userId === signedIn!.id)).toMatchObject({ role: 'monitor', active: true, linkExpiresAt: null });

    const [row] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'invitation.created'), eq(auditLog.subjectId, created.invitationId)));
    expect(row).toMatchObject({ actorId: admin.id, organizationId: organization.id, subjectType: 'invitation' });
    expect(row!.details).toMatchObject({ name: 'Gulnara Sadykova', email: email.toLowerCase(), role: 'monitor' });
    expect(JSON.stringify(await db.select().from(auditLog))).not.toContain('a long enough password');
  });

  it('refuses a missing name and a bad email with field messages', async () => {
    const { organization } = await organizationWithAdmin();
    const response = await callOverHttp(db, (await createUserIn(organization.id, 'admin')).id, 'admin.createUser', {
      organizationId: organization.id,
      name: ' ',
      email: 'not an email',
      role: 'monitor',
    }, 'POST', { signedInNow: true });
    expect(response.status).toBe(400);
    expect(response.body.error?.json.data.fieldErrors).toMatchObject({ name: 'Enter the person’s name', email: 'Enter an email address such as name@example.org' });
  });

  it('gives a member a one-time set-password link, kept only as a hash, with which they set their password once', async () => {
    const { organization, asAdmin } = await organizationWithAdmin();
    const email = uniqueEmail('invited');
    const member = await createUser(db, organization.id, 'reviewer', { email });
    const link = await asAdmin.admin.newSetPasswordLink({ organizationId: organization.id, userId: member.id });
    const token = link.token;
    expect(token.length).toBeGreaterThanOrEqual(40);

    const [stored] = await db.select().from(setPasswordLinks).where(eq(setPasswordLinks.userId, member.id));
    expect(stored!.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(await db.select().from(setPasswordLinks))).not.toContain(token);
    expect((await asAdmin.admin.members({ organizationId: organization.id })).members.find((m) => m.userId === member.id)?.linkExpiresAt).toEqual(link.expiresAt);

    const anonymous = await callerFor(db, null);
    await anonymous.account.setPasswordWithLink({ token, password: 'my own chosen password' });
    expect(await checkSignIn(db, { email, password: 'my own chosen password' }, '10.0.0.2')).toMatchObject({ id: member.id });

    const again = await failure(anonymous.account.setPasswordWithLink({ token, password: 'someone else took it' }));
    const unknown = await failure(anonymous.account.setPasswordWithLink({ token: 'x'.repeat(43), password: 'someone else took it' }));
    expect(again.code).toBe('BAD_REQUEST');
    expect(again).toEqual(unknown);
    expect(await checkSignIn(db, { email, password: 'someone else took it' }, '10.0.0.2')).toBeNull();
  });

  it('refuses an expired link, and a link replaced by a newer one', async () => {
    const { organization, asAdmin } = await organizationWithAdmin();
    const member = await createUser(db, organization.id, 'monitor', { email: uniqueEmail('late') });
    const first = await asAdmin.admin.newSetPasswordLink({ organizationId: organization.id, userId: member.id });
    const newer = await asAdmin.admin.newSetPasswordLink({ organizationId: organization.id, userId: member.id });
    const anonymous = await callerFor(db, null);
    expect((await failure(anonymous.account.setPasswordWithLink({ token: first.token, password: 'the first link is dead' }))).code).toBe('BAD_REQUEST');

    await db.update(setPasswordLinks).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(setPasswordLinks.userId, member.id));
    expect((await failure(anonymous.account.setPasswordWithLink({ token: newer.token, password: 'the newer link expired' }))).code).toBe('BAD_REQUEST');
  });

  it('refuses to invite someone who is a member already', async () => {
    const { organization } = await organizationWithAdmin();
    const person = await createUser(db, organization.id, 'monitor', { email: uniqueEmail('shared') });
    const twice = await callOverHttp(db, (await createUserIn(organization.id, 'admin')).id, 'admin.createUser', {
      organizationId: organization.id,
      name: 'x',
      email: person.email,
      role: 'monitor',
    }, 'POST', { signedInNow: true });
    expect(twice.body.error?.json.data.fieldErrors).toEqual({ email: 'This person is already a member of the organization.' });
  });
});

async function createUserIn(organizationId: string, role: 'monitor' | 'reviewer' | 'admin') {
  return createUser(db, organizationId, role);
}

describe('changes take effect on the next request', () => {
  it('a role change applies to the very next request', async () => {
    const { organization, asAdmin } = await organizationWithAdmin();
    const person = await createUser(db, organization.id, 'monitor');
    const before = await callOverHttp(db, person.id, 'admin.members', { organizationId: organization.id }, 'GET');
    expect(before.status).toBe(403);

    await asAdmin.admin.changeRole({ organizationId: organization.id, userId: person.id, currentRole: 'monitor', role: 'admin' });
    const after = await callOverHttp(db, person.id, 'admin.members', { organizationId: organization.id }, 'GET');
    expect(after.status).toBe(200);

    await asAdmin.admin.changeRole({ organizationId: organization.id, userId: person.id, currentRole: 'admin', role: 'reviewer' });
    expect((await callOverHttp(db, person.id, 'admin.members', { organizationId: organization.id }, 'GET')).status).toBe(403);
    expect((await (await callerFor(db, person.id)).viewer.me())?.memberships).toEqual([
      expect.objectContaining({ organizationId: organization.id, role: 'reviewer' }),
    ]);
  });

  it('a deactivated person is refused at their next request and cannot sign in; reactivation restores both', async () => {
    const { organization, asAdmin } = await organizationWithAdmin();
    const person = await createUser(db, organization.id, 'monitor', { email: uniqueEmail('leaving'), password: 'leaving password' });
    expect((await callOverHttp(db, person.id, 'incident.list', {}, 'GET')).status).toBe(200);

    await asAdmin.admin.deactivate({ organizationId: organization.id, userId: person.id });
    const refused = await callOverHttp(db, person.id, 'incident.list', {}, 'GET');
    expect(refused.status).toBe(401);
    expect(refused.body.error?.json.data.code).toBe('UNAUTHORIZED');
    expect(await checkSignIn(db, { email: person.email, password: 'leaving password' }, '10.0.0.4')).toBeNull();
    expect((await asAdmin.admin.members({ organizationId: organization.id })).members.find((m) => m.userId === person.id)?.active).toBe(false);

    await asAdmin.admin.reactivate({ organizationId: organization.id, userId: person.id });
    expect((await callOverHttp(db, person.id, 'incident.list', {}, 'GET')).status).toBe(200);
    expect(await checkSignIn(db, { email: person.email, password: 'leaving password' }, '10.0.0.4')).not.toBeNull();
  });

  it('a removed member no longer sees the organization, and keeps their account', async () => {
    const { organization, asAdmin } = await organizationWithAdmin();
    const person = await createUser(db, organization.id, 'reviewer');
    await asAdmin.admin.removeMember({ organizationId: organization.id, userId: person.id, currentRole: 'reviewer' });
    expect((await (await callerFor(db, person.id)).viewer.me())?.memberships).toEqual([]);
    const creating = (await callerFor(db, person.id)).incident.create({ organizationId: organization.id, incident: anIncident() });
    expect(await failure(creating)).toEqual({ code: 'NOT_FOUND', message: 'No such organization' });
    const [account] = await db.select({ active: users.active }).from(users).where(eq(users.id, person.id));
    expect(account?.active).toBe(true);
  });
});

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
    expect(viaMine).toEqual({ code: 'NOT_FOUND', message: 'No such person' });
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
