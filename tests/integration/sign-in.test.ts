import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { checkSignIn } from '@/server/auth/sign-in';
import { throttleRules } from '@/server/auth/throttle';
import { createTestDatabase } from '../support/database';
import { createOrganization, createUser } from '../support/factories';

let database: Database;
let organizationId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  organizationId = (await createOrganization(database.db)).id;
});
afterAll(async () => {
  await database?.close();
});

describe('signing in', () => {
  it('accepts the right password, with the email in any case, and stores only an argon2id hash', async () => {
    const user = await createUser(database.db, organizationId, 'monitor', { email: 'aigerim@example.org', password: 'correct horse battery' });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    const result = await checkSignIn(database.db, { email: 'Aigerim@Example.org', password: 'correct horse battery' }, '10.0.0.1');
    expect(result).toEqual({ id: user.id, email: 'aigerim@example.org', name: user.name });
  });

  it('answers a wrong password and an unknown email alike', async () => {
    await createUser(database.db, organizationId, 'monitor', { email: 'daniyar@example.org', password: 'right password' });
    expect(await checkSignIn(database.db, { email: 'daniyar@example.org', password: 'wrong' }, '10.0.0.2')).toBeNull();
    expect(await checkSignIn(database.db, { email: 'nobody@example.org', password: 'wrong' }, '10.0.0.2')).toBeNull();
    expect(await checkSignIn(database.db, { email: 'not an email', password: '' }, '10.0.0.2')).toBeNull();
  });

  it('refuses a deactivated account even with the right password', async () => {
    const user = await createUser(database.db, organizationId, 'monitor', { email: 'former@example.org', password: 'right password' });
    await database.db.execute(sql`UPDATE users SET active = false WHERE id = ${user.id}`);
    expect(await checkSignIn(database.db, { email: 'former@example.org', password: 'right password' }, '10.0.0.3')).toBeNull();
  });

  it('blocks an account after repeated failures, even for the right password, from any address', async () => {
    await createUser(database.db, organizationId, 'monitor', { email: 'target@example.org', password: 'right password' });
    for (let i = 0; i < throttleRules.account.maxFailures; i++) {
      expect(await checkSignIn(database.db, { email: 'target@example.org', password: `guess ${i}` }, `10.1.0.${i}`)).toBeNull();
    }
    expect(await checkSignIn(database.db, { email: 'target@example.org', password: 'right password' }, '10.9.9.9')).toBeNull();
  });

  it('blocks an address that tries many accounts', async () => {
    await createUser(database.db, organizationId, 'monitor', { email: 'victim-of-spray@example.org', password: 'right password' });
    for (let i = 0; i < throttleRules.address.maxFailures; i++) {
      await checkSignIn(database.db, { email: `spray-${i}@example.org`, password: 'guess' }, '203.0.113.7');
    }
    expect(await checkSignIn(database.db, { email: 'victim-of-spray@example.org', password: 'right password' }, '203.0.113.7')).toBeNull();
    expect(await checkSignIn(database.db, { email: 'victim-of-spray@example.org', password: 'right password' }, '198.51.100.1')).not.toBeNull();
  });
});
