/**
 * Public copies of evidence: a reviewer marks a file public; it goes public only with its published
 * record, as a derivative without metadata (and with the reviewer's black boxes burned in), and a
 * confidential file's name and hash appear on no public surface.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '@/db/schema';
import type { Database } from '@/db/client';
import { getPublicIncident } from '@/server/public/incidents';
import { setPublicDatabaseForTests } from '@/server/public/db';
import { handlePublicFile } from '@/server/http/public-files';
import { parseMasterKey } from '@/server/services/files/crypto/master-key';
import { folderStore } from '@/server/services/files/store/folder';
import { createTestDatabase } from '../support/database';
import { anIncident, callerFor, createOrganization, createUser, seedVocabulary } from '../support/factories';
import { sha256, testMasterKey, upload } from '../support/evidence';

let database: Database;
const folder = mkdtempSync(path.join(os.tmpdir(), 'hrd-public-files-'));
const masterKeyText = testMasterKey().toString('base64');
beforeAll(async () => {
  // The procedures use the configured store and master key: this test's own.
  process.env.HRD_FILES_DIR = folder;
  process.env.FILES_MASTER_KEY = masterKeyText;
  database = await createTestDatabase();
  await seedVocabulary(database.db);
  setPublicDatabaseForTests(database.db);
});
afterAll(async () => {
  setPublicDatabaseForTests(undefined);
  await database?.close();
  rmSync(folder, { recursive: true, force: true });
});

async function publish(db: Database['db'], authorId: string, reviewerId: string, id: string, version: number) {
  let v = (await (await callerFor(db, authorId)).review.submit({ id, version })).version;
  const reviewing = await callerFor(db, reviewerId);
  v = (await reviewing.review.approve({ id, version: v })).version;
  return (await reviewing.review.publish({ id, version: v })).version;
}

it('publishes a photo without camera, author or GPS data, with the black box burned in, and a PDF without its metadata', async () => {
  const { db } = database;
  const bureau = await createOrganization(db);
  const monitor = await createUser(db, bureau.id, 'monitor');
  const reviewer = await createUser(db, bureau.id, 'reviewer');
  const deps = { store: folderStore(folder), masterKey: parseMasterKey(masterKeyText), maxBytes: 5e6 };
  const { id: incidentId, version } = await (await callerFor(db, monitor.id)).incident.create({ organizationId: bureau.id, incident: anIncident() });

  const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c08040' } })
    .jpeg()
    .withExif({
      IFD0: { Artist: 'Aigul Confidential', Make: 'CanonSecretCam' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '43/1 21/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '52/1 51/1 0/1' },
    })
    .toBuffer();
  expect((await sharp(photo).metadata()).exif).toBeDefined(); // the original really carries EXIF with GPS
  const pdfDocument = await PDFDocument.create();
  pdfDocument.addPage([200, 200]);
  pdfDocument.setAuthor('Aigul Confidential');
  pdfDocument.setTitle('Complaint of Aigul Confidential');
  pdfDocument.setProducer('SecretProducer');
  const pdf = Buffer.from(await pdfDocument.save());
  const statement = Buffer.from('Witness statement naming Aigul Confidential.\n');

  const member = (name: string, bytes: Buffer) => upload(db, deps, monitor.id, { subjectKind: 'incident', subjectId: incidentId, name, bytes });
  const photoFile = (await member('IMG_0001 Aigul at home.jpg', photo)).body;
  const pdfFile = (await member('complaint Aigul.pdf', pdf)).body;
  const statementFile = (await member('statement Aigul.txt', statement)).body;

  const reviewing = await callerFor(db, reviewer.id);
  await reviewing.evidence.markPublic({ id: photoFile.id, public: true, title: 'Burnt car', redactions: [{ x: 0, y: 0, width: 0.5, height: 0.5 }] });
  // Black boxes cannot be burned into a PDF: asking for them is refused, not ignored.
  await expect(reviewing.evidence.markPublic({ id: pdfFile.id, public: true, title: 'Court decision', redactions: [{ x: 0, y: 0, width: 1, height: 0.2 }] })).rejects.toMatchObject({
    code: 'BAD_REQUEST',
    problem: { code: 'file.pdfRedactionUnsupported' },
  });
  await reviewing.evidence.markPublic({ id: pdfFile.id, public: true, title: 'Court decision' });
  await expect(reviewing.evidence.markPublic({ id: statementFile.id, public: true, title: 'Statement' })).rejects.toMatchObject({ code: 'BAD_REQUEST', problem: { code: 'file.publicKindUnsupported' } });

  // Marked but not published: nothing public yet.
  expect(await getPublicIncident(incidentId, 'en', db)).toBeNull();
  await publish(db, monitor.id, reviewer.id, incidentId, version);

  const published = await getPublicIncident(incidentId, 'en', db);
  expect(published!.attachments.map((a) => [a.title, a.media_type])).toEqual([
    ['Burnt car', 'image/jpeg'],
    ['Court decision', 'application/pdf'],
  ]);
  const [photoCopy, pdfCopy] = published!.attachments;
  const fetchCopy = async (url: string) => {
    const response = await handlePublicFile(url.split('/').at(-1)!, deps.store, db);
    return { response, bytes: Buffer.from(await response.arrayBuffer()) };
  };

  const image = await fetchCopy(photoCopy!.url);
  expect(image.response.headers.get('content-disposition')).toMatch(/^inline; filename="Burnt car.jpg"/);
  expect(image.response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(sha256(image.bytes)).toBe(photoCopy!.sha256);
  expect(image.bytes.length).toBe(photoCopy!.size);
  const metadata = await sharp(image.bytes).metadata();
  expect([metadata.exif, metadata.xmp, metadata.iptc, metadata.icc]).toEqual([undefined, undefined, undefined, undefined]);
  for (const secret of ['Aigul', 'CanonSecretCam', 'GPS', 'Exif']) expect(image.bytes.includes(secret)).toBe(false);
  // The black box is in the pixels: the top-left corner is black, the bottom-right is not.
  const { data, info } = await sharp(image.bytes).raw().toBuffer({ resolveWithObject: true });
  const pixel = (x: number, y: number) => Array.from(data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3));
  expect(Math.max(...pixel(5, 5))).toBeLessThan(20);
  expect(Math.max(...pixel(35, 25))).toBeGreaterThan(100);

  const document = await fetchCopy(pdfCopy!.url);
  expect(document.response.headers.get('content-disposition')).toMatch(/^attachment; filename="Court decision.pdf"/);
  for (const secret of ['Aigul', 'SecretProducer', '/Author', '/Producer', '/Title']) expect(document.bytes.includes(secret)).toBe(false);
  expect((await PDFDocument.load(document.bytes)).getPageCount()).toBe(1);

  // The leak check: no original's name or hash, and nothing of the confidential statement, on the public answer or the copies.
  const surfaces = [JSON.stringify(published), image.bytes.toString('latin1'), document.bytes.toString('latin1')].join('\n');
  for (const secret of [sha256(photo), sha256(pdf), statementFile.sha256, 'IMG_0001', 'complaint Aigul', 'statement Aigul', photoFile.id, pdfFile.id, statementFile.id]) {
    expect(surfaces).not.toContain(secret);
  }

  // Withdrawn: gone from the answer and the address at once.
  await reviewing.evidence.markPublic({ id: photoFile.id, public: false });
  expect((await getPublicIncident(incidentId, 'en', db))!.attachments.map((a) => a.title)).toEqual(['Court decision']);
  expect((await handlePublicFile(photoCopy!.url.split('/').at(-1)!, deps.store, db)).status).toBe(404);
});

it('keeps a file marked after publication private until the record is published again, and never lets the uploader mark it', async () => {
  const { db } = database;
  const bureau = await createOrganization(db);
  const monitor = await createUser(db, bureau.id, 'monitor');
  const reviewer = await createUser(db, bureau.id, 'reviewer');
  const deps = { store: folderStore(folder), masterKey: parseMasterKey(masterKeyText), maxBytes: 5e6 };
  const { id: incidentId, version } = await (await callerFor(db, monitor.id)).incident.create({ organizationId: bureau.id, incident: anIncident() });
  await publish(db, monitor.id, reviewer.id, incidentId, version);
  const photo = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } }).png().toBuffer();
  const { body } = await upload(db, deps, reviewer.id, { subjectKind: 'incident', subjectId: incidentId, name: 'p.png', bytes: photo });
  await expect((await callerFor(db, reviewer.id)).evidence.markPublic({ id: body.id, public: true, title: 'Mine' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  const other = await createUser(db, bureau.id, 'reviewer');
  await (await callerFor(db, other.id)).evidence.markPublic({ id: body.id, public: true, title: 'Square' });
  expect((await getPublicIncident(incidentId, 'en', db))!.attachments).toEqual([]);
});

it('shows a copy marked, or changed, after publication once the record is published again, and says so in the chain of custody', async () => {
  const { db } = database;
  const bureau = await createOrganization(db);
  const monitor = await createUser(db, bureau.id, 'monitor');
  const reviewer = await createUser(db, bureau.id, 'reviewer');
  const deps = { store: folderStore(folder), masterKey: parseMasterKey(masterKeyText), maxBytes: 5e6 };
  const author = await callerFor(db, monitor.id);
  const { id: incidentId, version } = await author.incident.create({ organizationId: bureau.id, incident: anIncident() });
  let v = await publish(db, monitor.id, reviewer.id, incidentId, version);
  const photo = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } }).png().toBuffer();
  const { body } = await upload(db, deps, monitor.id, { subjectKind: 'incident', subjectId: incidentId, name: 'p.png', bytes: photo });
  const reviewing = await callerFor(db, reviewer.id);
  const titles = async () => (await getPublicIncident(incidentId, 'en', db))!.attachments.map((a) => a.title);
  const publications = () => db.select().from(auditLog).where(and(eq(auditLog.action, 'file.publish'), eq(auditLog.subjectId, body.id)));
  const republish = async () => {
    const edited = await author.incident.update({ id: incidentId, version: v, incident: anIncident({ summary: `Corrected ${randomUUID()}` }) });
    v = await publish(db, monitor.id, reviewer.id, incidentId, edited.version);
  };

  await reviewing.evidence.markPublic({ id: body.id, public: true, title: 'Square' });
  expect(await titles()).toEqual([]);
  await republish();
  expect(await titles()).toEqual(['Square']);
  expect(await publications()).toHaveLength(1);

  // Changed after publication (another title, other black boxes): not public until the next publication.
  await reviewing.evidence.markPublic({ id: body.id, public: true, title: 'Square, cropped', redactions: [{ x: 0, y: 0, width: 0.5, height: 0.5 }] });
  expect(await titles()).toEqual([]);
  await republish();
  expect(await titles()).toEqual(['Square, cropped']);
  expect(await publications()).toHaveLength(2);
});
