/**
 * Deleted cases, like deleted incidents, stay in the database: the admins of the case's organization
 * list them and restore them; to everyone else a deleted case does not exist.
 */
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, publicCases } from '@/db/schema';
import { deleteRecord } from '@/server/services/records/deletion';
import { verifyAuditChain } from '@/server/services/audit/verify';
import { callerFor, createOrganization, createUser } from '../support/factories';
import { bureauWithMonitor } from '../support/casts';
import { fileDatabase } from '../support/file-database';

const { database, bureau, monitor, reviewer, admin, otherAdmin } = fileDatabase({}, async (db) => {
  const { bureau, monitor } = await bureauWithMonitor(db);
  const other = await createOrganization(db, 'Another NGO');
  return { bureau, monitor, reviewer: await createUser(db, bureau.id, 'reviewer'), admin: await createUser(db, bureau.id, 'admin'), otherAdmin: await createUser(db, other.id, 'admin') };
});

async function aCase(title: string) {
  return (await callerFor(database.db, monitor.id)).case.create({ organizationId: bureau.id, title, persons: [] });
}

async function publicCase(id: string) {
  const [row] = await database.db.select().from(publicCases).where(eq(publicCases.caseId, id));
  return row ?? null;
}

describe('deleted cases', () => {
  it('an admin of the organization lists a deleted case and restores it as it was; the restoration is audited', async () => {
    const author = await callerFor(database.db, monitor.id);
    const administering = await callerFor(database.db, admin.id);
    const { id } = await aCase('Prosecution of a union leader (deleted by mistake)');
    await author.case.delete({ id, version: 1 });
    expect(await administering.case.deleted()).toEqual([
      expect.objectContaining({ id, title: 'Prosecution of a union leader (deleted by mistake)', reviewStatus: 'draft', deletedAt: expect.any(Date) }),
    ]);
    expect((await administering.case.deleted())[0]!.deletedByName).toBeTruthy();

    await administering.case.restore({ id });
    expect(await administering.case.deleted()).toEqual([]);
    expect((await author.case.list({})).map((c) => c.id)).toContain(id);
    expect(await author.case.get({ id })).toMatchObject({ title: 'Prosecution of a union leader (deleted by mistake)', reviewStatus: 'draft', version: 1 });
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.subjectId, id), eq(auditLog.action, 'case.restore')));
    expect(audit).toEqual([expect.objectContaining({ actorId: admin.id, organizationId: bureau.id, subjectType: 'case' })]);
    expect(await verifyAuditChain(database.db)).toMatchObject({ whole: true });

    // Restoring twice, or a case that was never deleted, finds nothing to restore.
    await expect(administering.case.restore({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('nobody else sees or restores it: not its author, a reviewer, nor the admin of another organization', async () => {
    const { id } = await aCase('Case only admins may bring back');
    await (await callerFor(database.db, monitor.id)).case.delete({ id, version: 1 });
    for (const person of [monitor, reviewer, otherAdmin]) {
      const caller = await callerFor(database.db, person.id);
      expect((await caller.case.deleted()).map((c) => c.id)).not.toContain(id);
      await expect(caller.case.restore({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    expect((await (await callerFor(database.db, otherAdmin.id)).case.deleted())).toEqual([]);
    await expect((await callerFor(database.db, monitor.id)).case.get({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a case published before its deletion is public again the moment it is restored', async () => {
    const author = await callerFor(database.db, monitor.id);
    const reviewing = await callerFor(database.db, reviewer.id);
    const { id } = await aCase('Published case deleted behind the policy’s back');
    let v = (await author.case.submit({ id, version: 1 })).version;
    v = (await reviewing.case.approve({ id, version: v })).version;
    v = (await reviewing.case.publish({ id, version: v })).version;
    expect(await publicCase(id)).not.toBeNull();
    // The policy deletes only never-published drafts; a deletion made another way (older data) is still restorable.
    await deleteRecord(database.db, 'case', { id, version: v, actorId: admin.id });
    expect(await publicCase(id)).toBeNull();

    await (await callerFor(database.db, admin.id)).case.restore({ id });
    expect((await publicCase(id))!.title).toBe('Published case deleted behind the policy’s back');
  });
});
