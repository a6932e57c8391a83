/** Deleting, restoring and purging evidence; files stay with their organization when an incident is shared. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { auditLog, evidenceFiles } from '@/db/schema';
import { folderStore } from '@/server/services/files/store/folder';
import { createTestDatabase } from '../support/database';
import { anIncident, callerFor, createOrganization, createUser, seedVocabulary } from '../support/factories';
import { aPdf, download, sha256, testMasterKey, upload } from '../support/evidence';

let database: Database;
const folder = mkdtempSync(path.join(os.tmpdir(), 'hrd-lifecycle-'));
beforeAll(async () => {
  database = await createTestDatabase();
  await seedVocabulary(database.db);
  // purge removes bytes from the configured store: point it at this test's folder.
  process.env.HRD_FILES_DIR = folder;
});
afterAll(async () => {
  await database?.close();
  rmSync(folder, { recursive: true, force: true });
});

async function arrange() {
  const { db } = database;
  const bureau = await createOrganization(db);
  const partner = await createOrganization(db);
  const monitor = await createUser(db, bureau.id, 'monitor');
  const reviewer = await createUser(db, bureau.id, 'reviewer');
  const admin = await createUser(db, bureau.id, 'admin');
  const partnerMember = await createUser(db, partner.id, 'admin');
  const { id: incidentId } = await (await callerFor(db, monitor.id)).incident.create({ organizationId: bureau.id, incident: anIncident() });
  const deps = { store: folderStore(folder), masterKey: testMasterKey(), maxBytes: 1e6 };
  const pdf = aPdf('Complaint to the prosecutor, 36 pages');
  const { body } = await upload(db, deps, monitor.id, { subjectKind: 'incident', subjectId: incidentId, name: 'complaint Aigul.pdf', bytes: pdf });
  return { bureau, partner, monitor, reviewer, admin, partnerMember, incidentId, deps, pdf, fileId: body.id };
}

it('deletes softly, lets an admin restore, and purges for an erasure request leaving only the hash and the reason', async () => {
  const { db } = database;
  const { monitor, reviewer, admin, incidentId, deps, pdf, fileId } = await arrange();
  const list = async (userId: string) => (await (await callerFor(db, userId)).evidence.list({ subjectKind: 'incident', subjectId: incidentId })).files;
  expect((await list(monitor.id)).map((f) => f.title)).toEqual(['complaint Aigul.pdf']);

  await (await callerFor(db, reviewer.id)).evidence.delete({ id: fileId });
  expect(await list(monitor.id)).toEqual([]);
  expect((await download(db, deps, monitor.id, fileId)).status).toBe(404);
  await expect((await callerFor(db, reviewer.id)).evidence.restore({ id: fileId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  expect((await (await callerFor(db, admin.id)).evidence.deleted()).map((f) => f.id)).toEqual([fileId]);
  await (await callerFor(db, admin.id)).evidence.restore({ id: fileId });
  expect((await download(db, deps, monitor.id, fileId)).status).toBe(200);

  await expect((await callerFor(db, reviewer.id)).evidence.purge({ id: fileId, reason: 'Erasure request of 3 March' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  await expect((await callerFor(db, admin.id)).evidence.purge({ id: fileId, reason: 'no' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  const [row] = await db.select().from(evidenceFiles).where(eq(evidenceFiles.id, fileId));
  await (await callerFor(db, admin.id)).evidence.purge({ id: fileId, reason: 'Erasure request of 3 March' });
  expect(await db.select().from(evidenceFiles).where(eq(evidenceFiles.id, fileId))).toEqual([]);
  expect(await deps.store.has(row!.storageKey)).toBe(false);

  const custody = await db.select().from(auditLog).where(and(eq(auditLog.subjectType, 'evidence_file'), eq(auditLog.subjectId, fileId))).orderBy(auditLog.id);
  // The refused download of the deleted file left no event: nothing left.
  expect(custody.map((e) => e.action)).toEqual(['file.upload', 'file.delete', 'file.restore', 'file.download', 'file.purge']);
  expect(custody.at(-1)!.details).toMatchObject({ sha256: sha256(pdf), reason: 'Erasure request of 3 March' });
  expect(JSON.stringify(custody)).not.toContain('Aigul');
});

it('shares an incident with another organization without its files (unless a file is shared explicitly: evidence-sharing.test.ts)', async () => {
  const { db } = database;
  const { partner, reviewer, partnerMember, incidentId, deps, fileId } = await arrange();
  await (await callerFor(db, reviewer.id)).incident.share({ id: incidentId, organizationId: partner.id });
  const partnerCaller = await callerFor(db, partnerMember.id);
  await expect(partnerCaller.incident.get({ id: incidentId })).resolves.toBeTruthy(); // the incident, redacted
  await expect(partnerCaller.evidence.list({ subjectKind: 'incident', subjectId: incidentId })).resolves.toMatchObject({ readOnly: true, files: [] });
  expect((await download(db, deps, partnerMember.id, fileId)).status).toBe(404);
});
