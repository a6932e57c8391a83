import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { users } from '@/db/schema';
import { setPublicDatabaseForTests } from '@/server/public/db';
import { publicApiBuckets } from '@/server/public/rate-limit';
import { validateExchangeDocument } from '@/server/services/exchange/validate';
import { GET as incidentsGet } from '@/app/api/public/v1/incidents/route';
import { GET as incidentGet } from '@/app/api/public/v1/incidents/[id]/route';
import { GET as statsGet } from '@/app/api/public/v1/stats/route';
import { GET as exportJsonGet } from '@/app/api/public/v1/export.json/route';
import { GET as exportCsvGet } from '@/app/api/public/v1/export.csv/route';
import { GET as openApiGet } from '@/app/api/public/v1/openapi.json/route';
import { createTestDatabase } from '../support/database';
import { anIncident, callerFor, createOrganization, createUser, seedVocabulary } from '../support/factories';

/**
 * The public side's promise, tested as an attacker would: unique canary strings go into every
 * confidential field and every record that is not public, then every public API answer is read.
 * Not one canary may appear; the published, public data must (so the test cannot pass vacuously).
 * The public pages' HTML and RSC payloads are crawled the same way in e2e/public-dashboard.spec.ts.
 */

const canaries = new Map<string, string>();
/** A unique token, remembered with what it stands for, so a hit says which field leaked. */
const canary = (what: string) => {
  const token = `Canary${randomBytes(6).toString('hex')}`;
  canaries.set(token, what);
  return token;
};
const publicTokens: string[] = [];
const publicToken = () => {
  const token = `Public${randomBytes(6).toString('hex')}`;
  publicTokens.push(token);
  return token;
};

let database: Database;
const ids: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  await seedVocabulary(database.db);
  const ngo = await createOrganization(database.db, `Bureau ${publicToken()}`);
  const monitor = await createUser(database.db, ngo.id, 'monitor', { email: `${canary('monitor email')}@example.org` });
  const reviewer = await createUser(database.db, ngo.id, 'reviewer', { email: `${canary('reviewer email')}@example.org` });
  await database.db.update(users).set({ name: `Monitor ${canary('monitor name')}` }).where(eq(users.id, monitor.id));
  await database.db.update(users).set({ name: `Reviewer ${canary('reviewer name')}` }).where(eq(users.id, reviewer.id));
  const author = await callerFor(database.db, monitor.id);
  const reviewing = await callerFor(database.db, reviewer.id);

  const confidentialVictim = (what: string) => ({
    kind: 'newPerson' as const,
    person: { name: `Aigerim ${canary(`${what}: confidential name`)}`, categories: ['trade_unionist'], roleNote: canary(`${what}: role note`), confidential: true },
  });
  const publish = async (id: string, version: number) => {
    let v = (await author.review.submit({ id, version })).version;
    v = (await reviewing.review.approve({ id, version: v })).version;
    return (await reviewing.review.publish({ id, version: v })).version;
  };

  // 1. Published, and its confidential victim is named in the title, the summary, a source and a perpetrator's name.
  const victimName = `Dana ${canary('published: confidential victim named in the text')}`;
  const published = await author.incident.create({
    organizationId: ngo.id,
    incident: anIncident({
      title: `${publicToken()} detained: ${victimName} held overnight`,
      summary: `Police detained ${victimName} at a union meeting in ${publicToken()}.`,
      victims: [
        { kind: 'newPerson', person: { name: victimName, categories: ['trade_unionist'], roleNote: canary('published: role note'), confidential: true } },
        { kind: 'newPerson', person: { name: `Public Defender ${publicToken()}`, categories: ['trade_unionist'], confidential: false } },
      ],
      perpetrators: [{ typeCode: 'police', name: `Officer who detained ${victimName}` }],
      sources: [{ kind: 'newSource', source: { title: `Interview about ${victimName} ${publicToken()}`, reliability: 'B' } }],
    }),
  });
  ids.published = published.id;
  const publishedVersion = await publish(published.id, 1);
  await author.comment.add({ incidentId: published.id, body: `Internal note ${canary('comment on a published incident')}` });

  // 2. A published incident with an unpublished edit (submitted, waiting for review).
  const edited = await author.incident.create({ organizationId: ngo.id, incident: anIncident({ title: `Edited ${publicToken()}`, victims: [confidentialVictim('edited')] }) });
  ids.edited = edited.id;
  let v = await publish(edited.id, 1);
  v = (await author.incident.update({ id: edited.id, version: v, incident: anIncident({ title: `Correction ${canary('unpublished edit title')}`, summary: canary('unpublished edit summary'), victims: [confidentialVictim('edit')] }) })).version;
  await author.review.submit({ id: edited.id, version: v });

  // 3. Draft, submitted, changes requested, approved but unpublished.
  const draft = await author.incident.create({ organizationId: ngo.id, incident: anIncident({ title: canary('draft title'), summary: canary('draft summary'), victims: [confidentialVictim('draft')] }) });
  ids.draft = draft.id;
  const submitted = await author.incident.create({ organizationId: ngo.id, incident: anIncident({ title: canary('submitted title') }) });
  ids.submitted = submitted.id;
  await author.review.submit({ id: submitted.id, version: 1 });
  const returned = await author.incident.create({ organizationId: ngo.id, incident: anIncident({ title: canary('returned title') }) });
  ids.returned = returned.id;
  v = (await author.review.submit({ id: returned.id, version: 1 })).version;
  await reviewing.review.requestChanges({ id: returned.id, version: v, comment: canary('review comment: changes requested') });
  const approved = await author.incident.create({ organizationId: ngo.id, incident: anIncident({ title: canary('approved title'), summary: canary('approved summary') }) });
  ids.approved = approved.id;
  v = (await author.review.submit({ id: approved.id, version: 1 })).version;
  await reviewing.review.approve({ id: approved.id, version: v });

  // 4. Published, then retracted; published, then deleted (through an edit, as people do).
  const retracted = await author.incident.create({ organizationId: ngo.id, incident: anIncident({ title: canary('retracted title'), summary: canary('retracted summary') }) });
  ids.retracted = retracted.id;
  v = await publish(retracted.id, 1);
  await reviewing.review.retract({ id: retracted.id, version: v, comment: canary('review comment: retraction') });
  const deleted = await author.incident.create({ organizationId: ngo.id, incident: anIncident({ title: canary('deleted title'), summary: canary('deleted summary') }) });
  ids.deleted = deleted.id;
  v = await publish(deleted.id, 1);
  v = (await author.incident.update({ id: deleted.id, version: v, incident: anIncident({ title: canary('deleted draft title') }) })).version;
  await author.incident.delete({ id: deleted.id, version: v });

  expect(publishedVersion).toBeGreaterThan(1);
  setPublicDatabaseForTests(database.db);
  publicApiBuckets.reset();
});
afterAll(async () => {
  setPublicDatabaseForTests(undefined);
  await database?.close();
});

