/** Key rotation re-wraps keys without touching a stored byte; the old keys then open nothing. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { buffer } from 'node:stream/consumers';
import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { evidenceFiles, organizationFileKeys } from '@/db/schema';
import { rewrapUnderNewMasterKey, rotateOrganizationKeys } from '@/server/services/files/crypto/rotate';
import { folderStore } from '@/server/services/files/store/folder';
import { databaseUrlOf } from '../support/database';
import { anIncident, callerFor, createOrganization, createUser } from '../support/factories';
import { aPdf, download, sha256, storedObjects, testMasterKey, upload } from '../support/evidence';
import { fileDatabase, fileFolder } from '../support/file-database';

const run = promisify(execFile);
const { database } = fileDatabase();
const folder = fileFolder('hrd-keys-');

it('rotates the master key and the organization keys, and every file still opens to the same bytes', async () => {
  const { db } = database;
  const bureau = await createOrganization(db);
  const monitor = await createUser(db, bureau.id, 'monitor');
  const { id: incidentId } = await (await callerFor(db, monitor.id)).incident.create({ organizationId: bureau.id, incident: anIncident() });
  const store = folderStore(folder);
  const first = testMasterKey();
  const pdf = aPdf();
  const { body } = await upload(db, { store, masterKey: first, maxBytes: 1e6 }, monitor.id, { subjectKind: 'incident', subjectId: incidentId, name: 'decision.pdf', bytes: pdf });
  const objectsBefore = storedObjects(folder);
  const [before] = await db.select().from(evidenceFiles).where(eq(evidenceFiles.id, body.id));

  const second = testMasterKey();
  expect(await rewrapUnderNewMasterKey(db, first, second)).toEqual({ rewrapped: 1 });
  expect((await download(db, { store, masterKey: first, maxBytes: 1e6 }, monitor.id, body.id)).status).toBe(500);
  const afterMaster = await download(db, { store, masterKey: second, maxBytes: 1e6 }, monitor.id, body.id);
  expect(sha256(Buffer.from(await afterMaster.arrayBuffer()))).toBe(sha256(pdf));

  expect(await rotateOrganizationKeys(db, second, bureau.id)).toEqual({ organizations: 1, files: 1 });
  const [after] = await db.select().from(evidenceFiles).where(eq(evidenceFiles.id, body.id));
  expect(after!.keyVersion).toBe(2);
  expect(after!.wrappedKey).not.toBe(before!.wrappedKey);
  expect(after!.storageKey).toBe(before!.storageKey);
  expect((await db.select().from(organizationFileKeys).where(eq(organizationFileKeys.organizationId, bureau.id))).map((k) => k.version)).toEqual([2]);
  const afterOrganization = await download(db, { store, masterKey: second, maxBytes: 1e6 }, monitor.id, body.id);
  expect(sha256(Buffer.from(await afterOrganization.arrayBuffer()))).toBe(sha256(pdf));

  // Not one stored byte changed: the same objects, with the same content hashes.
  expect(storedObjects(folder)).toEqual(objectsBefore);
  expect(sha256(await buffer(await store.get(before!.storageKey)))).toBe(before!.storageKey);
});

it('does the same as a command', async () => {
  const { db } = database;
  const url = await databaseUrlOf(db);
  const previous = testMasterKey();
  const next = testMasterKey();
  const bureau = await createOrganization(db);
  const monitor = await createUser(db, bureau.id, 'monitor');
  const { id: incidentId } = await (await callerFor(db, monitor.id)).incident.create({ organizationId: bureau.id, incident: anIncident() });
  const store = folderStore(folder);
  const { body } = await upload(db, { store, masterKey: previous, maxBytes: 1e6 }, monitor.id, { subjectKind: 'incident', subjectId: incidentId, name: 'a.pdf', bytes: aPdf() });
  const env = { ...process.env, DATABASE_URL: url, FILES_MASTER_KEY: next.toString('base64'), FILES_MASTER_KEY_PREVIOUS: previous.toString('base64') };
  const root = path.resolve(__dirname, '../..');
  const master = await run('npx', ['tsx', 'cli/files-rotate-keys.ts', '--master'], { cwd: root, env });
  expect(master.stdout).toMatch(/Re-wrapped 1 organization key\(s\)/);
  const orgs = await run('npx', ['tsx', 'cli/files-rotate-keys.ts', '--organizations', '--organization', bureau.slug], { cwd: root, env });
  expect(orgs.stdout).toMatch(/re-wrapped 1 file key\(s\)/);
  const response = await download(db, { store, masterKey: next, maxBytes: 1e6 }, monitor.id, body.id);
  expect(sha256(Buffer.from(await response.arrayBuffer()))).toBe(sha256(aPdf()));
}, 60_000);
