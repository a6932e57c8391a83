/** The evidence package: a ZIP anyone can open, with originals, manifest, custody events and an offline verifier that catches tampering. */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import sharp from 'sharp';
import { loadViewer } from '@/server/auth/viewer';
import { handlePackage } from '@/server/http/files';
import { folderStore } from '@/server/services/files/store/folder';
import { anIncident, callerFor, createOrganization, createUser } from '../support/factories';
import { aPdf, download, sha256, testMasterKey, upload } from '../support/evidence';
import { fileDatabase, fileFolder } from '../support/file-database';

const run = promisify(execFile);
const { database } = fileDatabase();
const folder = fileFolder('hrd-package-');

const verify = (where: string) =>
  run(process.execPath, [path.join(where, 'verify.mjs'), where]).then(
    (result) => ({ code: 0, stdout: result.stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );

it('packs the originals, the manifest and the custody events, and the offline verifier finds any change', async () => {
  const { db } = database;
  const bureau = await createOrganization(db);
  const outsiderOrg = await createOrganization(db);
  const monitor = await createUser(db, bureau.id, 'monitor');
  const outsider = await createUser(db, outsiderOrg.id, 'admin');
  const { id: incidentId } = await (await callerFor(db, monitor.id)).incident.create({ organizationId: bureau.id, incident: anIncident() });
  const deps = { store: folderStore(path.join(folder, 'store')), masterKey: testMasterKey(), maxBytes: 5e6 };
  const photo = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#334455' } }).jpeg().toBuffer();
  const pdf = aPdf();
  const uploadedPhoto = (await upload(db, deps, monitor.id, { subjectKind: 'incident', subjectId: incidentId, name: 'burnt car.jpg', bytes: photo })).body;
  await upload(db, deps, monitor.id, { subjectKind: 'incident', subjectId: incidentId, name: 'decision.pdf', bytes: pdf });
  await (await download(db, deps, monitor.id, uploadedPhoto.id)).arrayBuffer();

  const request = (userId: string) =>
    loadViewer(db, userId).then((viewer) =>
      handlePackage(new Request(`http://test/api/files/package?subjectKind=incident&subjectId=${incidentId}`), db, viewer && { viewer, session: { id: randomUUID(), userId, authenticatedAt: new Date(), secondFactorPending: false } }, deps),
    );
  expect((await request(outsider.id)).status).toBe(404);
  const response = await request(monitor.id);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/zip');
  const zip = path.join(folder, 'package.zip');
  writeFileSync(zip, Buffer.from(await response.arrayBuffer()));

  const unpacked = path.join(folder, 'unpacked');
  await run('unzip', ['-q', zip, '-d', unpacked]); // any ZIP tool opens it (and checks its CRCs)
  const manifest = JSON.parse(readFileSync(path.join(unpacked, 'manifest.json'), 'utf8')) as { files: { path: string; sha256: string; title: string; uploaded_by: string }[] };
  expect(manifest.files.map((f) => [f.title, f.sha256])).toEqual([
    ['burnt car.jpg', sha256(photo)],
    ['decision.pdf', sha256(pdf)],
  ]);
  expect(sha256(readFileSync(path.join(unpacked, `originals/${sha256(photo)}`)))).toBe(sha256(photo));
  const custody = JSON.parse(readFileSync(path.join(unpacked, 'custody.json'), 'utf8')) as { events: { action: string }[] };
  expect(custody.events.map((e) => e.action)).toEqual(['file.upload', 'file.upload', 'file.download', 'file.export', 'file.export']);

  const intact = await verify(unpacked);
  expect(intact.code).toBe(0);
  expect(intact.stdout).toContain('The package is intact');

  // A changed original, then a changed custody event: each is found.
  appendFileSync(path.join(unpacked, `originals/${sha256(pdf)}`), ' ');
  const changedFile = await verify(unpacked);
  expect(changedFile.code).toBe(1);
  expect(changedFile.stdout).toMatch(new RegExp(`MISMATCH originals/${sha256(pdf)}`));
  writeFileSync(path.join(unpacked, `originals/${sha256(pdf)}`), pdf);
  const custodyFile = path.join(unpacked, 'custody.json');
  writeFileSync(custodyFile, readFileSync(custodyFile, 'utf8').replace('"file.download"', '"file.view"'));
  const changedEvent = await verify(unpacked);
  expect(changedEvent.code).toBe(1);
  expect(changedEvent.stdout).toMatch(/MISMATCH custody event \d+ file.view/);
});
