/**
 * Second factors (issue 13, item 1), tried through the HTTP entry points a browser uses: TOTP
 * enrolment and sign-in, replay, recovery codes, the organization's policy gate, and an admin's reset.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { generate } from 'otplib';
import type { Database } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { createTestDatabase } from '../support/database';
import { createOrganization, createUser } from '../support/factories';
import { copyCookie, signInOverHttp, signOutOverHttp, trpcOverHttp, whoAmI } from '../support/http-session';

let database: Database;
const password = 'juniper harbour kettle moss';
const codeAt = (secret: string, offsetSeconds = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });
type Jar = NonNullable<Awaited<ReturnType<typeof signInOverHttp>>>;
const data = <T>(answer: { body: { result?: { data: { json: unknown } } } }) => answer.body.result?.data.json as T;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function personIn(policy: 'nobody' | 'reviewers_and_admins' | 'everyone', role: 'monitor' | 'reviewer' | 'admin' = 'monitor') {
  const organization = await createOrganization(database.db, undefined, policy);
  const person = await createUser(database.db, organization.id, role, { email: `${role}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.org`, password });
  return { organization, person };
}

/** Sets up the authenticator app in a signed-in browser; returns its secret and the recovery codes shown. */
async function enrolTotp(browser: Jar) {
  const started = data<{ secret: string }>(await trpcOverHttp(database.db, browser, 'factor.startTotp', undefined, 'POST'));
  const confirmed = await trpcOverHttp(database.db, browser, 'factor.confirmTotp', { code: await codeAt(started.secret) }, 'POST');
  expect(confirmed.status).toBe(200);
  return { secret: started.secret, recoveryCodes: data<{ recoveryCodes: string[] }>(confirmed).recoveryCodes };
}

describe('TOTP', () => {
  it('asks for the code after the password, refuses a replayed code, and lets the person in with a fresh one', async () => {
    const { person } = await personIn('nobody');
    const first = (await signInOverHttp(database.db, person.email, password))!;
    const { secret, recoveryCodes } = await enrolTotp(first);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const stored = rowsOf<{ sealed_secret: string }>(await database.db.execute(sql`SELECT sealed_secret FROM totp_factors WHERE user_id = ${person.id}`));
    expect(stored[0]!.sealed_secret).not.toContain(secret);
    await signOutOverHttp(database.db, first);

    const browser = (await signInOverHttp(database.db, person.email, password))!;
    expect(await whoAmI(database.db, browser)).toBeNull();
    const refused = await trpcOverHttp(database.db, browser, 'incident.list', {});
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).toContain('second factor');
    expect(data<{ gate: string }>(await trpcOverHttp(database.db, browser, 'factor.status')).gate).toBe('second_factor');
    // The password alone adds no factor of its own.
    expect((await trpcOverHttp(database.db, browser, 'factor.startTotp', undefined, 'POST')).status).toBe(403);

    // The code of the step used at enrolment (or any earlier one) is spent.
    expect((await trpcOverHttp(database.db, browser, 'factor.prove', { method: 'totp', code: await codeAt(secret) }, 'POST')).status).toBe(400);
    expect((await trpcOverHttp(database.db, browser, 'factor.prove', { method: 'totp', code: await codeAt(secret, 30) }, 'POST')).status).toBe(200);
    expect(await whoAmI(database.db, browser)).toBe(person.id);
    expect((await trpcOverHttp(database.db, browser, 'incident.list', {})).status).toBe(200);
  });

  it('takes a recovery code once', async () => {
    const { person } = await personIn('nobody');
    const { recoveryCodes } = await enrolTotp((await signInOverHttp(database.db, person.email, password))!);
    const code = recoveryCodes[3]!;

    const one = (await signInOverHttp(database.db, person.email, password))!;
    expect((await trpcOverHttp(database.db, one, 'factor.prove', { method: 'recovery_code', code: code.toUpperCase().replace('-', ' ') }, 'POST')).status).toBe(200);
    expect(await whoAmI(database.db, one)).toBe(person.id);
    expect(data<{ recoveryCodesLeft: number }>(await trpcOverHttp(database.db, one, 'factor.status')).recoveryCodesLeft).toBe(9);

    const two = (await signInOverHttp(database.db, person.email, password))!;
    expect((await trpcOverHttp(database.db, two, 'factor.prove', { method: 'recovery_code', code }, 'POST')).status).toBe(400);
    expect(await whoAmI(database.db, two)).toBeNull();
  });

  it('ends the person’s other sessions when a factor is added', async () => {
    const { person } = await personIn('nobody');
    const laptop = (await signInOverHttp(database.db, person.email, password))!;
    const phone = (await signInOverHttp(database.db, person.email, password))!;
    await enrolTotp(laptop);
    expect(await whoAmI(database.db, laptop)).toBe(person.id);
    expect(await whoAmI(database.db, phone)).toBeNull();
  });
});

describe('re-authentication', () => {
  it('accepts the second factor as well as the password', async () => {
    const { organization, person: admin } = await personIn('nobody', 'admin');
    const member = await createUser(database.db, organization.id, 'monitor');
    const browser = (await signInOverHttp(database.db, admin.email, password))!;
    const { secret } = await enrolTotp(browser);
    await database.db.execute(sql`UPDATE sessions SET authenticated_at = now() - interval '6 minutes' WHERE user_id = ${admin.id}`);
    const change = { organizationId: organization.id, userId: member.id, currentRole: 'monitor', role: 'reviewer' };
    expect((await trpcOverHttp(database.db, browser, 'admin.changeRole', change, 'POST')).status).toBe(403);
    expect((await trpcOverHttp(database.db, browser, 'factor.prove', { method: 'totp', code: await codeAt(secret, 30) }, 'POST')).status).toBe(200);
    expect((await trpcOverHttp(database.db, browser, 'admin.changeRole', change, 'POST')).status).toBe(200);
  });
});

