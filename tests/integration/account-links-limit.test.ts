/**
 * Security review, item 8: invitations and set-password links hand out ways into accounts, so each
 * admin makes a bounded number in a short time (a stolen admin session cannot mint hundreds); the
 * limit is per admin, in PostgreSQL, and another admin is not held up by it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { limitRules } from '@/server/limits/buckets';
import { createTestDatabase } from '../support/database';
import { callerFor, createOrganization, createUser } from '../support/factories';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe('invitations and set-password links', () => {
  it('are limited per admin, with a code the browser words', async () => {
    const organizationId = (await createOrganization(database.db)).id;
    const admin = await callerFor(database.db, (await createUser(database.db, organizationId, 'admin')).id);
    const otherAdmin = await callerFor(database.db, (await createUser(database.db, organizationId, 'admin')).id);
    const member = await createUser(database.db, organizationId, 'monitor');
    const invite = (caller: typeof admin, n: number) => caller.admin.createUser({ organizationId, name: `Invitee ${n}`, email: `invitee-${n}-${Date.now()}@example.org`, role: 'monitor' });

    const allowance = limitRules.accountLinks.capacity;
    expect(allowance).toBeLessThanOrEqual(30);
    for (let n = 1; n < allowance; n++) await invite(admin, n);
    await admin.admin.newSetPasswordLink({ organizationId, userId: member.id });

    await expect(invite(admin, allowance + 1)).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS', problem: { code: 'limits.accountLinks' } });
    await expect(admin.admin.newSetPasswordLink({ organizationId, userId: member.id })).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    await expect(invite(otherAdmin, allowance + 2)).resolves.toMatchObject({ link: { token: expect.any(String) } });
  });
});
