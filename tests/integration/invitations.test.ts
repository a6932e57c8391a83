/**
 * Consent between organizations (issue 13). The pre-hijacking attack: an admin of organization A
 * makes the account of an email that later joins organization B, knows its password, and reads B's
 * data once B's admin adds "the existing account". Adding a person is an invitation now, answered
 * with a link that only the real person receives; an admin never sets a password nor learns which
 * emails have accounts, and reads only sign-ins from while the person was a member.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { checkSignIn } from '@/server/auth/sign-in';
import { createTestDatabase } from '../support/database';
import { anIncident, callerFor, createOrganization, createUser, seedVocabulary } from '../support/factories';

let database: Database;
let stamp = 0;
const uniqueEmail = (what: string) => `${what}-${Date.now()}-${++stamp}@example.org`;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedVocabulary(database.db);
});
afterAll(async () => {
  await database?.close();
});

async function organizationWithAdmin(name: string) {
  const organization = await createOrganization(database.db, name);
  const admin = await createUser(database.db, organization.id, 'admin');
  return { organization, admin, asAdmin: await callerFor(database.db, admin.id) };
}

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected a refusal');
}

describe('the pre-hijacking scenario', () => {
  it('gives organization A’s admin no way into organization B through an account they made', async () => {
    const a = await organizationWithAdmin('NGO A');
    const b = await organizationWithAdmin('NGO B');
    const email = uniqueEmail('target');
    const secret = await (await callerFor(database.db, b.admin.id)).incident.create({ organizationId: b.organization.id, incident: anIncident({ title: 'B’s confidential incident' }) });

    // A's admin invites the email and, holding the link, chooses the password themselves.
    const fromA = await a.asAdmin.admin.createUser({ organizationId: a.organization.id, name: 'Target', email, role: 'monitor' });
    const anonymous = await callerFor(database.db, null);
    await anonymous.account.joinWithInvitation({ token: fromA.link.token, password: 'known to the admin of A' });
    const taken = await checkSignIn(database.db, { email, password: 'known to the admin of A' }, '10.0.0.1');
    expect(taken).not.toBeNull();

    // B's admin adds the same email: the answer looks like any other invitation, and nobody joins yet.
    const fromB = await b.asAdmin.admin.createUser({ organizationId: b.organization.id, name: 'Target', email, role: 'reviewer' });
    expect(Object.keys(fromB).sort()).toEqual(['invitationId', 'link']);
    const asTaken = await callerFor(database.db, taken!.id);
    expect((await asTaken.viewer.me())!.memberships.map((m) => m.organizationId)).toEqual([a.organization.id]);
    expect((await failure(asTaken.incident.get({ id: secret.id }))).code).toBe('NOT_FOUND');

    // Without B's link (which went to the real person) A's admin cannot accept; with a guess, neither.
    expect((await failure(asTaken.account.acceptInvitation({ token: 'x'.repeat(43) }))).code).toBe('BAD_REQUEST');
    // The real person, with B's link, cannot make a second account for the email: they must sign in.
    expect((await failure(anonymous.account.joinWithInvitation({ token: fromB.link.token, password: 'the real person’s password' }))).message).toMatch(/sign in/);
    expect((await asTaken.viewer.me())!.memberships).toHaveLength(1);
  });

  it('never lets an admin choose a password: a password sent along is ignored and no account exists before the person answers', async () => {
    const a = await organizationWithAdmin('NGO C');
    const email = uniqueEmail('no-admin-password');
    await a.asAdmin.admin.createUser({ organizationId: a.organization.id, name: 'New', email, role: 'monitor', ...({ access: 'password', password: 'chosen by the admin' } as object) });
    expect(await checkSignIn(database.db, { email, password: 'chosen by the admin' }, '10.0.0.2')).toBeNull();
    expect((await a.asAdmin.admin.members({ organizationId: a.organization.id })).members.some((m) => m.email === email)).toBe(false);
    expect((await a.asAdmin.admin.invitations({ organizationId: a.organization.id })).map((i) => i.email)).toContain(email);
  });
});

describe('invitations', () => {
  it('answers alike whether the email has an account or not', async () => {
    const other = await organizationWithAdmin('NGO D');
    const existing = await createUser(database.db, other.organization.id, 'monitor', { email: uniqueEmail('has-account') });
    const b = await organizationWithAdmin('NGO E');
    const forExisting = await b.asAdmin.admin.createUser({ organizationId: b.organization.id, name: 'Has account', email: existing.email, role: 'monitor' });
    const forNew = await b.asAdmin.admin.createUser({ organizationId: b.organization.id, name: 'New', email: uniqueEmail('new'), role: 'monitor' });
    expect(Object.keys(forExisting).sort()).toEqual(Object.keys(forNew).sort());
    const pending = await b.asAdmin.admin.invitations({ organizationId: b.organization.id });
    expect(pending.map((i) => Object.keys(i).sort())).toEqual([Object.keys(pending[0]!).sort(), Object.keys(pending[0]!).sort()]);
    const log = await b.asAdmin.admin.auditLog({ organizationId: b.organization.id });
    const invited = log.items.filter((e) => e.action === 'invitation.created');
    expect(invited).toHaveLength(2);
    expect(invited.every((e) => e.subject?.type === 'invitation' && e.subject.email === null)).toBe(true);
  });

  it('lets a person with an account accept while signed in, keeping their name and password; only the invited email', async () => {
    const first = await organizationWithAdmin('NGO F');
    const person = await createUser(database.db, first.organization.id, 'monitor', { email: uniqueEmail('shared'), password: 'their own password' });
    const stranger = await createUser(database.db, first.organization.id, 'monitor');
    const second = await organizationWithAdmin('NGO G');
    const { link } = await second.asAdmin.admin.createUser({ organizationId: second.organization.id, name: 'Another name', email: person.email, role: 'reviewer' });

    expect((await failure((await callerFor(database.db, stranger.id)).account.acceptInvitation({ token: link.token }))).message).toContain(person.email);
    expect((await failure((await callerFor(database.db, null)).account.acceptInvitation({ token: link.token }))).code).toBe('UNAUTHORIZED');
    const asPerson = await callerFor(database.db, person.id);
    await expect(asPerson.account.invitation({ token: link.token })).resolves.toEqual({ organizationName: 'NGO G', email: person.email, role: 'reviewer' });
    await asPerson.account.acceptInvitation({ token: link.token });
    // A new request reads the person again.
    expect((await (await callerFor(database.db, person.id)).viewer.me())!.memberships).toEqual(expect.arrayContaining([expect.objectContaining({ organizationId: second.organization.id, role: 'reviewer' })]));
    expect(await checkSignIn(database.db, { email: person.email, password: 'their own password' }, '10.0.0.3')).toMatchObject({ name: person.name });
    expect((await failure(asPerson.account.acceptInvitation({ token: link.token }))).code).toBe('BAD_REQUEST');
  });

  it('lets a new person choose their password with the link, once; a withdrawn invitation no longer works', async () => {
    const a = await organizationWithAdmin('NGO H');
    const email = uniqueEmail('newcomer');
    const { link } = await a.asAdmin.admin.createUser({ organizationId: a.organization.id, name: 'Newcomer', email, role: 'monitor' });
    const anonymous = await callerFor(database.db, null);
    await expect(anonymous.account.joinWithInvitation({ token: link.token, password: 'my own chosen password' })).resolves.toEqual({ email });
    const user = await checkSignIn(database.db, { email, password: 'my own chosen password' }, '10.0.0.4');
    expect((await a.asAdmin.admin.members({ organizationId: a.organization.id })).members.find((m) => m.userId === user!.id)).toMatchObject({ name: 'Newcomer', role: 'monitor' });
    expect((await failure(anonymous.account.joinWithInvitation({ token: link.token, password: 'someone else took it' }))).code).toBe('BAD_REQUEST');

    const withdrawn = await a.asAdmin.admin.createUser({ organizationId: a.organization.id, name: 'Withdrawn', email: uniqueEmail('withdrawn'), role: 'monitor' });
    await a.asAdmin.admin.withdrawInvitation({ organizationId: a.organization.id, invitationId: withdrawn.invitationId });
    expect((await failure(anonymous.account.invitation({ token: withdrawn.link.token }))).code).toBe('BAD_REQUEST');
  });
});

describe('an admin’s audit view', () => {
  it('shows a member’s sign-ins only from when they joined, and nothing of another organization', async () => {
    const first = await organizationWithAdmin('NGO I');
    const person = await createUser(database.db, first.organization.id, 'monitor', { email: uniqueEmail('history'), password: 'their own password' });
    await checkSignIn(database.db, { email: person.email, password: 'their own password' }, '198.51.100.7');
    await checkSignIn(database.db, { email: person.email, password: 'a wrong one' }, '198.51.100.7');
    const second = await organizationWithAdmin('NGO J');
    const { link } = await second.asAdmin.admin.createUser({ organizationId: second.organization.id, name: 'History', email: person.email, role: 'monitor' });
    await (await callerFor(database.db, person.id)).account.acceptInvitation({ token: link.token });
    await checkSignIn(database.db, { email: person.email, password: 'their own password' }, '203.0.113.9');

    const seen = (await second.asAdmin.admin.auditLog({ organizationId: second.organization.id })).items;
    const signIns = seen.filter((e) => e.action.startsWith('user.sign_in'));
    expect(signIns.map((e) => e.details.address)).toEqual(['203.0.113.9']);
    expect(seen.every((e) => e.organization === null || e.organization.id === second.organization.id)).toBe(true);
    // The first organization still sees the whole history of its member.
    const firstSees = (await first.asAdmin.admin.auditLog({ organizationId: first.organization.id })).items.filter((e) => e.action.startsWith('user.sign_in'));
    expect(firstSees.map((e) => e.details.address).sort()).toEqual(['198.51.100.7', '198.51.100.7', '203.0.113.9']);
  });
});
