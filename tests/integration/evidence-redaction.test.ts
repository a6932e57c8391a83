/**
 * Redaction boxes: a reviewer marking a photo public draws boxes (faces, number plates) on its
 * preview, in fractions of the picture as the browser shows it (upright). The public copy has them
 * burned in as black pixels; the boxes and the public title come back to the editor, and a changed
 * set of boxes makes a new public copy without the boxes that were removed.
 */
import { buffer } from 'node:stream/consumers';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { expect, it } from 'vitest';
import { auditLog, evidenceFiles } from '@/db/schema';
import { evidenceTestDatabase } from '../support/evidence-database';
import { anIncident, callerFor, createOrganization, createUser } from '../support/factories';
import { upload } from '../support/evidence';

const files = evidenceTestDatabase('hrd-redaction-');

/** The file's public copy as the store holds it, and whether its pixel at (x, y) is black. */
async function publicCopy(fileId: string) {
  const [row] = await files.db.select({ sha256: evidenceFiles.publicSha256 }).from(evidenceFiles).where(eq(evidenceFiles.id, fileId));
  const bytes = await buffer(await files.deps().store.get(row!.sha256!));
  const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
  const black = (x: number, y: number) => Math.max(...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)) < 30;
  return { sha256: row!.sha256, width: info.width, height: info.height, black };
}

it('burns the reviewer’s boxes into the upright public copy, gives them back to the editor, and drops a removed box from a new copy', async () => {
  const { db } = files;
  const ngo = await createOrganization(db);
  const monitor = await createUser(db, ngo.id, 'monitor');
  const reviewerUser = await createUser(db, ngo.id, 'reviewer');
  const reviewer = await callerFor(db, reviewerUser.id);
  const { id: incidentId } = await (await callerFor(db, monitor.id)).incident.create({ organizationId: ngo.id, incident: anIncident() });

  // A phone photo: stored 40×60 and turned by its EXIF orientation, so the browser (and the reviewer) sees it 60×40.
  const photo = await sharp({ create: { width: 40, height: 60, channels: 3, background: '#e0c080' } }).jpeg().withMetadata({ orientation: 6 }).toBuffer();
  const file = (await upload(db, files.deps(), monitor.id, { subjectKind: 'incident', subjectId: incidentId, name: 'IMG_2211 protest.jpg', bytes: photo })).body;

  const face = { x: 0.1, y: 0.1, width: 0.2, height: 0.3 };
  const plate = { x: 0.6, y: 0.5, width: 0.3, height: 0.4 };
  await reviewer.evidence.markPublic({ id: file.id, public: true, title: 'Protest in Almaty', redactions: [face, plate] });

  const listed = (await reviewer.evidence.list({ subjectKind: 'incident', subjectId: incidentId })).files.find((one) => one.id === file.id)!;
  expect(listed.redactions).toEqual([face, plate]);
  expect(listed.publicTitle).toBe('Protest in Almaty');

  const first = await publicCopy(file.id);
  expect([first.width, first.height]).toEqual([60, 40]);
  // Inside each box (upright coordinates): black. Outside: the photo.
  expect([first.black(7, 5), first.black(16, 14), first.black(40, 22), first.black(52, 34)]).toEqual([true, true, true, true]);
  expect([first.black(30, 5), first.black(2, 35), first.black(20, 30)]).toEqual([false, false, false]);

  // The reviewer removes the face box and saves: a new copy, with the plate box only.
  await reviewer.evidence.markPublic({ id: file.id, public: true, title: 'Protest in Almaty', redactions: [plate] });
  const relisted = (await reviewer.evidence.list({ subjectKind: 'incident', subjectId: incidentId })).files.find((one) => one.id === file.id)!;
  expect(relisted.redactions).toEqual([plate]);
  const second = await publicCopy(file.id);
  expect(second.sha256).not.toBe(first.sha256);
  expect([second.black(7, 5), second.black(16, 14), second.black(40, 22), second.black(52, 34)]).toEqual([false, false, true, true]);

  const custody = await db
    .select({ action: auditLog.action, details: auditLog.details })
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, 'evidence_file'), eq(auditLog.subjectId, file.id), eq(auditLog.action, 'file.mark_public')))
    .orderBy(auditLog.id);
  expect(custody.map((event) => (event.details as { publicCopy: { redactions: number } }).publicCopy.redactions)).toEqual([2, 1]);
});

it('refuses a box that reaches beyond the picture, so what the public sees is what the reviewer drew', async () => {
  const { db } = files;
  const ngo = await createOrganization(db);
  const monitor = await createUser(db, ngo.id, 'monitor');
  const reviewerUser = await createUser(db, ngo.id, 'reviewer');
  const reviewer = await callerFor(db, reviewerUser.id);
  const { id: incidentId } = await (await callerFor(db, monitor.id)).incident.create({ organizationId: ngo.id, incident: anIncident() });
  const photo = await sharp({ create: { width: 30, height: 20, channels: 3, background: '#e0c080' } }).png().toBuffer();
  const file = (await upload(db, files.deps(), monitor.id, { subjectKind: 'incident', subjectId: incidentId, name: 'car.png', bytes: photo })).body;

  await expect(
    reviewer.evidence.markPublic({ id: file.id, public: true, title: 'Car', redactions: [{ x: 0.8, y: 0, width: 0.5, height: 0.5 }] }),
  ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  const listed = (await reviewer.evidence.list({ subjectKind: 'incident', subjectId: incidentId })).files[0]!;
  expect([listed.markedPublicAt, listed.redactions]).toEqual([null, []]);
});
