/**
 * What the audit log records (sign-ins and their failures, sign-outs, role changes, imports and
 * exports) and what an admin reads of it: their organization's entries only, filtered, newest first.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { desc, gt, sql } from 'drizzle-orm';
import type { Database, Db } from '@/db/client';
import { getDatabase } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { auditLog } from '@/db/schema';
import { authOptions } from '@/server/auth/options';
import { checkSignIn } from '@/server/auth/sign-in';
import { throttleRules } from '@/server/auth/throttle';
import type { ExchangeDocument } from '@/server/services/exchange/document';
import { exportExchangeDocument } from '@/server/services/exchange/export';
import { importExchangeDocument } from '@/server/services/exchange/import';
import { verifyAuditChain } from '@/server/services/audit/verify';
import { createTestDatabase, testServerUrl } from '../support/database';
import { anIncident, callerFor, createOrganization, createUser, seedVocabulary } from '../support/factories';

let database: Database;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(async () => {
  await database?.close();
});

/** Entries written after this id, oldest first. */
async function entriesSince(id: number) {
  return db.select().from(auditLog).where(gt(auditLog.id, id)).orderBy(auditLog.id);
}
async function lastId(): Promise<number> {
  const [row] = await db.select({ id: auditLog.id }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  return row?.id ?? 0;
}

describe('signing in and out', () => {
  it('records a sign-in with the account, the email and the address, never the password', async () => {
    const organization = await createOrganization(db);
    const user = await createUser(db, organization.id, 'monitor', { email: 'saule.audit@example.org', password: 'sign-in secret 1' });
    const before = await lastId();
    await checkSignIn(db, { email: ' Saule.Audit@Example.org ', password: 'sign-in secret 1' }, '192.0.2.10');
    const [row, ...rest] = await entriesSince(before);
    expect(rest).toEqual([]);
    expect(row).toMatchObject({
      action: 'user.sign_in',
      actorId: user.id,
      organizationId: null,
      subjectType: 'user',
      subjectId: user.id,
      details: { email: 'saule.audit@example.org', address: '192.0.2.10' },
    });
    expect(JSON.stringify(row)).not.toContain('sign-in secret');
  });

  it('records failures alike for a wrong password, an unknown email and a deactivated account: the email tried and the address only', async () => {
    const organization = await createOrganization(db);
    await createUser(db, organization.id, 'monitor', { email: 'known.audit@example.org', password: 'right password 1' });
    const former = await createUser(db, organization.id, 'monitor', { email: 'former.audit@example.org', password: 'right password 2' });
    await db.execute(sql`UPDATE users SET active = false WHERE id = ${former.id}`);
    const before = await lastId();

    await checkSignIn(db, { email: 'KNOWN.audit@example.org', password: 'wrong guess A' }, '198.51.100.7');
    await checkSignIn(db, { email: 'nobody.audit@example.org', password: 'wrong guess B' }, '198.51.100.7');
    await checkSignIn(db, { email: 'former.audit@example.org', password: 'right password 2' }, null);

    const rows = await entriesSince(before);
    expect(rows.map(({ action, actorId, organizationId, subjectType, subjectId, details }) => ({ action, actorId, organizationId, subjectType, subjectId, details }))).toEqual([
      { action: 'user.sign_in_failed', actorId: null, organizationId: null, subjectType: null, subjectId: null, details: { email: 'known.audit@example.org', address: '198.51.100.7' } },
      { action: 'user.sign_in_failed', actorId: null, organizationId: null, subjectType: null, subjectId: null, details: { email: 'nobody.audit@example.org', address: '198.51.100.7' } },
      { action: 'user.sign_in_failed', actorId: null, organizationId: null, subjectType: null, subjectId: null, details: { email: 'former.audit@example.org', address: null } },
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/wrong guess|right password/);
  });

  it('records a burst of failures as its first attempt and one row with the count when it ends, throttled attempts included', async () => {
    const before = await lastId();
    for (let i = 0; i <= throttleRules.account.maxFailures; i++) {
      await checkSignIn(db, { email: 'hammered.audit@example.org', password: `guess ${i}` }, `203.0.113.${i}`);
    }
    let rows = await entriesSince(before);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.details).toEqual({ email: 'hammered.audit@example.org', address: '203.0.113.0' });
    // Fifteen quiet minutes later, the next sign-in attempt (anyone's) closes the burst.
    await db.execute(sql`UPDATE sign_in_throttle SET last_failed_at = now() - interval '16 minutes' WHERE key = 'account:hammered.audit@example.org'`);
    await checkSignIn(db, { email: 'someone.else@example.org', password: 'guess' }, '198.51.100.200');
    rows = (await entriesSince(before)).filter((row) => row.details.email === 'hammered.audit@example.org');
    expect(rows).toHaveLength(2);
    expect(rows[1]?.details).toMatchObject({ email: 'hammered.audit@example.org', address: `203.0.113.${throttleRules.account.maxFailures}`, count: throttleRules.account.maxFailures });
  });

  it('records a sign-out through next-auth’s sign-out event', async () => {
    const organization = await createOrganization(db);
    const user = await createUser(db, organization.id, 'monitor');
    // The event opens the app's configured database: point it at this test's database.
    const [current] = rowsOf<{ name: string }>(await db.execute(sql`SELECT current_database() AS name`));
    const url = new URL(testServerUrl());
    url.pathname = `/${current!.name}`;
    const previous = process.env.DATABASE_URL;
    process.env.DATABASE_URL = url.toString();
    const before = await lastId();
    try {
      await authOptions.events!.signOut!({ token: { sub: user.id }, session: null as never });
    } finally {
      await (await getDatabase()).close();
      (globalThis as { __hrdDatabase?: unknown }).__hrdDatabase = undefined;
      if (previous === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = previous;
    }
    expect(await entriesSince(before)).toEqual([expect.objectContaining({ action: 'user.sign_out', actorId: user.id, subjectId: user.id })]);
  });
});

function fixture(): ExchangeDocument {
  return JSON.parse(readFileSync(path.join(__dirname, '../../fixtures/kazakhstan-2017.json'), 'utf8')) as ExchangeDocument;
}

describe('imports, exports and role changes', () => {
  it('records one row per import, in its transaction, with the counts; a refused file leaves none', async () => {
    const organization = await createOrganization(db);
    const admin = await createUser(db, organization.id, 'admin');
    const before = await lastId();
    const summary = await importExchangeDocument(db, fixture(), { organizationId: organization.id, actingUserId: admin.id, via: 'cli' });
    const rows = (await entriesSince(before)).filter((row) => row.action === 'exchange.import');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: admin.id, organizationId: organization.id, subjectType: 'organization', subjectId: organization.id });
    // What publication replaced quotes confidential names: told to whoever imports, never kept in the audit log.
    const { publication: _quotesNames, ...counts } = summary;
    expect(rows[0]!.details).toEqual({ ...counts, via: 'cli' });
    expect(rows[0]!.details).toMatchObject({ incidents: { created: 26, updated: 0, unchanged: 0 } });

    const broken = { ...fixture(), incidents: [{ ref: 'no-title' }] };
    const afterFirst = await lastId();
    await expect(importExchangeDocument(db, broken, { organizationId: organization.id, actingUserId: admin.id })).rejects.toThrow();
    expect(await entriesSince(afterFirst)).toEqual([]);
  });

  it('records one row per export with the counts of what left the workspace', async () => {
    const organization = await createOrganization(db);
    const admin = await createUser(db, organization.id, 'admin');
    await importExchangeDocument(db, fixture(), { organizationId: organization.id, actingUserId: admin.id });
    const before = await lastId();
    const doc = await exportExchangeDocument(db, organization.id, { actorId: admin.id });
    const rows = await entriesSince(before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'exchange.export', actorId: admin.id, organizationId: organization.id });
    expect(rows[0]!.details).toMatchObject({ incidents: doc.incidents.length, cases: doc.cases?.length, persons: doc.persons?.length });
    expect(doc.incidents.length).toBe(26);
  });

  it('records role changes with the role before and after, and removals with the role held', async () => {
    const organization = await createOrganization(db);
    const admin = await createUser(db, organization.id, 'admin');
    const person = await createUser(db, organization.id, 'monitor');
    const asAdmin = await callerFor(db, admin.id);
    const before = await lastId();
    await asAdmin.admin.changeRole({ organizationId: organization.id, userId: person.id, currentRole: 'monitor', role: 'reviewer' });
    await asAdmin.admin.removeMember({ organizationId: organization.id, userId: person.id, currentRole: 'reviewer' });
    const rows = await entriesSince(before);
    expect(rows.map(({ action, actorId, organizationId, subjectId, details }) => ({ action, actorId, organizationId, subjectId, details }))).toEqual([
      { action: 'membership.role_changed', actorId: admin.id, organizationId: organization.id, subjectId: person.id, details: { from: 'monitor', to: 'reviewer' } },
      { action: 'membership.removed', actorId: admin.id, organizationId: organization.id, subjectId: person.id, details: { role: 'reviewer' } },
    ]);
    expect(await verifyAuditChain(db)).toMatchObject({ whole: true });
  });
});

