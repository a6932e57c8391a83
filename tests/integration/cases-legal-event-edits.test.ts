/**
 * Editing and removing a case's legal event: each gives the case a new version, an edit replaces the
 * provisions, and an edit or removal made from a stale version is refused with CONFLICT.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { caseLegalEvents } from '@/db/schema';
import { createTestDatabase } from '../support/database';
import { callerFor, createOrganization, createUser } from '../support/factories';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

async function caseWithEvent() {
  const organization = await createOrganization(database.db);
  const monitor = await createUser(database.db, organization.id, 'monitor');
  const caller = await callerFor(database.db, monitor.id);
  const { id: caseId } = await caller.case.create({ organizationId: organization.id, title: 'Judicial harassment of Larisa Kharkova', persons: [] });
  const added = await caller.case.addLegalEvent({ caseId, kind: 'charges', datePrecision: 'day', date: '2017-05-01', provisions: [{ code: 'Criminal Code', article: '189', title: null }] });
  return { caller, caseId, id: added.id, caseVersion: added.caseVersion };
}

describe('editing a legal event', () => {
  it('saves the edit with its provisions, moves the case to a new version, and refuses a stale edit', async () => {
    const { caller, caseId, id, caseVersion } = await caseWithEvent();
    const saved = await caller.case.updateLegalEvent({ id, version: 1, kind: 'charges', datePrecision: 'day', date: '2017-05-02', provisions: [{ code: 'Criminal Code', article: '274', title: null }] });
    expect(saved).toEqual({ id, version: 2, caseVersion: caseVersion + 1 });
    const legalEvents = (await caller.case.timeline({ id: caseId })).filter((item) => item.type === 'legalEvent');
    expect(legalEvents.map((event) => ('provisions' in event ? event.provisions.map((p) => p.article) : []))).toEqual([['274']]);
    await expect(caller.case.updateLegalEvent({ id, version: 1, kind: 'charges', datePrecision: 'day', date: '2017-05-03' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('removes the event, answering the case’s new version only, and refuses a stale removal', async () => {
    const { caller, id, caseVersion } = await caseWithEvent();
    await expect(caller.case.removeLegalEvent({ id, version: 2 })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await caller.case.removeLegalEvent({ id, version: 1 })).toEqual({ caseVersion: caseVersion + 1 });
    const [row] = await database.db.select({ deletedAt: caseLegalEvents.deletedAt, version: caseLegalEvents.version }).from(caseLegalEvents).where(eq(caseLegalEvents.id, id));
    expect(row!.deletedAt).not.toBeNull();
    expect(row!.version).toBe(1);
  });
});
