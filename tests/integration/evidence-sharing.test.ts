/**
 * Per-file sharing: a shared read-only copy of an incident carries no file unless the owner shares
 * that file explicitly with an organization the incident is shared with. Everything else answers
 * as if it did not exist, and each share, unshare and foreign download is a custody event.
 */
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { expect, it } from 'vitest';
import { auditLog } from '@/db/schema';
import { evidenceTestDatabase } from '../support/evidence-database';
import { anIncident, callerFor, createOrganization, createUser } from '../support/factories';
import { download, sha256, upload } from '../support/evidence';

const files = evidenceTestDatabase('hrd-file-sharing-');

async function arrange() {
  const { db } = files;
  const bureau = await createOrganization(db);
  const partner = await createOrganization(db);
  const stranger = await createOrganization(db);
  const monitor = await createUser(db, bureau.id, 'monitor');
  const reviewerUser = await createUser(db, bureau.id, 'reviewer');
  const partnerUser = await createUser(db, partner.id, 'reviewer');
  const strangerUser = await createUser(db, stranger.id, 'admin');
  const { id: incidentId } = await (await callerFor(db, monitor.id)).incident.create({ organizationId: bureau.id, incident: anIncident() });
  const reviewer = await callerFor(db, reviewerUser.id);
  await reviewer.incident.share({ id: incidentId, organizationId: partner.id });

  const photo = await sharp({ create: { width: 24, height: 16, channels: 3, background: '#a03020' } }).jpeg().toBuffer();
  const statement = Buffer.from('Statement of a witness who must stay confidential.\n');
  const put = (name: string, bytes: Buffer) => upload(db, files.deps(), monitor.id, { subjectKind: 'incident', subjectId: incidentId, name, bytes });
  const photoFile = (await put('burnt car.jpg', photo)).body;
  const statementFile = (await put('statement of witness.txt', statement)).body;
  return {
    db,
    bureau,
    partner,
    stranger,
    incidentId,
    photo,
    photoFile,
    statementFile,
    monitor: await callerFor(db, monitor.id),
    reviewer,
    reviewerUser,
    partnerUser,
    partnerCaller: await callerFor(db, partnerUser.id),
    strangerUser,
    strangerCaller: await callerFor(db, strangerUser.id),
  };
}

const subject = (incidentId: string) => ({ subjectKind: 'incident' as const, subjectId: incidentId });
const unknownFile = '00000000-0000-4000-8000-000000000000';