describe('writes in the workspace', () => {
  it('records an incident’s creation, the records its form created, its edits (published → draft too) and comments, ids only', async () => {
    await seedVocabulary(db);
    const organization = await createOrganization(db);
    const monitor = await createUser(db, organization.id, 'monitor');
    const reviewer = await createUser(db, organization.id, 'reviewer');
    const author = await callerFor(db, monitor.id);
    const reviewing = await callerFor(db, reviewer.id);
    const summary = (rows: Awaited<ReturnType<typeof entriesSince>>) =>
      rows.map(({ action, actorId, organizationId, subjectType, details }) => ({ action, actorId, organizationId, subjectType, details }));

    let before = await lastId();
    const { id } = await author.incident.create({
      organizationId: organization.id,
      incident: anIncident({ victims: [{ kind: 'newPerson', person: { name: 'Gulnara Audited', categories: [], confidential: true } }] }),
    });
    let rows = await entriesSince(before);
    const inOrganization = { actorId: monitor.id, organizationId: organization.id };
    expect(summary(rows)).toEqual([
      { action: 'incident.create', ...inOrganization, subjectType: 'incident', details: { version: 1 } },
      { action: 'person.create', ...inOrganization, subjectType: 'person', details: { incidentId: id } },
      { action: 'source.create', ...inOrganization, subjectType: 'source', details: { incidentId: id } },
    ]);
    expect(rows[0]!.subjectId).toBe(id);
    const victim = (await author.incident.get({ id })).victims[0]!;
    expect(rows[1]!.subjectId).toBe(victim.kind === 'person' ? victim.id : null);
    // The new victim is confidential: the log names records by id, never by name.
    expect(JSON.stringify(rows)).not.toContain('Gulnara');

    let v = (await author.review.submit({ id, version: 1 })).version;
    v = (await reviewing.review.approve({ id, version: v })).version;
    v = (await reviewing.review.publish({ id, version: v })).version;
    before = await lastId();
    v = (await author.incident.update({ id, version: v, incident: anIncident({ title: 'Corrected after publication', victims: [], sources: [] }) })).version;
    v = (await author.incident.update({ id, version: v, incident: anIncident({ title: 'Corrected again', victims: [], sources: [] }) })).version;
    await reviewing.comment.add({ incidentId: id, body: 'Is Gulnara named anywhere else?' });
    rows = await entriesSince(before);
    expect(summary(rows)).toEqual([
      { action: 'incident.update', ...inOrganization, subjectType: 'incident', details: { version: v - 1, from: 'published', to: 'draft' } },
      { action: 'incident.update', ...inOrganization, subjectType: 'incident', details: { version: v } },
      { action: 'incident.comment', actorId: reviewer.id, organizationId: organization.id, subjectType: 'incident', details: { commentId: expect.any(Number) } },
    ]);
    expect(rows.every((row) => row.subjectId === id)).toBe(true);
    expect(JSON.stringify(rows)).not.toContain('Gulnara');

    // A refused save leaves no row; an audit row that cannot be written undoes the save with it.
    before = await lastId();
    await expect(author.incident.update({ id, version: 1, incident: anIncident() })).rejects.toMatchObject({ code: 'CONFLICT' });
    await db.execute(sql`ALTER TABLE audit_log ADD CONSTRAINT audit_test_block CHECK (action <> 'incident.update') NOT VALID`);
    try {
      await expect(author.incident.update({ id, version: v, incident: anIncident({ title: 'Never saved' }) })).rejects.toThrow();
    } finally {
      await db.execute(sql`ALTER TABLE audit_log DROP CONSTRAINT audit_test_block`);
    }
    expect(await entriesSince(before)).toEqual([]);
    expect(await author.incident.get({ id })).toMatchObject({ title: 'Corrected again', version: v });
    expect(await verifyAuditChain(db)).toMatchObject({ whole: true });
  });
});

