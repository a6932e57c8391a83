/**
 * Security review, item 4: a session that has given only the password learns from `factor.status`
 * what the second-factor page needs (which methods the account has), and nothing of the account's
 * passkeys (their names and dates) or how many recovery codes are left.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from 'otplib';
import type { Database } from '@/db/client';
import { createTestDatabase } from '../support/database';
import { createOrganization, createUser } from '../support/factories';
import { signInOverHttp, trpcOverHttp } from '../support/http-session';

let database: Database;
const password = 'saffron glacier tandem orchard';
const data = (answer: { body: { result?: { data: { json: unknown } } } }) => answer.body.result?.data.json as Record<string, unknown>;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe('factor.status', () => {
  it('tells a session with the second factor pending only which methods exist', async () => {
    const organization = await createOrganization(database.db);
    const person = await createUser(database.db, organization.id, 'reviewer', { email: `status-${Date.now()}@example.org`, password });
    const first = (await signInOverHttp(database.db, person.email, password))!;
    const { secret } = data(await trpcOverHttp(database.db, first, 'factor.startTotp', undefined, 'POST')) as { secret: string };
    expect((await trpcOverHttp(database.db, first, 'factor.confirmTotp', { code: await generate({ secret }) }, 'POST')).status).toBe(200);
    // The complete session sees its factors in full (the account page).
    expect(data(await trpcOverHttp(database.db, first, 'factor.status'))).toMatchObject({ gate: null, totp: true, passkeys: [], recoveryCodesLeft: 10 });

    const pending = (await signInOverHttp(database.db, person.email, password))!;
    expect(data(await trpcOverHttp(database.db, pending, 'factor.status'))).toStrictEqual({ gate: 'second_factor', required: false, totp: true, passkey: false, passwordFresh: true });
  });
});