let requestCount = 0;
// Each request from its own address, so the rate limit (tested in public-api.test.ts) stays out of the way.
const request = (path: string) => new Request(`http://test/api/public/v1${path}`, { headers: { 'x-forwarded-for': `leak-test-${++requestCount}` } });
const filterSets = ['', 'from=2017', 'from=2017-05&to=2017-05', 'type=judicial_harassment', 'region=Mangystau%20Region', 'category=trade_unionist', 'perpetrator=police', 'q=detained', 'lang=ru'];

/** Every public API answer, as text, with the address it came from. */
async function everyPublicAnswer(): Promise<{ path: string; status: number; body: string }[]> {
  const answers: { path: string; status: number; body: string }[] = [];
  const read = async (path: string, response: Response) => answers.push({ path, status: response.status, body: await response.text() });
  for (const filters of filterSets) {
    const q = filters ? `&${filters}` : '';
    await read(`/incidents?limit=100${q}`, await incidentsGet(request(`/incidents?limit=100${q}`)));
    for (const groupBy of ['year', 'month', 'violation_type', 'region', 'defender_category', 'perpetrator_type']) {
      await read(`/stats?groupBy=${groupBy}${q}`, await statsGet(request(`/stats?groupBy=${groupBy}${q}`)));
    }
    if (!filters.startsWith('lang')) {
      await read(`/export.json?${filters}`, await exportJsonGet(request(`/export.json?${filters}`)));
      await read(`/export.csv?${filters}`, await exportCsvGet(request(`/export.csv?${filters}`)));
    }
  }
  for (const [what, id] of Object.entries(ids)) {
    await read(`/incidents/${id} (${what})`, await incidentGet(request(`/incidents/${id}`), { params: Promise.resolve({ id }) }));
  }
  await read('/openapi.json', await openApiGet(request('/openapi.json')));
  return answers;
}

describe('the public side leaks nothing', () => {
  it('no canary in any public API answer, export or description; the published data is there', async () => {
    publicApiBuckets.reset();
    const answers = await everyPublicAnswer();
    expect(answers.filter((a) => a.status !== 200 && !a.path.includes('(')).map((a) => `${a.path}: ${a.status}`)).toEqual([]);

    const leaks: string[] = [];
    for (const answer of answers) {
      for (const [token, what] of canaries) if (answer.body.includes(token)) leaks.push(`${what} in ${answer.path}`);
    }
    expect(leaks).toEqual([]);

    // Only the two public incidents answer by id; every other id answers exactly like an unknown one.
    const byId = Object.fromEntries(answers.filter((a) => a.path.includes('(')).map((a) => [a.path.replace(/.*\((.*)\)/, '$1'), a]));
    expect(byId.published!.status).toBe(200);
    expect(byId.edited!.status).toBe(200);
    const notFound = ['draft', 'submitted', 'returned', 'approved', 'retracted', 'deleted'].map((what) => byId[what]!);
    expect(notFound.map((a) => a.status)).toEqual([404, 404, 404, 404, 404, 404]);
    expect(new Set(notFound.map((a) => a.body)).size).toBe(1);

    // Not vacuous: the public tokens (titles, summary, public person, source, publisher) are all there.
    const everything = answers.map((a) => a.body).join('\n');
    for (const token of publicTokens) expect(everything, token).toContain(token);
    expect(byId.published!.body).toContain('Protected person 1');

    const exported = JSON.parse(answers.find((a) => a.path === '/export.json?')!.body) as { incidents: unknown[] };
    expect(validateExchangeDocument(exported)).toEqual([]);
    expect(exported.incidents).toHaveLength(2);
    expect(answers.find((a) => a.path === '/export.csv?')!.body.trimEnd().split('\r\n')).toHaveLength(3);
  });
});
