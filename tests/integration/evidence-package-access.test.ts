/**
 * Security review, item 3: an evidence package carries every original of a record at once, so it is
 * made only for a complete session (no second factor or enrolment owed) that proved who it is a
 * moment ago; a record one may not see answers 404 whatever the session. Purging a file that is
 * unknown or out of sight (another organization's, or in a bin only admins see) answers NOT_FOUND.
 */
import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { organizations } from '@/db/schema';
import { sessionCookieName } from '@/server/auth/options';
import { completeSignInOfRequest } from '@/server/auth/request-session';
import { handlePackage } from '@/server/http/files';
import { folderStore } from '@/server/services/files/store/folder';
import { anIncident, callerFor, createOrganization, createUser } from '../support/factories';
import { aPdf, testMasterKey, upload } from '../support/evidence';
import { signInOverHttp } from '../support/http-session';
import { fileDatabase, fileFolder } from '../support/file-database';

const { database } = fileDatabase();
const folder = fileFolder('hrd-package-access-');
const password = 'harbour violet compass thistle';

type Jar = NonNullable<Awaited<ReturnType<typeof signInOverHttp>>>;
const deps = () => ({ store: folderStore(folder), masterKey: testMasterKey(), maxBytes: 1e6 });

async function arrange() {
  const { db } = database;
  const bureau = await createOrganization(db);
  const elsewhere = await createOrganization(db);
  const reviewer = await createUser(db, bureau.id, 'reviewer', { email: `reviewer-${Date.now()}@example.org`, password });
  const outsider = await createUser(db, elsewhere.id, 'admin', { email: `outsider-${Date.now()}@example.org`, password });
  const { id: incidentId } = await (await callerFor(db, reviewer.id)).incident.create({ organizationId: bureau.id, incident: anIncident() });
  const filesDeps = deps();
  const uploaded = await upload(db, filesDeps, reviewer.id, { subjectKind: 'incident', subjectId: incidentId, name: 'decision.pdf', bytes: aPdf() });
  expect(uploaded.status).toBe(201);
  return { bureau, reviewer, outsider, incidentId, filesDeps, fileId: uploaded.body.id };
}

/** GET /api/files/package as the browser with these cookies sends it, through the route's own steps. */
async function packageOf(jar: Jar, incidentId: string, filesDeps: ReturnType<typeof deps>) {
  const cookie = `${sessionCookieName}=${encodeURIComponent(jar.get(sessionCookieName)!)}`;
  const request = new Request(`http://localhost:3000/api/files/package?subjectKind=incident&subjectId=${incidentId}`, { headers: { cookie } });
  return handlePackage(request, database.db, await completeSignInOfRequest(database.db, request), filesDeps);
}

const signedInMinutesAgo = (userId: string, minutes: number) =>
  database.db.execute(sql`UPDATE sessions SET authenticated_at = now() - make_interval(mins => ${minutes}) WHERE user_id = ${userId}`);

describe('the evidence package', () => {
  it('needs a complete session that proved who it is in the last five minutes; another organization’s record is 404 throughout', async () => {
    const { bureau, reviewer, outsider, incidentId, filesDeps } = await arrange();
    const browser = (await signInOverHttp(database.db, reviewer.email, password))!;
    const outsiderBrowser = (await signInOverHttp(database.db, outsider.email, password))!;
    expect((await packageOf(browser, incidentId, filesDeps)).status).toBe(200);
    expect((await packageOf(outsiderBrowser, incidentId, filesDeps)).status).toBe(404);

    await signedInMinutesAgo(reviewer.id, 6);
    await signedInMinutesAgo(outsider.id, 6);
    const stale = await packageOf(browser, incidentId, filesDeps);
    expect(stale.status).toBe(403);
    expect(((await stale.json()) as { message: string }).message).toContain('confirm your password');
    expect((await packageOf(outsiderBrowser, incidentId, filesDeps)).status).toBe(404);

    // The organization now requires a second factor the reviewer has not set up: the session owes an enrolment.
    await signedInMinutesAgo(reviewer.id, 0);
    await database.db.update(organizations).set({ secondFactorPolicy: 'everyone' }).where(eq(organizations.id, bureau.id));
    expect((await packageOf(browser, incidentId, filesDeps)).status).toBe(401);
  });
});

describe('purging a file', () => {
  it('answers NOT_FOUND for an unknown file, another organization’s file, and a binned file to a member who does not see the bin', async () => {
    const { db } = database;
    const { bureau, reviewer, outsider, fileId } = await arrange();
    const admin = await createUser(db, bureau.id, 'admin');
    const reason = 'Erasure request of 3 March';
    await (await callerFor(db, reviewer.id)).evidence.delete({ id: fileId });

    await expect((await callerFor(db, admin.id)).evidence.purge({ id: '00000000-0000-4000-8000-000000000000', reason })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect((await callerFor(db, outsider.id)).evidence.purge({ id: fileId, reason })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect((await callerFor(db, reviewer.id)).evidence.purge({ id: fileId, reason })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await (await callerFor(db, admin.id)).evidence.purge({ id: fileId, reason });
    await expect((await callerFor(db, admin.id)).evidence.purge({ id: fileId, reason })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
