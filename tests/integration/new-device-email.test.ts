/**
 * The email about a sign-in from a new device (issue 13, item 7): sent once per notice by
 * `npm run notify:email`, saying which device and network, and nothing of any record.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { emailNewDeviceNotices, type NewDeviceEmail } from '@/server/auth/new-device-email';
import { createTestDatabase } from '../support/database';
import { createOrganization, createUser } from '../support/factories';
import { signInOverHttp } from '../support/http-session';

let database: Database;
const password = 'lantern pebble orchard river';

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

it('emails a new-device sign-in once, with the device and network only, and gives a failed send back', async () => {
  const organization = await createOrganization(database.db);
  const person = await createUser(database.db, organization.id, 'monitor', { email: `walker-${Date.now()}@example.org`, password });
  await signInOverHttp(database.db, person.email, password, 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0');
  await signInOverHttp(database.db, person.email, password, 'Mozilla/5.0 (Linux; Android 14) Chrome/140.0 Mobile Safari/537.36');

  await expect(emailNewDeviceNotices(database.db, async () => Promise.reject(new Error('mail server down')))).resolves.toEqual({ sent: 0, failed: 1 });
  const sent: NewDeviceEmail[] = [];
  await expect(emailNewDeviceNotices(database.db, async (email) => void sent.push(email))).resolves.toEqual({ sent: 1, failed: 0 });
  expect(sent).toEqual([{ to: person.email, name: person.name, device: 'Chrome on Android', network: '203.0.113.0/24', at: expect.any(Date) }]);
  await expect(emailNewDeviceNotices(database.db, async (email) => void sent.push(email))).resolves.toEqual({ sent: 0, failed: 0 });
});
