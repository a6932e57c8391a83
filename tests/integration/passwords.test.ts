/**
 * New passwords (issue 13, item 6): at least 12 characters, no composition rules, refused when
 * among the most common breached passwords or too easy to guess; and a deactivated person is told
 * so at sign-in rather than that their password is wrong (item 7).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { passwordMessages } from '@/common/password-messages';
import { passwordProblem } from '@/server/auth/password-strength';
import { callerFor, callOverHttp, createOrganization, createUser } from '../support/factories';
import { signInErrorOverHttp } from '../support/http-session';
import { fileDatabase } from '../support/file-database';

const { database } = fileDatabase({ vocabulary: false });
let organizationId: string;
let adminId: string;

beforeAll(async () => {
  organizationId = (await createOrganization(database.db)).id;
  adminId = (await createUser(database.db, organizationId, 'admin')).id;
});

describe('the strength of a new password', () => {
  it('refuses twelve of the same letter, keyboard rows and breached favourites; accepts a few unrelated words', () => {
    expect(passwordProblem('aaaaaaaaaaaa')).toBe('weak');
    expect(passwordProblem('1qaz2wsx3edc')).toBe('common');
    expect(passwordProblem('Qwerty123456')).toBe('common');
    expect(passwordProblem('password1234')).not.toBeNull();
    expect(passwordProblem('пароль123456')).not.toBeNull();
    expect(passwordProblem('kazakhstan2024')).not.toBeNull();
    expect(passwordProblem('correct horse battery staple')).toBeNull();
    // No composition rules: lower-case words only are fine.
    expect(passwordProblem('steppe lantern orchard violin')).toBeNull();
  });

  it('is enforced when a password is set with a link, with a field message the form translates', async () => {
    const member = await createUser(database.db, organizationId, 'monitor');
    const link = await (await callerFor(database.db, adminId)).admin.newSetPasswordLink({ organizationId, userId: member.id });
    const weak = await callOverHttp(database.db, null, 'account.setPasswordWithLink', { token: link.token, password: 'aaaaaaaaaaaa' });
    expect(weak.status).toBe(400);
    expect(weak.body.error?.json.data.fieldErrors).toEqual({ password: passwordMessages.weak });
    const common = await callOverHttp(database.db, null, 'account.setPasswordWithLink', { token: link.token, password: '123qweasdzxc' });
    expect(common.body.error?.json.data.fieldErrors).toEqual({ password: passwordMessages.common });
    // The link still works for a good one.
    const good = await callOverHttp(database.db, null, 'account.setPasswordWithLink', { token: link.token, password: 'steppe lantern orchard violin' });
    expect(good.status).toBe(200);
  });

  it('is enforced when a new person joins with an invitation', async () => {
    const { link } = await (await callerFor(database.db, adminId)).admin.createUser({ organizationId, name: 'New', email: `new-${Date.now()}@example.org`, role: 'monitor' });
    const weak = await callOverHttp(database.db, null, 'account.joinWithInvitation', { token: link.token, password: 'aaaaaaaaaaaa' });
    expect(weak.body.error?.json.data.fieldErrors).toEqual({ password: passwordMessages.weak });
  });
});

describe('a deactivated person signing in', () => {
  it('is told the account is deactivated when the password is right, and nothing more when it is wrong', async () => {
    const email = `leaving-${Date.now()}@example.org`;
    const person = await createUser(database.db, organizationId, 'monitor', { email, password: 'steppe lantern orchard violin' });
    await (await callerFor(database.db, adminId)).admin.deactivate({ organizationId, userId: person.id });
    expect(await signInErrorOverHttp(database.db, email, 'steppe lantern orchard violin')).toBe('AccountDeactivated');
    expect(await signInErrorOverHttp(database.db, email, 'a wrong password here')).toBe('CredentialsSignin');
    expect(await signInErrorOverHttp(database.db, `nobody-${Date.now()}@example.org`, 'steppe lantern orchard violin')).toBe('CredentialsSignin');
  });
});