describe('the organization’s policy', () => {
  it('leaves a reviewer without a second factor nothing but enrolment, and lets a monitor of the same organization work', async () => {
    const { organization, person: reviewer } = await personIn('reviewers_and_admins', 'reviewer');
    const monitor = await createUser(database.db, organization.id, 'monitor', { email: `m-${Date.now()}@example.org`, password });
    const browser = (await signInOverHttp(database.db, reviewer.email, password))!;

    expect(await whoAmI(database.db, browser)).toBeNull();
    for (const [path, method] of [['incident.list', 'GET'], ['review.queue', 'GET'], ['session.list', 'GET'], ['person.list', 'GET'], ['notification.unreadCount', 'GET']] as const) {
      const answer = await trpcOverHttp(database.db, browser, path, path === 'incident.list' ? {} : undefined, method);
      expect(answer.status, path).toBe(403);
      expect(JSON.stringify(answer.body), path).toContain('requires a second factor');
    }
    expect(data<{ gate: string; required: boolean }>(await trpcOverHttp(database.db, browser, 'factor.status'))).toMatchObject({ gate: 'enrol', required: true });

    await enrolTotp(browser);
    expect(await whoAmI(database.db, browser)).toBe(reviewer.id);
    expect((await trpcOverHttp(database.db, browser, 'review.queue')).status).toBe(200);

    const monitorBrowser = (await signInOverHttp(database.db, monitor.email, password))!;
    expect(await whoAmI(database.db, monitorBrowser)).toBe(monitor.id);
  });

  it('is set by the organization’s admin and applies at the next request', async () => {
    const { organization, person: admin } = await personIn('nobody', 'admin');
    const monitor = await createUser(database.db, organization.id, 'monitor', { email: `m2-${Date.now()}@example.org`, password });
    const adminBrowser = (await signInOverHttp(database.db, admin.email, password))!;
    const monitorBrowser = (await signInOverHttp(database.db, monitor.email, password))!;
    expect(await whoAmI(database.db, monitorBrowser)).toBe(monitor.id);

    expect((await trpcOverHttp(database.db, monitorBrowser, 'admin.setSecondFactorPolicy', { organizationId: organization.id, policy: 'nobody' }, 'POST')).status).toBe(403);
    expect((await trpcOverHttp(database.db, adminBrowser, 'admin.setSecondFactorPolicy', { organizationId: organization.id, policy: 'everyone' }, 'POST')).status).toBe(200);
    expect(await whoAmI(database.db, monitorBrowser)).toBeNull();
    expect(data<{ gate: string }>(await trpcOverHttp(database.db, monitorBrowser, 'factor.status')).gate).toBe('enrol');
    const audit = rowsOf<{ details: { from: string; to: string } }>(
      await database.db.execute(sql`SELECT details FROM audit_log WHERE action = 'organization.second_factor_policy_changed' AND organization_id = ${organization.id}`),
    );
    expect(audit.map((row) => row.details)).toEqual([{ from: 'nobody', to: 'everyone' }]);
  });
});

describe('an admin’s reset of a member’s factors', () => {
  it('needs re-authentication, ends every session of the member (a copied cookie answers signed out), and is audited', async () => {
    const { organization, person: admin } = await personIn('nobody', 'admin');
    const member = await createUser(database.db, organization.id, 'monitor', { email: `member-${Date.now()}@example.org`, password });
    const memberBrowser = (await signInOverHttp(database.db, member.email, password))!;
    await enrolTotp(memberBrowser);
    const stolen = copyCookie(memberBrowser);
    expect(await whoAmI(database.db, stolen)).toBe(member.id);

    const adminBrowser = (await signInOverHttp(database.db, admin.email, password))!;
    await database.db.execute(sql`UPDATE sessions SET authenticated_at = now() - interval '6 minutes' WHERE user_id = ${admin.id}`);
    const input = { organizationId: organization.id, userId: member.id };
    expect((await trpcOverHttp(database.db, adminBrowser, 'admin.resetFactors', input, 'POST')).status).toBe(403);
    expect((await trpcOverHttp(database.db, adminBrowser, 'session.confirmPassword', { password }, 'POST')).status).toBe(200);
    expect((await trpcOverHttp(database.db, adminBrowser, 'admin.resetFactors', input, 'POST')).status).toBe(200);

    expect(await whoAmI(database.db, stolen)).toBeNull();
    expect(await whoAmI(database.db, memberBrowser)).toBeNull();
    const left = rowsOf<{ n: number }>(
      await database.db.execute(sql`SELECT (SELECT count(*) FROM totp_factors WHERE user_id = ${member.id}) + (SELECT count(*) FROM recovery_codes WHERE user_id = ${member.id}) AS n`),
    );
    expect(Number(left[0]!.n)).toBe(0);
    const audit = rowsOf<{ actor_id: string }>(await database.db.execute(sql`SELECT actor_id FROM audit_log WHERE action = 'user.factors_reset' AND subject_id = ${member.id}`));
    expect(audit.map((row) => row.actor_id)).toEqual([admin.id]);
    // Signed in again with the password alone: no second factor is asked for any more.
    expect(await whoAmI(database.db, (await signInOverHttp(database.db, member.email, password))!)).toBe(member.id);
  });
});
