/**
 * When a public copy goes public (its record is published), the chain of custody says so once
 * (`file.publish`, by the reviewer who published); the public JSON export lists the incident's
 * public copies as the single-incident answer does, valid against the exchange schema, and nothing of
 * a confidential file.
 */
import { expect, it } from 'vitest';
import sharp from 'sharp';
import { and, eq } from 'drizzle-orm';
import { auditLog, publicIncidentExports } from '@/db/schema';
import { publicExchangeChunks } from '@/server/public/export-json';
import { validateExchangeDocument } from '@/server/services/exchange/validate';
import { refreshPublicIncident } from '@/server/services/publishing/public-record';
import { evidenceTestDatabase } from '../support/evidence-database';
import { anIncident, callerFor, createOrganization, createUser } from '../support/factories';
import { aPdf, upload } from '../support/evidence';

const files = evidenceTestDatabase('hrd-publish-export-');

it('records file.publish once when the copy goes public, and lists the copy in the public JSON export', async () => {
  const { db } = files;
  const ngo = await createOrganization(db);
  const monitor = await createUser(db, ngo.id, 'monitor');
  const reviewerUser = await createUser(db, ngo.id, 'reviewer');
  const author = await callerFor(db, monitor.id);
  const reviewer = await callerFor(db, reviewerUser.id);
  const deps = files.deps();
  const { id, version } = await author.incident.create({ organizationId: ngo.id, incident: anIncident() });
  const photo = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#208040' } }).jpeg().toBuffer();
  const shown = (await upload(db, deps, monitor.id, { subjectKind: 'incident', subjectId: id, name: 'IMG_2 car.jpg', bytes: photo })).body;
  const hidden = (await upload(db, deps, monitor.id, { subjectKind: 'incident', subjectId: id, name: 'secret complaint.pdf', bytes: aPdf() })).body;
  await reviewer.evidence.markPublic({ id: shown.id, public: true, title: 'Burnt car' });

  const publications = () => db.select().from(auditLog).where(and(eq(auditLog.action, 'file.publish'), eq(auditLog.subjectId, shown.id)));
  expect(await publications()).toEqual([]);
  let v = (await author.review.submit({ id, version })).version;
  v = (await reviewer.review.approve({ id, version: v })).version;
  await reviewer.review.publish({ id, version: v });
  const [event] = await publications();
  expect(event).toMatchObject({ actorId: reviewerUser.id, organizationId: ngo.id });
  expect(event!.details).toMatchObject({ sha256: shown.sha256 });
  // Written again (a person re-projected, say): no second event for the same publication.
  await db.transaction((tx) => refreshPublicIncident(tx, id));
  expect(await publications()).toHaveLength(1);
  expect(await db.select().from(auditLog).where(and(eq(auditLog.action, 'file.publish'), eq(auditLog.subjectId, hidden.id)))).toEqual([]);

  let text = '';
  for await (const chunk of publicExchangeChunks({}, db)) text += chunk;
  const doc = JSON.parse(text) as { incidents: { ref: string; attachments?: { title: string; media_type: string; url: string; sha256: string; confidential: boolean }[] }[] };
  expect(validateExchangeDocument(doc)).toEqual([]);
  const incident = doc.incidents.find((record) => record.ref === `inc:${id}`)!;
  expect(incident.attachments!.map((a) => [a.title, a.media_type, a.confidential])).toEqual([['Burnt car', 'image/jpeg', false]]);
  expect(incident.attachments![0]!.url).toMatch(/^\/api\/public-files\//);
  // The publication wrote the incident's line of the JSON export; the export added its files' copies as they are now.
  const [lines] = await db.select().from(publicIncidentExports).where(eq(publicIncidentExports.incidentId, id));
  expect(text).toContain(`${lines!.json},"attachments":[{`);
  for (const secret of [shown.sha256, hidden.sha256, 'IMG_2', 'secret complaint', shown.id, hidden.id]) expect(text).not.toContain(secret);
});