it('shows a partner organization only the files shared with it, and nothing more after unsharing', async () => {
  const w = await arrange();
  const partnerDownload = (id: string) => download(w.db, files.deps(), w.partnerUser.id, id);
  const notFoundBody = await (await partnerDownload(unknownFile)).text();

  // The incident is shared, its files are not: an empty list, and downloads answer like an unknown id.
  expect((await w.partnerCaller.evidence.list(subject(w.incidentId))).files).toEqual([]);
  for (const id of [w.photoFile.id, w.statementFile.id]) {
    const response = await partnerDownload(id);
    expect([response.status, await response.text()]).toEqual([404, notFoundBody]);
  }

  await w.reviewer.evidence.share({ id: w.photoFile.id, organizationId: w.partner.id });
  const shared = await w.partnerCaller.evidence.list(subject(w.incidentId));
  expect(shared.files.map((file) => [file.title, file.sha256])).toEqual([['burnt car.jpg', sha256(w.photo)]]);
  // A reader: no upload, no delete, no public marking, no sharing, and no uploader's name.
  expect(shared.readOnly).toBe(true);
  expect(shared.files[0]).toMatchObject({ canDelete: false, canMarkPublic: false, uploaderName: null, sharedWith: [] });
  const got = await partnerDownload(w.photoFile.id);
  expect(got.status).toBe(200);
  expect(sha256(Buffer.from(await got.arrayBuffer()))).toBe(sha256(w.photo));
  const preview = await download(w.db, files.deps(), w.partnerUser.id, w.photoFile.id, { preview: true });
  expect(preview.status).toBe(200);
  await preview.arrayBuffer();
  // The other file stays with its organization.
  expect((await partnerDownload(w.statementFile.id)).status).toBe(404);

  // The owners see with whom each file is shared.
  const owners = await w.reviewer.evidence.list(subject(w.incidentId));
  expect(owners.readOnly).toBe(false);
  expect(owners.shareTargets).toEqual([{ organizationId: w.partner.id, name: w.partner.name }]);
  expect(owners.files.map((file) => file.sharedWith.map((share) => share.organizationId))).toEqual([[w.partner.id], []]);

  // A reader cannot act on the file as an owner would; to them it is a file of another organization.
  await expect(w.partnerCaller.evidence.delete({ id: w.photoFile.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  await expect(w.partnerCaller.evidence.markPublic({ id: w.photoFile.id, public: false })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  await expect(w.partnerCaller.evidence.share({ id: w.photoFile.id, organizationId: w.partner.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  await expect(w.partnerCaller.evidence.unshare({ id: w.photoFile.id, organizationId: w.partner.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });

  await w.reviewer.evidence.unshare({ id: w.photoFile.id, organizationId: w.partner.id });
  expect((await w.partnerCaller.evidence.list(subject(w.incidentId))).files).toEqual([]);
  const after = await partnerDownload(w.photoFile.id);
  expect([after.status, await after.text()]).toEqual([404, notFoundBody]);

  const custody = await w.db
    .select({ action: auditLog.action, actorId: auditLog.actorId, details: auditLog.details })
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, 'evidence_file'), eq(auditLog.subjectId, w.photoFile.id)))
    .orderBy(auditLog.id);
  expect(custody.map((event) => [event.action, event.actorId])).toEqual([
    ['file.upload', expect.any(String)],
    ['file.share', w.reviewerUser.id],
    ['file.download', w.partnerUser.id],
    ['file.view', w.partnerUser.id],
    ['file.unshare', w.reviewerUser.id],
  ]);
  expect(custody[1]!.details).toMatchObject({ with: w.partner.id, sha256: sha256(w.photo) });
});

it('shares a file only by its owners’ reviewers, only with an organization the incident is shared with, and never with anyone else', async () => {
  const w = await arrange();
  await expect(w.monitor.evidence.share({ id: w.photoFile.id, organizationId: w.partner.id })).rejects.toMatchObject({ code: 'FORBIDDEN', problem: { code: 'file.shareReviewersOnly' } });
  await expect(w.reviewer.evidence.share({ id: w.photoFile.id, organizationId: w.stranger.id })).rejects.toMatchObject({
    code: 'BAD_REQUEST',
    problem: { code: 'file.shareRecordFirst' },
  });
  await expect(w.reviewer.evidence.share({ id: w.photoFile.id, organizationId: w.bureau.id })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  await expect(w.reviewer.evidence.share({ id: unknownFile, organizationId: w.partner.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });

  // An organization the incident is not shared with learns nothing, shared file or not.
  await w.reviewer.evidence.share({ id: w.photoFile.id, organizationId: w.partner.id });
  await expect(w.strangerCaller.evidence.list(subject(w.incidentId))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  expect((await download(w.db, files.deps(), w.strangerUser.id, w.photoFile.id)).status).toBe(404);
  await expect(w.strangerCaller.evidence.share({ id: w.photoFile.id, organizationId: w.stranger.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
});

it('withdraws the shared files with the incident: unsharing the incident ends them, and sharing it again does not bring them back', async () => {
  const w = await arrange();
  await w.reviewer.evidence.share({ id: w.photoFile.id, organizationId: w.partner.id });
  expect((await download(w.db, files.deps(), w.partnerUser.id, w.photoFile.id)).status).toBe(200);

  await w.reviewer.incident.unshare({ id: w.incidentId, organizationId: w.partner.id });
  await expect(w.partnerCaller.evidence.list(subject(w.incidentId))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  expect((await download(w.db, files.deps(), w.partnerUser.id, w.photoFile.id)).status).toBe(404);

  await w.reviewer.incident.share({ id: w.incidentId, organizationId: w.partner.id });
  expect((await w.partnerCaller.evidence.list(subject(w.incidentId))).files).toEqual([]);
  expect((await download(w.db, files.deps(), w.partnerUser.id, w.photoFile.id)).status).toBe(404);
  const [unshared] = await w.db
    .select({ actorId: auditLog.actorId, details: auditLog.details })
    .from(auditLog)
    .where(and(eq(auditLog.subjectId, w.photoFile.id), eq(auditLog.action, 'file.unshare')));
  expect(unshared).toMatchObject({ actorId: w.reviewerUser.id, details: { with: w.partner.id, withIncident: true } });
});
