/**
 * A public copy's title is free text a reviewer typed when marking the file. It goes public with
 * the record, so it is redacted when the record is published (and whenever the record is projected
 * again), not only when it was marked: a person protected in between never reaches the public title.
 */
import { expect, it } from 'vitest';
import sharp from 'sharp';
import { eq } from 'drizzle-orm';
import { persons } from '@/db/schema';
import { getPublicIncident } from '@/server/public/incidents';
import { evidenceTestDatabase } from '../support/evidence-database';
import { anIncident, callerFor, createOrganization, createUser } from '../support/factories';
import { upload } from '../support/evidence';

const files = evidenceTestDatabase('hrd-public-title-');

it('redacts a public copy’s title at publication and again when someone is protected after it', async () => {
  const { db } = files;
  const ngo = await createOrganization(db);
  const monitor = await createUser(db, ngo.id, 'monitor');
  const reviewerUser = await createUser(db, ngo.id, 'reviewer');
  const author = await callerFor(db, monitor.id);
  const reviewer = await callerFor(db, reviewerUser.id);
  const deps = files.deps();
  const [aigul] = await db.insert(persons).values({ organizationId: ngo.id, ref: 'person:aigul', name: 'Айгүл Жакенова', confidential: false }).returning();
  const [dana] = await db.insert(persons).values({ organizationId: ngo.id, ref: 'person:dana', name: 'Dana Seitova', confidential: false }).returning();
  const victims = [
    { kind: 'person' as const, personId: aigul!.id },
    { kind: 'person' as const, personId: dana!.id },
  ];
  const { id, version } = await author.incident.create({ organizationId: ngo.id, incident: anIncident({ victims }) });

  const photo = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#804020' } }).jpeg().toBuffer();
  const file = (await upload(db, deps, monitor.id, { subjectKind: 'incident', subjectId: id, name: 'car.jpg', bytes: photo })).body;
  await reviewer.evidence.markPublic({ id: file.id, public: true, title: 'Burnt car of Zhakenova, photographed by Dana Seitova' });

  // Protected after the marking, before publication.
  await reviewer.person.update({ id: aigul!.id, version: 1, fields: { name: 'Айгүл Жакенова', categories: [], confidential: true } });
  let v = (await author.review.submit({ id, version })).version;
  v = (await reviewer.review.approve({ id, version: v })).version;
  await reviewer.review.publish({ id, version: v });
  const title = async () => (await getPublicIncident(id, 'en', db))!.attachments.map((a) => a.title);
  expect(await title()).toEqual(['Burnt car of Protected person 1, photographed by Dana Seitova']);

  // Protected after publication: the public title changes with every other public text.
  const [row] = await db.select({ version: persons.version }).from(persons).where(eq(persons.id, dana!.id));
  await reviewer.person.update({ id: dana!.id, version: row!.version, fields: { name: 'Dana Seitova', categories: [], confidential: true } });
  expect(await title()).toEqual(['Burnt car of Protected person 1, photographed by Protected person 2']);
});
