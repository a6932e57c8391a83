/**
 * Security review, item 10: an upload is a POST that carries the session cookie, so another site's
 * page must not make one in a signed-in person's name. The upload route checks Origin (or
 * Sec-Fetch-Site when there is none) as the tRPC handler does; a program without either is no forgery.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { evidenceFiles } from '@/db/schema';
import { loadViewer } from '@/server/auth/viewer';
import { handleUpload } from '@/server/http/files';
import { folderStore } from '@/server/services/files/store/folder';
import { anIncident, callerFor, createOrganization, createUser } from '../support/factories';
import { aPdf, sha256, testMasterKey } from '../support/evidence';
import { fileDatabase, fileFolder } from '../support/file-database';

const { database } = fileDatabase();
const folder = fileFolder('hrd-upload-origin-');

describe('an upload', () => {
  it('is refused from another site’s page, and taken from this app’s page or from a program', async () => {
    const { db } = database;
    const organization = await createOrganization(db);
    const monitor = await createUser(db, organization.id, 'monitor');
    const { id: incidentId } = await (await callerFor(db, monitor.id)).incident.create({ organizationId: organization.id, incident: anIncident() });
    const deps = { store: folderStore(folder), masterKey: testMasterKey(), maxBytes: 1e6 };
    const bytes = aPdf();
    const viewer = await loadViewer(db, monitor.id);
    const send = (headers: Record<string, string>) => {
      const query = new URLSearchParams({ subjectKind: 'incident', subjectId: incidentId, name: 'decision.pdf', sha256: sha256(bytes) });
      const request = new Request(`http://localhost:3000/api/files?${query}`, { method: 'POST', body: new Uint8Array(bytes), headers: { host: 'localhost:3000', 'content-type': 'application/pdf', ...headers } });
      return handleUpload(request, db, viewer, deps);
    };
    const stored = async () => (await db.select({ id: evidenceFiles.id }).from(evidenceFiles).where(eq(evidenceFiles.subjectId, incidentId))).length;

    expect((await send({ origin: 'https://attacker.example' })).status).toBe(403);
    expect((await send({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await send({ origin: 'null' })).status).toBe(403);
    expect(await stored()).toBe(0);

    expect((await send({ origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' })).status).toBe(201);
    expect((await send({})).status).toBe(201);
    expect(await stored()).toBe(2);
  });
});
