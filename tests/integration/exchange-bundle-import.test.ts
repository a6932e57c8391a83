/**
 * Exchange bundles on PostgreSQL with the folder store: a bundle whose file does not match its
 * SHA-256 is refused whole and changes nothing; a good bundle imports and exports again with the
 * same files; an attachment the file marks `confidential: false` on a published incident goes public
 * as a derivative, and a confidential one does not.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { count, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { evidenceFiles, incidents } from '@/db/schema';
import { getPublicIncident } from '@/server/public/incidents';
import { importExchangeDocument } from '@/server/services/exchange/import';
import { BundleRefused, checkBundle } from '@/server/services/files/bundle/check';
import { exportExchangeBundle } from '@/server/services/files/bundle/export';
import { importBundleAttachments } from '@/server/services/files/bundle/import';
import { readZipDirectory } from '@/server/services/files/bundle/read-zip';
import type { ExchangeDocument } from '@/server/services/exchange/document';
import { evidenceTestDatabase } from '../support/evidence-database';
import { anIncident, callerFor, createOrganization, createUser } from '../support/factories';
import { aPdf, sha256, storedObjects, upload } from '../support/evidence';

const files = evidenceTestDatabase('hrd-bundle-import-');
const { folder, storeFolder, deps } = files;

/** What `npm run import -- FILE.zip` does: check the whole bundle, then import records and files in one transaction. */
async function importBundle(db: Db, zipPath: string, organizationId: string, actingUserId: string) {
  const bundle = await checkBundle(zipPath);
  const stored: string[] = [];
  try {
    return await db.transaction(async (tx) => {
      await importExchangeDocument(tx as unknown as Db, bundle.collection, { organizationId, actingUserId });
      return importBundleAttachments(tx, deps(), { organizationId, actingUserId, doc: bundle.collection as ExchangeDocument, open: bundle.open, stored });
    });
  } catch (error) {
    for (const key of stored) await deps().store.remove(key);
    throw error;
  }
}

async function filesOfZip(zipPath: string): Promise<Map<string, Buffer>> {
  const zip = await readZipDirectory(zipPath);
  const files = new Map<string, Buffer>();
  for (const [name, entry] of zip.entries) if (name.startsWith('files/')) files.set(name.slice(6), await buffer(await zip.open(entry)));
  return files;
}

const photo = () => sharp({ create: { width: 24, height: 16, channels: 3, background: '#406080' } }).jpeg().withExif({ IFD0: { Artist: 'Secret Author' } }).toBuffer();

describe('exchange bundles', () => {
  it('round-trip with the same files, and publish a published incident’s non-confidential attachment as a derivative', async () => {
    const { db } = files;
    const source = await createOrganization(db);
    const monitor = await createUser(db, source.id, 'monitor');
    const reviewerUser = await createUser(db, source.id, 'reviewer');
    const author = await callerFor(db, monitor.id);
    const reviewer = await callerFor(db, reviewerUser.id);
    const { id, version } = await author.incident.create({ organizationId: source.id, incident: anIncident({ title: 'Car burnt' }) });
    const image = await photo();
    const pdf = aPdf();
    const imageFile = (await upload(db, deps(), monitor.id, { subjectKind: 'incident', subjectId: id, name: 'IMG_1 car.jpg', bytes: image })).body;
    await upload(db, deps(), monitor.id, { subjectKind: 'incident', subjectId: id, name: 'complaint.pdf', bytes: pdf });
    await reviewer.evidence.markPublic({ id: imageFile.id, public: true, title: 'Burnt car' });
    let v = (await author.review.submit({ id, version })).version;
    v = (await reviewer.review.approve({ id, version: v })).version;
    await reviewer.review.publish({ id, version: v });

    const first = path.join(folder, 'first.zip');
    expect(await exportExchangeBundle(db, deps(), source.id, first)).toMatchObject({ files: 2 });
    const exported = await filesOfZip(first);
    expect([...exported.keys()].sort()).toEqual([sha256(image), sha256(pdf)].sort());
    for (const [hash, bytes] of exported) expect(sha256(bytes)).toBe(hash);

    const target = await createOrganization(db);
    const admin = await createUser(db, target.id, 'admin');
    expect(await importBundle(db, first, target.id, admin.id)).toEqual({ attached: 2, published: 1 });
    // Again: nothing is attached twice.
    expect(await importBundle(db, first, target.id, admin.id)).toEqual({ attached: 0, published: 0 });

    const [imported] = await db.select({ id: incidents.id }).from(incidents).where(eq(incidents.organizationId, target.id));
    const shown = await getPublicIncident(imported!.id, 'en', db);
    expect(shown!.attachments.map((a) => [a.title, a.media_type])).toEqual([['Burnt car', 'image/jpeg']]);
    expect(JSON.stringify(shown)).not.toContain(sha256(pdf));
    expect(JSON.stringify(shown)).not.toContain(sha256(image));

    const second = path.join(folder, 'second.zip');
    await exportExchangeBundle(db, deps(), target.id, second);
    const again = await filesOfZip(second);
    expect([...again.keys()].sort()).toEqual([...exported.keys()].sort());
    for (const [hash, bytes] of again) expect(bytes.equals(exported.get(hash)!)).toBe(true);
    const collection = JSON.parse((await buffer(await (await readZipDirectory(second)).open((await readZipDirectory(second)).entries.get('collection.json')!))).toString('utf8')) as ExchangeDocument;
    expect(collection.incidents[0]!.attachments!.map((a) => [a.filename, a.confidential]).sort()).toEqual([
      ['IMG_1 car.jpg', false],
      ['complaint.pdf', true],
    ]);
  });

  it('refuse a bundle whose file does not match its SHA-256 as a whole, naming it, and change nothing', async () => {
    const { db } = files;
    const source = await createOrganization(db);
    const monitor = await createUser(db, source.id, 'monitor');
    const { id } = await (await callerFor(db, monitor.id)).incident.create({ organizationId: source.id, incident: anIncident() });
    const pdf = aPdf('Decision on the appeal');
    await upload(db, deps(), monitor.id, { subjectKind: 'incident', subjectId: id, name: 'appeal.pdf', bytes: pdf });
    const good = path.join(folder, 'good.zip');
    await exportExchangeBundle(db, deps(), source.id, good);

    // The same bundle with one byte of the file changed (a stored ZIP entry: the bytes are in the archive as they are).
    const bytes = readFileSync(good);
    const at = bytes.indexOf(Buffer.from('Decision on the appeal'));
    bytes[at] = 'd'.charCodeAt(0);
    const tampered = path.join(folder, 'tampered.zip');
    writeFileSync(tampered, bytes);

    const target = await createOrganization(db);
    const admin = await createUser(db, target.id, 'admin');
    const before = { objects: storedObjects(storeFolder).length, files: (await db.select({ n: count() }).from(evidenceFiles))[0]!.n };
    const refusal = await importBundle(db, tampered, target.id, admin.id).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(BundleRefused);
    expect((refusal as BundleRefused).pointer).toBe(`files/${createHash('sha256').update(pdf).digest('hex')}`);
    expect(await db.select().from(incidents).where(eq(incidents.organizationId, target.id))).toEqual([]);
    expect({ objects: storedObjects(storeFolder).length, files: (await db.select({ n: count() }).from(evidenceFiles))[0]!.n }).toEqual(before);
  });
});
