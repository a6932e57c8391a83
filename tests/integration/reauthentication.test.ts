/**
 * Re-authentication (issue 13, item 3): role changes and person merges need the password proved in
 * this session within the last five minutes; a session signed in earlier confirms it again first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { persons } from '@/db/schema';
import { recentAuthMessage } from '@/server/auth/require-recent-auth';
import { createTestDatabase } from '../support/database';
import { callerFor, createOrganization, createUser } from '../support/factories';
import { signInOverHttp, trpcOverHttp } from '../support/http-session';

let database: Database;
let organizationId: string;
const password = 'steppe lantern orchard violin';
const sixMinutesAgo = () => new Date(Date.now() - 6 * 60_000);

beforeAll(async () => {
  database = await createTestDatabase();
  organizationId = (await createOrganization(database.db)).id;
});
afterAll(async () => {
  await database?.close();
});

async function roleOf(userId: string) {
  const rows = await database.db.execute(sql`SELECT role FROM memberships WHERE user_id = ${userId} AND organization_id = ${organizationId}`);
  return (rows as unknown as { role: string }[])[0]?.role;
}

describe('re-authentication', () => {
  it('refuses a role change in a session signed in six minutes ago, until the password is confirmed again', async () => {
    const admin = await createUser(database.db, organizationId, 'admin', { email: `admin-${Date.now()}@example.org`, password });
    const member = await createUser(database.db, organizationId, 'monitor');
    const browser = (await signInOverHttp(database.db, admin.email, password))!;
    await database.db.execute(sql`UPDATE sessions SET authenticated_at = now() - interval '6 minutes' WHERE user_id = ${admin.id}`);

    const change = { organizationId, userId: member.id, currentRole: 'monitor', role: 'reviewer' };
    const refused = await trpcOverHttp(database.db, browser, 'admin.changeRole', change, 'POST');
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).toContain(recentAuthMessage);
    expect(await roleOf(member.id)).toBe('monitor');

    expect((await trpcOverHttp(database.db, browser, 'session.confirmPassword', { password: 'not my password at all' }, 'POST')).status).toBe(400);
    expect((await trpcOverHttp(database.db, browser, 'admin.changeRole', change, 'POST')).status).toBe(403);
    expect((await trpcOverHttp(database.db, browser, 'session.confirmPassword', { password }, 'POST')).status).toBe(200);
    expect((await trpcOverHttp(database.db, browser, 'admin.changeRole', change, 'POST')).status).toBe(200);
    expect(await roleOf(member.id)).toBe('reviewer');
  });

  it('refuses a person merge in a session signed in six minutes ago, and allows it just after sign-in', async () => {
    const reviewer = await createUser(database.db, organizationId, 'reviewer');
    const [a, b] = await database.db
      .insert(persons)
      .values([
        { organizationId, ref: `person:a-${Date.now()}`, name: 'Aigul Example' },
        { organizationId, ref: `person:b-${Date.now()}`, name: 'Aigul Exampel' },
      ])
      .returning({ id: persons.id });
    const merge = { id: a!.id, version: 1, duplicateId: b!.id, duplicateVersion: 1 };
    const stale = await callerFor(database.db, reviewer.id, { authenticatedAt: sixMinutesAgo() });
    await expect(stale.person.merge(merge)).rejects.toMatchObject({ code: 'FORBIDDEN', message: recentAuthMessage });
    await expect((await callerFor(database.db, reviewer.id)).person.merge(merge)).resolves.toBeTruthy();
  });

  it('refuses invitations, set-password links and the second-factor rule in a session signed in six minutes ago (security review, item 2)', async () => {
    const organization = (await createOrganization(database.db)).id;
    const admin = await createUser(database.db, organization, 'admin');
    const member = await createUser(database.db, organization, 'monitor');
    const stale = await callerFor(database.db, admin.id, { authenticatedAt: sixMinutesAgo() });
    const invitation = () => ({ organizationId: organization, name: 'Newcomer', email: `newcomer-${Date.now()}@example.org`, role: 'admin' as const });
    const recentAuthRequired = { code: 'FORBIDDEN', problem: { code: 'auth.recentAuthRequired' } };
    await expect(stale.admin.createUser(invitation())).rejects.toMatchObject(recentAuthRequired);
    await expect(stale.admin.newSetPasswordLink({ organizationId: organization, userId: member.id })).rejects.toMatchObject(recentAuthRequired);
    await expect(stale.admin.setSecondFactorPolicy({ organizationId: organization, policy: 'everyone' })).rejects.toMatchObject(recentAuthRequired);
    const counts = async () =>
      (
        (await database.db.execute(
          sql`SELECT (SELECT count(*) FROM invitations WHERE organization_id = ${organization})::int AS invitations, (SELECT second_factor_policy FROM organizations WHERE id = ${organization}) AS policy`,
        )) as unknown as { invitations: number; policy: string }[]
      )[0];
    expect(await counts()).toEqual({ invitations: 0, policy: 'nobody' });

    const fresh = await callerFor(database.db, admin.id);
    await expect(fresh.admin.createUser(invitation())).resolves.toMatchObject({ link: { token: expect.any(String) } });
    await expect(fresh.admin.newSetPasswordLink({ organizationId: organization, userId: member.id })).resolves.toBeTruthy();
    await fresh.admin.setSecondFactorPolicy({ organizationId: organization, policy: 'everyone' });
    expect(await counts()).toEqual({ invitations: 1, policy: 'everyone' });
  });

  it('refuses a caller that came without a browser session at all', async () => {
    const admin = await createUser(database.db, organizationId, 'admin');
    const member = await createUser(database.db, organizationId, 'monitor');
    const { createCaller } = await import('@/server/routers');
    const { createContext } = await import('@/server/trpc');
    const caller = createCaller(await createContext(database.db, admin.id));
    await expect(caller.admin.changeRole({ organizationId, userId: member.id, currentRole: 'monitor', role: 'reviewer' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
