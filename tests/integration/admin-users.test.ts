/**
 * Admins manage the people of their organization: invite them (tests/integration/invitations.test.ts),
 * give them set-password links, change roles, remove, deactivate and reactivate. Changes take effect
 * on the person's next request. What an admin may not do: tests/integration/admin-users-limits.test.ts.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, setPasswordLinks, users } from '@/db/schema';
import { checkSignIn } from '@/server/auth/sign-in';
import { closeSetup, db, failure, openSetup, organizationWithAdmin } from '../support/admin-users-setup';
import { anIncident, callerFor, callOverHttp, createUser } from '../support/factories';

beforeAll(openSetup);
afterAll(closeSetup);

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
    });
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
    });
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
