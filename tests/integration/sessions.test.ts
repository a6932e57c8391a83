import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { sessionCookieName } from '@/server/auth/options';
import { callerFor, createOrganization, createUser } from '../support/factories';
import { copyCookie, signInOverHttp, signOutOverHttp, trpcOverHttp, whoAmI } from '../support/http-session';
import { fileDatabase } from '../support/file-database';

/**
 * Server-side sessions, tried as an outside tester would: a session cookie copied before a change
 * must answer as signed out after it, through next-auth's handler and the tRPC HTTP handler.
 */
const { database } = fileDatabase({ vocabulary: false });
let organizationId: string;
let adminId: string;
const password = 'correct horse battery staple';

beforeAll(async () => {
  organizationId = (await createOrganization(database.db)).id;
  adminId = (await createUser(database.db, organizationId, 'admin')).id;
});

let people = 0;
async function aMonitor(orgId = organizationId) {
  const email = `person-${++people}-${Date.now()}@example.org`;
  const user = await createUser(database.db, orgId, 'monitor', { email, password });
  return { ...user, email };
}

async function signedIn(email: string, userAgent?: string) {
  const jar = await signInOverHttp(database.db, email, password, userAgent);
  if (!jar) throw new Error('sign-in refused');
  return jar;
}

describe('a copied session cookie', () => {
  it('works while the session lives, and answers as signed out after sign-out', async () => {
    const person = await aMonitor();
    const browser = await signedIn(person.email);
    const stolen = copyCookie(browser);
    expect(await whoAmI(database.db, stolen)).toBe(person.id);

    await signOutOverHttp(database.db, browser);
    expect(browser.has(sessionCookieName)).toBe(false);
    expect(await whoAmI(database.db, stolen)).toBeNull();
    expect((await trpcOverHttp(database.db, stolen, 'session.list')).status).toBe(401);
  });

  it('answers as signed out after the password is changed through a set-password link', async () => {
    const person = await aMonitor();
    const stolen = copyCookie(await signedIn(person.email));
    const admin = await callerFor(database.db, adminId);
    const link = await admin.admin.newSetPasswordLink({ organizationId, userId: person.id });
    await (await callerFor(database.db, null)).account.setPasswordWithLink({ token: link.token, password: 'a new and long pass phrase' });

    expect(await whoAmI(database.db, stolen)).toBeNull();
    expect(await signInOverHttp(database.db, person.email, 'a new and long pass phrase')).not.toBeNull();
  });

  it('answers as signed out after deactivation, and still after reactivation; a set-password link dies too', async () => {
    const person = await aMonitor();
    const stolen = copyCookie(await signedIn(person.email));
    const admin = await callerFor(database.db, adminId);
    const link = await admin.admin.newSetPasswordLink({ organizationId, userId: person.id });

    await admin.admin.deactivate({ organizationId, userId: person.id });
    expect(await whoAmI(database.db, stolen)).toBeNull();
    await admin.admin.reactivate({ organizationId, userId: person.id });
    expect(await whoAmI(database.db, stolen)).toBeNull();
    expect((await trpcOverHttp(database.db, stolen, 'incident.list', {})).status).toBe(401);

    const anonymous = await callerFor(database.db, null);
    await expect(anonymous.account.setPasswordWithLink({ token: link.token, password: 'a new and long pass phrase' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    // The person themself signs in again as usual.
    expect(await whoAmI(database.db, await signedIn(person.email))).toBe(person.id);
  });

  it('answers as signed out once the person is removed from their last organization, not from one of two', async () => {
    const second = (await createOrganization(database.db)).id;
    const secondAdmin = await createUser(database.db, second, 'admin');
    const person = await aMonitor();
    await database.db.execute(sql`INSERT INTO memberships (user_id, organization_id, role) VALUES (${person.id}, ${second}, 'monitor')`);
    const stolen = copyCookie(await signedIn(person.email));

    await (await callerFor(database.db, adminId)).admin.removeMember({ organizationId, userId: person.id, currentRole: 'monitor' });
    expect(await whoAmI(database.db, stolen)).toBe(person.id);
    await (await callerFor(database.db, secondAdmin.id)).admin.removeMember({ organizationId: second, userId: person.id, currentRole: 'monitor' });
    expect(await whoAmI(database.db, stolen)).toBeNull();
  });

  it('is refused when it comes from before server-side sessions (a next-auth token without a session)', async () => {
    const person = await aMonitor();
    const forged = await encode({ token: { sub: person.id }, secret: process.env.NEXTAUTH_SECRET! });
    expect(await whoAmI(database.db, new Map([[sessionCookieName, forged]]))).toBeNull();
  });
});

describe('lifetimes', () => {
  it('ends a session idle for longer than 30 minutes, and one older than 12 hours however busy', async () => {
    const person = await aMonitor();
    const idle = await signedIn(person.email);
    const old = await signedIn(person.email);
    const [idleId, oldId] = (await (await callerFor(database.db, person.id)).session.list()).map((s) => s.id).sort();
    expect(idleId && oldId).toBeTruthy();
    expect(await whoAmI(database.db, idle)).toBe(person.id);

    await database.db.execute(sql`UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE user_id = ${person.id}`);
    await database.db.execute(sql`UPDATE sessions SET last_seen_at = now(), created_at = now() - interval '12 hours 1 minute' WHERE id = ${oldId!}`);
    expect(await whoAmI(database.db, idle)).toBeNull();
    expect(await whoAmI(database.db, old)).toBeNull();
  });

  it('keeps a session that was used 29 minutes ago', async () => {
    const person = await aMonitor();
    const browser = await signedIn(person.email);
    await database.db.execute(sql`UPDATE sessions SET last_seen_at = now() - interval '29 minutes' WHERE user_id = ${person.id}`);
    expect(await whoAmI(database.db, browser)).toBe(person.id);
  });
});

describe('the account page’s sessions', () => {
  it('lists the devices, signs out one of them, then everywhere', async () => {
    const person = await aMonitor();
    const laptop = await signedIn(person.email, 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/140.0 Safari/537.36');
    const phone = await signedIn(person.email, 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/140.0 Mobile Safari/537.36');
    const third = await signedIn(person.email);

    const listed = await trpcOverHttp(database.db, laptop, 'session.list');
    const list = listed.body.result!.data.json as { id: string; deviceLabel: string; coarseAddress: string | null; current: boolean }[];
    expect(list.map((s) => s.deviceLabel).sort()).toEqual(['Chrome on Android', 'Chrome on Windows', 'Firefox on Linux']);
    expect(list.every((s) => s.coarseAddress === '203.0.113.0/24')).toBe(true);
    expect(list.filter((s) => s.current).map((s) => s.deviceLabel)).toEqual(['Chrome on Windows']);

    const phoneSession = list.find((s) => s.deviceLabel === 'Chrome on Android')!;
    expect((await trpcOverHttp(database.db, laptop, 'session.end', { sessionId: phoneSession.id }, 'POST')).status).toBe(200);
    expect(await whoAmI(database.db, phone)).toBeNull();
    expect(await whoAmI(database.db, laptop)).toBe(person.id);

    expect((await trpcOverHttp(database.db, laptop, 'session.endAll', undefined, 'POST')).status).toBe(200);
    expect(await whoAmI(database.db, laptop)).toBeNull();
    expect(await whoAmI(database.db, third)).toBeNull();
  });

  it('cannot end another person’s session: it answers as unknown', async () => {
    const person = await aMonitor();
    const other = await aMonitor();
    const othersBrowser = await signedIn(other.email);
    const [othersSession] = await (await callerFor(database.db, other.id)).session.list();
    await expect((await callerFor(database.db, person.id)).session.end({ sessionId: othersSession!.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await whoAmI(database.db, othersBrowser)).toBe(other.id);
  });

  it('stores only a hash of the session token', async () => {
    const person = await aMonitor();
    const browser = await signedIn(person.email);
    const rows = await database.db.execute(sql`SELECT id_hash FROM sessions WHERE user_id = ${person.id}`);
    expect(JSON.stringify(rows)).not.toContain(browser.get(sessionCookieName)!.slice(0, 20));
    expect(JSON.stringify(rows)).toMatch(/[0-9a-f]{64}/);
  });
});

describe('a sign-in from a new device', () => {
  it('leaves an in-app notice with the device and network only; a known device and the first sign-in leave none', async () => {
    const person = await aMonitor();
    await signedIn(person.email, 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/140.0 Safari/537.36');
    await signedIn(person.email, 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/140.0 Safari/537.36');
    const asPerson = await callerFor(database.db, person.id);
    expect(await asPerson.session.notices()).toEqual([]);

    await signedIn(person.email, 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Version/18.0 Mobile Safari/604.1');
    const notices = await asPerson.session.notices();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: 'new_device_sign_in', deviceLabel: 'Safari on iOS', coarseAddress: '203.0.113.0/24' });
    expect(Object.keys(notices[0]!).sort()).toEqual(['coarseAddress', 'createdAt', 'deviceLabel', 'id', 'kind']);

    await expect((await callerFor(database.db, (await aMonitor()).id)).session.dismissNotice({ noticeId: notices[0]!.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await asPerson.session.dismissNotice({ noticeId: notices[0]!.id });
    expect(await asPerson.session.notices()).toEqual([]);
  });
});

describe('the per-request read', () => {
  /** The database as the request sees it, counting the statements begun through it. */
  function counting(): { db: typeof database.db; statements: () => number } {
    let begun = 0;
    const methods = new Set(['execute', 'select', 'selectDistinct', 'insert', 'update', 'delete', 'transaction']);
    const db = new Proxy(database.db, {
      get(target, name, receiver) {
        const value = Reflect.get(target, name, receiver);
        if (typeof value !== 'function' || !methods.has(String(name))) return value;
        return (...args: unknown[]) => {
          begun += 1;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    return { db, statements: () => begun };
  }

  it('reads a signed-in request’s session and account in one statement, and still answers a deactivation at once', async () => {
    const person = await aMonitor();
    const jar = await signedIn(person.email);
    const seen = counting();
    expect(await whoAmI(seen.db, jar)).toBe(person.id);
    // The session, its expiry and its account (memberships, second factors): one round trip.
    expect(seen.statements()).toBe(1);

    const admin = await callerFor(database.db, adminId);
    await admin.admin.deactivate({ organizationId, userId: person.id });
    expect(await whoAmI(database.db, jar)).toBeNull();
  });
});
