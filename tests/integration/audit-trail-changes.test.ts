/**
 * What the audit log records of changes to the records, in the same transaction as the change:
 * imports and exports with their counts, role changes and removals, and every write in the
 * workspace by id, never by name. Sign-ins and reading the log: tests/integration/audit-trail.test.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { ExchangeDocument } from '@/server/services/exchange/document';
import { exportExchangeDocument } from '@/server/services/exchange/export';
import { importExchangeDocument } from '@/server/services/exchange/import';
import { verifyAuditChain } from '@/server/services/audit/verify';
import { closeSetup, db, entriesSince, lastId, openSetup } from '../support/audit-trail-setup';
import { anIncident, callerFor, createOrganization, createUser, seedVocabulary } from '../support/factories';

beforeAll(openSetup);
afterAll(closeSetup);

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
