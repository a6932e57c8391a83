/**
 * Security review, item 1: someone who finds a signed-in browser must not add their own passkey or
 * authenticator app to the account. Adding a factor needs a recent proof of who one is, also at the
 * enrolment gate (the organization requires a factor, the person has none), where the password can
 * be confirmed again. And adding a factor never counts as that proof.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { generate } from 'otplib';
import type { Database } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { createTestDatabase } from '../support/database';
import { createOrganization, createUser } from '../support/factories';
import { signInOverHttp, trpcOverHttp } from '../support/http-session';

let database: Database;
const password = 'cobalt meadow lantern ferry';
type Jar = NonNullable<Awaited<ReturnType<typeof signInOverHttp>>>;
const data = <T>(answer: { body: { result?: { data: { json: unknown } } } }) => answer.body.result?.data.json as T;
const problemOf = (answer: { body: unknown }) => (answer.body as { error?: { json: { data: { problem: { code: string } | null } } } }).error?.json.data.problem?.code;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function signedIn(policy: 'nobody' | 'everyone') {
  const organization = await createOrganization(database.db, undefined, policy);
  const person = await createUser(database.db, organization.id, 'monitor', { email: `enrol-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.org`, password });
  const browser = (await signInOverHttp(database.db, person.email, password))!;
  return { person, browser };
}

const signedInMinutesAgo = (userId: string, minutes: number) =>
  database.db.execute(sql`UPDATE sessions SET authenticated_at = now() - make_interval(mins => ${minutes}) WHERE user_id = ${userId}`);

async function minutesSinceProof(userId: string): Promise<number> {
  const [row] = rowsOf<{ minutes: number }>(await database.db.execute(sql`SELECT extract(epoch FROM now() - authenticated_at) / 60 AS minutes FROM sessions WHERE user_id = ${userId} AND ended_at IS NULL`));
  return Number(row!.minutes);
}

async function enrolTotp(browser: Jar) {
  const started = await trpcOverHttp(database.db, browser, 'factor.startTotp', undefined, 'POST');
  expect(started.status).toBe(200);
  const { secret } = data<{ secret: string }>(started);
  return trpcOverHttp(database.db, browser, 'factor.confirmTotp', { code: await generate({ secret }) }, 'POST');
}

describe('adding a second factor to a complete session', () => {
  it('is refused once the sign-in is more than five minutes old, until the password is confirmed again', async () => {
    const { person, browser } = await signedIn('nobody');
    await signedInMinutesAgo(person.id, 6);

    for (const path of ['factor.startTotp', 'factor.passkeyRegistrationOptions']) {
      const refused = await trpcOverHttp(database.db, browser, path, undefined, 'POST');
      expect(refused.status, path).toBe(403);
      expect(problemOf(refused), path).toBe('auth.recentAuthRequired');
    }
    expect((await trpcOverHttp(database.db, browser, 'factor.confirmTotp', { code: '123456' }, 'POST')).status).toBe(403);
    const passkey = { response: { id: 'AAAA', rawId: 'AAAA', type: 'public-key', response: { clientDataJSON: 'AAAA', attestationObject: 'AAAA' }, clientExtensionResults: {} } };
    expect((await trpcOverHttp(database.db, browser, 'factor.registerPasskey', passkey, 'POST')).status).toBe(403);
    const factors = rowsOf<{ n: number }>(await database.db.execute(sql`SELECT count(*)::int AS n FROM totp_factors WHERE user_id = ${person.id}`));
    expect(factors[0]!.n).toBe(0);

    expect((await trpcOverHttp(database.db, browser, 'session.confirmPassword', { password }, 'POST')).status).toBe(200);
    expect((await enrolTotp(browser)).status).toBe(200);
  });

  it('does not count as proving who one is: the time of the last proof stays as it was', async () => {
    const { person, browser } = await signedIn('nobody');
    await signedInMinutesAgo(person.id, 4);
    expect((await enrolTotp(browser)).status).toBe(200);
    expect(await minutesSinceProof(person.id)).toBeGreaterThan(3.9);
  });
});

describe('the enrolment gate', () => {
  it('enrols right after signing in, and the enrolment does not stand in for a proof afterwards', async () => {
    const { person, browser } = await signedIn('everyone');
    await signedInMinutesAgo(person.id, 4);
    expect(data<{ gate: string; passwordFresh: boolean }>(await trpcOverHttp(database.db, browser, 'factor.status'))).toMatchObject({ gate: 'enrol', passwordFresh: true });

    expect((await enrolTotp(browser)).status).toBe(200);
    expect(data<{ gate: string | null }>(await trpcOverHttp(database.db, browser, 'factor.status')).gate).toBeNull();
    await signedInMinutesAgo(person.id, 6);
    // Making new recovery codes needs a recent proof: enrolling gave none.
    expect((await trpcOverHttp(database.db, browser, 'factor.replaceRecoveryCodes', undefined, 'POST')).status).toBe(403);
  });

  it('left open longer asks for the password again before a factor is added', async () => {
    const { person, browser } = await signedIn('everyone');
    await signedInMinutesAgo(person.id, 30);
    expect(data<{ gate: string; passwordFresh: boolean }>(await trpcOverHttp(database.db, browser, 'factor.status'))).toMatchObject({ gate: 'enrol', passwordFresh: false });
    const refused = await trpcOverHttp(database.db, browser, 'factor.startTotp', undefined, 'POST');
    expect(refused.status).toBe(403);
    expect(problemOf(refused)).toBe('auth.recentAuthRequired');

    expect((await trpcOverHttp(database.db, browser, 'session.confirmPassword', { password: 'not the password at all' }, 'POST')).status).toBe(400);
    expect((await trpcOverHttp(database.db, browser, 'session.confirmPassword', { password }, 'POST')).status).toBe(200);
    expect((await enrolTotp(browser)).status).toBe(200);
    expect(data<{ gate: string | null }>(await trpcOverHttp(database.db, browser, 'factor.status')).gate).toBeNull();
  });
});