describe('reading the audit log', () => {
  it('shows an admin their organization’s entries and their members’ sign-ins, newest first, and nothing of other organizations', async () => {
    const mine = await createOrganization(db);
    const theirs = await createOrganization(db);
    const admin = await createUser(db, mine.id, 'admin');
    const colleague = await createUser(db, mine.id, 'monitor', { email: 'colleague.browse@example.org', password: 'colleague pass 1' });
    const theirAdmin = await createUser(db, theirs.id, 'admin');
    const stranger = await createUser(db, theirs.id, 'monitor', { email: 'stranger.browse@example.org', password: 'stranger pass 1' });

    await checkSignIn(db, { email: 'colleague.browse@example.org', password: 'colleague pass 1' }, '10.1.1.1');
    await checkSignIn(db, { email: 'colleague.browse@example.org', password: 'a wrong one' }, '10.1.1.2');
    await checkSignIn(db, { email: 'stranger.browse@example.org', password: 'stranger pass 1' }, '10.1.1.3');
    await checkSignIn(db, { email: 'unknown.browse@example.org', password: 'whatever' }, '10.1.1.4');
    await (await callerFor(db, admin.id)).admin.changeRole({ organizationId: mine.id, userId: colleague.id, currentRole: 'monitor', role: 'reviewer' });
    await (await callerFor(db, theirAdmin.id)).admin.changeRole({ organizationId: theirs.id, userId: stranger.id, currentRole: 'monitor', role: 'reviewer' });

    const page = await (await callerFor(db, admin.id)).admin.auditLog({ organizationId: mine.id });
    expect(page.items.map((item) => [item.action, item.actor?.id ?? null, item.subject?.id ?? null, item.details])).toEqual([
      ['membership.role_changed', admin.id, colleague.id, { from: 'monitor', to: 'reviewer' }],
      ['user.sign_in_failed', null, null, { email: 'colleague.browse@example.org', address: '10.1.1.2' }],
      ['user.sign_in', colleague.id, colleague.id, { email: 'colleague.browse@example.org', address: '10.1.1.1' }],
    ]);
    expect(page.items[0]).toMatchObject({ organization: { id: mine.id, name: mine.name }, actor: { name: admin.name, email: admin.email }, subject: { type: 'user', name: colleague.name } });
    expect(JSON.stringify(page)).not.toMatch(/stranger|unknown\.browse/);
  });

  it('filters by action, actor, subject and dates, and pages with a cursor', async () => {
    const organization = await createOrganization(db);
    const admin = await createUser(db, organization.id, 'admin');
    const people = await Promise.all([1, 2, 3].map(() => createUser(db, organization.id, 'monitor')));
    const asAdmin = await callerFor(db, admin.id);
    for (const person of people) {
      await asAdmin.admin.changeRole({ organizationId: organization.id, userId: person.id, currentRole: 'monitor', role: 'reviewer' });
    }
    await asAdmin.admin.deactivate({ organizationId: organization.id, userId: people[0]!.id });

    const roleChanges = await asAdmin.admin.auditLog({ action: 'membership.role_changed' });
    expect(roleChanges.items.map((item) => item.subject?.id)).toEqual([people[2]!.id, people[1]!.id, people[0]!.id]);

    const aboutFirst = await asAdmin.admin.auditLog({ subjectId: people[0]!.id });
    expect(aboutFirst.items.map((item) => item.action)).toEqual(['user.deactivated', 'membership.role_changed']);

    expect((await asAdmin.admin.auditLog({ actorId: people[1]!.id })).items).toEqual([]);
    expect((await asAdmin.admin.auditLog({ actorId: admin.id })).items).toHaveLength(4);

    const today = new Date().toISOString().slice(0, 10);
    expect((await asAdmin.admin.auditLog({ from: today, to: today })).items).toHaveLength(4);
    expect((await asAdmin.admin.auditLog({ to: '2020-01-01' })).items).toEqual([]);
    expect((await asAdmin.admin.auditLog({ from: '2999-01-01' })).items).toEqual([]);

    const first = await asAdmin.admin.auditLog({ limit: 3 });
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).toBe(first.items[2]!.id);
    const second = await asAdmin.admin.auditLog({ limit: 3, cursor: first.nextCursor });
    expect(second.items.map((item) => item.action)).toEqual(['membership.role_changed']);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items].map((item) => item.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('refuses dates in the wrong order with a field message, and non-admins (FORBIDDEN)', async () => {
    const organization = await createOrganization(db);
    const admin = await createUser(db, organization.id, 'admin');
    const monitor = await createUser(db, organization.id, 'monitor');
    const refused = await (await callerFor(db, admin.id)).admin.auditLog({ from: '2026-02-01', to: '2026-01-01' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TRPCError);
    expect((refused as TRPCError).code).toBe('BAD_REQUEST');
    const forbidden = await (await callerFor(db, monitor.id)).admin.auditLog({}).catch((error: unknown) => error);
    expect((forbidden as TRPCError).code).toBe('FORBIDDEN');
  });
});
