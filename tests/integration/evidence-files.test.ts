/**
 * Evidence files through the upload and download route handlers, on PostgreSQL, with the local
 * folder and with S3-compatible storage (s3rver started by the test).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import type { Database } from '@/db/client';
import { auditLog, evidenceFiles } from '@/db/schema';
import { folderStore } from '@/server/services/files/store/folder';
import type { FilesDeps } from '@/server/services/files/upload';
import { verifyAuditChain } from '@/server/services/audit/verify';
import { createTestDatabase } from '../support/database';
import { anIncident, callerFor, createOrganization, createUser, seedVocabulary } from '../support/factories';
import { aPdf, download, sha256, storedObjects, testMasterKey, upload } from '../support/evidence';
import { startS3 } from '../support/s3';

let database: Database;
let s3: Awaited<ReturnType<typeof startS3>>;
const folder = mkdtempSync(path.join(os.tmpdir(), 'hrd-evidence-'));
const masterKey = testMasterKey();

beforeAll(async () => {
  database = await createTestDatabase();
  await seedVocabulary(database.db);
  s3 = await startS3();
});
afterAll(async () => {
  await database?.close();
  await s3?.stop();
  rmSync(folder, { recursive: true, force: true });
});

async function arrange() {
  const { db } = database;
  const bureau = await createOrganization(db);
  const other = await createOrganization(db);
  const monitor = await createUser(db, bureau.id, 'monitor');
  const colleague = await createUser(db, bureau.id, 'reviewer');
  const outsider = await createUser(db, other.id, 'admin');
  const incident = await (await callerFor(db, monitor.id)).incident.create({ organizationId: bureau.id, incident: anIncident() });
  return { bureau, monitor, colleague, outsider, incidentId: incident.id };
}

for (const kind of ['folder', 's3'] as const) {
  describe(`evidence files in ${kind === 'folder' ? 'a local folder' : 'S3-compatible storage'}`, () => {
    const deps = (): FilesDeps => ({ store: kind === 'folder' ? folderStore(folder) : s3.store, masterKey, maxBytes: 2 * 1024 * 1024 });

    it('keeps an uploaded photo encrypted, and gives its owner organization the same bytes back', async () => {
      const { db } = database;
      const { monitor, colleague, incidentId } = await arrange();
      const photo = await sharp({ create: { width: 32, height: 24, channels: 3, background: '#803020' } }).jpeg().toBuffer();
      const uploaded = await upload(db, deps(), monitor.id, { subjectKind: 'incident', subjectId: incidentId, name: 'burnt car, Zhanaozen.jpg', bytes: photo });
      expect(uploaded.status).toBe(201);
      expect(uploaded.body).toMatchObject({ sha256: sha256(photo), mediaType: 'image/jpeg', size: photo.length });

      const [row] = await db.select().from(evidenceFiles).where(eq(evidenceFiles.id, uploaded.body.id));
      expect(row!.title).toBe('burnt car, Zhanaozen.jpg');
      // The store holds ciphertext, named by the ciphertext's hash: neither the bytes nor the photo's hash show.
      const stored = await buffer(await deps().store.get(row!.storageKey));
      expect(sha256(stored)).toBe(row!.storageKey);
      expect(row!.storageKey).not.toBe(sha256(photo));
      expect(stored.includes(photo.subarray(0, 64))).toBe(false);

      const response = await download(db, deps(), colleague.id, uploaded.body.id);
      expect(response.status).toBe(200);
      expect(sha256(Buffer.from(await response.arrayBuffer()))).toBe(sha256(photo));
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="burnt car, Zhanaozen.jpg"; filename*=UTF-8''burnt%20car%2C%20Zhanaozen.jpg`);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('cache-control')).toBe('no-store');

      const preview = await download(db, deps(), monitor.id, uploaded.body.id, { preview: true });
      expect(preview.headers.get('content-disposition')).toMatch(/^inline;/);
      await preview.arrayBuffer();

      const custody = await db
        .select({ action: auditLog.action, actorId: auditLog.actorId, details: auditLog.details })
        .from(auditLog)
        .where(and(eq(auditLog.subjectType, 'evidence_file'), eq(auditLog.subjectId, uploaded.body.id)))
        .orderBy(auditLog.id);
      expect(custody.map((event) => [event.action, event.actorId])).toEqual([
        ['file.upload', monitor.id],
        ['file.download', colleague.id],
        ['file.view', monitor.id],
      ]);
      expect(custody[0]!.details).toMatchObject({ sha256: sha256(photo) });
      expect(JSON.stringify(custody)).not.toContain('Zhanaozen');
      expect((await verifyAuditChain(db)).whole).toBe(true);
    });

    it('refuses, keeping nothing, a file whose hash differs from the browser’s, a file of a refused type, and a file over the limit', async () => {
      const { db } = database;
      const { monitor, incidentId } = await arrange();
      const storeFolder = kind === 'folder' ? folder : s3.directory;
      const before = storedObjects(storeFolder).length;
      const pdf = aPdf();
      const mismatch = await upload(db, deps(), monitor.id, { subjectKind: 'incident', subjectId: incidentId, name: 'decision.pdf', bytes: pdf, sha256: sha256(Buffer.from('other')) });
      expect(mismatch.status).toBe(422);
      expect(mismatch.body.error).toBe('hash_mismatch');
      // The refusal is a problem code the browser words in the uploader's language (en, ru, kk).
      expect(mismatch.body.problem).toEqual({ code: 'file.hashMismatch' });

      const page = Buffer.from('<!doctype html><script>alert(1)</script>');
      const script = await upload(db, deps(), monitor.id, { subjectKind: 'incident', subjectId: incidentId, name: 'decision.pdf', bytes: page });
      expect([script.status, script.body.problem]).toEqual([415, { code: 'file.typeNotAllowed' }]);
      const program = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]);
      expect((await upload(db, deps(), monitor.id, { subjectKind: 'incident', subjectId: incidentId, name: 'photo.jpg', bytes: program })).status).toBe(415);

      const large = Buffer.alloc(3 * 1024 * 1024, 'a');
      const tooLarge = await upload(db, deps(), monitor.id, { subjectKind: 'incident', subjectId: incidentId, name: 'notes.txt', bytes: large });
      expect([tooLarge.status, tooLarge.body.problem]).toEqual([413, { code: 'file.tooLarge', params: { maximum: 2 } }]);

      expect(before).toBeGreaterThan(0); // the first test stored a photo: the count is of something real
      const rows = await db.select().from(evidenceFiles).where(eq(evidenceFiles.subjectId, incidentId));
      expect(rows).toEqual([]);
      expect(storedObjects(storeFolder).length).toBe(before);
    });

    it('answers outsiders as if the record and the file did not exist, and asks anonymous callers to sign in', async () => {
      const { db } = database;
      const { monitor, outsider, incidentId } = await arrange();
      const text = Buffer.from('Statement of a witness, typed by the monitor.\n');
      const mine = await upload(db, deps(), monitor.id, { subjectKind: 'incident', subjectId: incidentId, name: 'statement.txt', bytes: text });
      expect(mine.body.mediaType).toBe('text/plain');

      const foreignUpload = await upload(db, deps(), outsider.id, { subjectKind: 'incident', subjectId: incidentId, name: 'x.txt', bytes: text });
      const unknownUpload = await upload(db, deps(), outsider.id, { subjectKind: 'incident', subjectId: '00000000-0000-4000-8000-000000000000', name: 'x.txt', bytes: text });
      expect([foreignUpload.status, unknownUpload.status]).toEqual([404, 404]);
      expect(foreignUpload.body).toEqual(unknownUpload.body);

      const foreign = await download(db, deps(), outsider.id, mine.body.id);
      const unknown = await download(db, deps(), outsider.id, '00000000-0000-4000-8000-000000000000');
      const malformed = await download(db, deps(), outsider.id, '../../etc/passwd');
      expect([foreign.status, unknown.status, malformed.status]).toEqual([404, 404, 404]);
      expect(await foreign.text()).toBe(await unknown.text());
      expect((await download(db, deps(), null, mine.body.id)).status).toBe(401);
      expect((await upload(db, deps(), null, { subjectKind: 'incident', subjectId: incidentId, name: 'x.txt', bytes: text })).status).toBe(401);
    });
  });
}

it('streams: the store reads the upload as it arrives', async () => {
  // A body that is a stream (not a buffer) is what the route handler gets from Next.js.
  const bytes = Buffer.alloc(5000, 'b');
  const stored = await folderStore(folder).put(Readable.from([bytes.subarray(0, 2000), bytes.subarray(2000)]));
  expect(stored.size).toBe(5000);
});
