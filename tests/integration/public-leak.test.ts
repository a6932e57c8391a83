import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { persons, sources, users } from '@/db/schema';
import { getPublicCase, listPublicCases, publicCasesWithIncident } from '@/server/public/cases';
import { setPublicDatabaseForTests } from '@/server/public/db';
import { publicApiBuckets } from '@/server/public/rate-limit';
import { validateExchangeDocument } from '@/server/services/exchange/validate';
import { refreshPublicIncidentsOf } from '@/server/services/publishing/public-record';
import { GET as incidentsGet } from '@/app/api/public/v1/incidents/route';
import { GET as incidentGet } from '@/app/api/public/v1/incidents/[id]/route';
import { GET as statsGet } from '@/app/api/public/v1/stats/route';
import { GET as exportJsonGet } from '@/app/api/public/v1/export.json/route';
import { GET as exportCsvGet } from '@/app/api/public/v1/export.csv/route';
import { GET as openApiGet } from '@/app/api/public/v1/openapi.json/route';
import { GET as casesGet } from '@/app/api/public/v1/cases/route';
import { GET as caseGet } from '@/app/api/public/v1/cases/[id]/route';
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
const caseIds: Record<string, string> = {};

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

  // 5. Cases, through the same workflow (each publication or retraction rewrites the public case in its own transaction).
  const publishCase = async (id: string, version: number) => {
    let cv = (await author.case.submit({ id, version })).version;
    cv = (await reviewing.case.approve({ id, version: cv })).version;
    return (await reviewing.case.publish({ id, version: cv })).version;
  };
  // 5a. Published: names its confidential victim everywhere, and a confidential person who is only in a
  // legal event; links a published, a draft and a retracted incident; cites a source that names the victim.
  const [victim] = await database.db.select().from(persons).where(eq(persons.name, victimName));
  const [eventOnly] = await database.db
    .insert(persons)
    .values({ organizationId: ngo.id, ref: `person:${randomBytes(4).toString('hex')}`, name: `Yerlan ${canary('confidential person only in a legal event')}`, categories: [], confidential: true })
    .returning();
  const [caseSource] = await database.db
    .insert(sources)
    .values({ organizationId: ngo.id, ref: `src:${randomBytes(4).toString('hex')}`, title: `Appeal about ${victimName} ${publicToken()}`, publisher: publicToken() })
    .returning();
  const publicCase = await author.case.create({
    organizationId: ngo.id,
    title: `${publicToken()} prosecution of ${victimName}`,
    summary: `${victimName} and ${eventOnly!.name} were charged after the union meeting.`,
    persons: [{ personId: victim!.id, role: `defendant, relative of ${victimName}` }],
  });
  let cv = (await author.case.linkIncident({ caseId: publicCase.id, incidentId: published.id })).version;
  cv = (await author.case.linkIncident({ caseId: publicCase.id, incidentId: draft.id })).version;
  cv = (await author.case.linkIncident({ caseId: publicCase.id, incidentId: retracted.id })).version;
  const legalEvent = (personId: string, name: string) => ({
    caseId: publicCase.id,
    kind: 'charges' as const,
    date: '2017-06',
    datePrecision: 'month' as const,
    personId,
    court: `Court that heard ${name}`,
    summary: `${name} charged; ${publicToken()}`,
    outcome: `${name} convicted`,
    provisions: [],
  });
  cv = (await author.case.addLegalEvent(legalEvent(victim!.id, victimName))).caseVersion;
  cv = (await author.case.addLegalEvent(legalEvent(eventOnly!.id, eventOnly!.name))).caseVersion;
  cv = (await author.case.addIntervention({
    caseId: publicCase.id,
    kind: 'urgent_appeal',
    date: '2017-07-01',
    datePrecision: 'day',
    by: `Friends of ${victimName}`,
    referenceCode: null,
    summary: `Appeal for ${victimName}`,
    sourceId: caseSource!.id,
    replyDueOn: '2017-08-30',
  })).caseVersion;
  await publishCase(publicCase.id, cv);
  caseIds.published = publicCase.id;

  // 5b. Published, then edited in every way and submitted: none of the edit is public.
  const editedCase = await author.case.create({ organizationId: ngo.id, title: `Edited case ${publicToken()}`, summary: null, persons: [] });
  cv = await publishCase(editedCase.id, editedCase.version);
  const [addedInEdit] = await database.db
    .insert(persons)
    .values({ organizationId: ngo.id, ref: `person:${randomBytes(4).toString('hex')}`, name: `Dauren ${canary('person added by an unpublished case edit')}`, categories: [], confidential: false })
    .returning();
  cv = (await author.case.update({ id: editedCase.id, version: cv, title: canary('unpublished case edit'), summary: canary('unpublished case edit summary'), status: 'closed', persons: [{ personId: addedInEdit!.id, role: canary('role in an unpublished edit') }] })).version;
  cv = (await author.case.linkIncident({ caseId: editedCase.id, incidentId: published.id })).version;
  cv = (await author.case.addLegalEvent({ caseId: editedCase.id, kind: 'verdict', date: '2017-09-01', datePrecision: 'day', personId: null, court: canary('court in an unpublished edit'), summary: canary('legal event in an unpublished edit'), outcome: null, provisions: [] })).caseVersion;
  cv = (await author.case.addIntervention({ caseId: editedCase.id, kind: 'statement', date: '2017-09-02', datePrecision: 'day', by: canary('intervention by, unpublished edit'), referenceCode: canary('reference code, unpublished edit'), summary: null, sourceId: null })).caseVersion;
  await author.case.submit({ id: editedCase.id, version: cv });
  caseIds.edited = editedCase.id;

  // 5c. Draft, submitted, returned with a comment, approved but unpublished, retracted, deleted.
  const draftCase = await author.case.create({ organizationId: ngo.id, title: canary('draft case title'), summary: canary('draft case summary'), persons: [] });
  caseIds.draft = draftCase.id;
  const submittedCase = await author.case.create({ organizationId: ngo.id, title: canary('submitted case title'), summary: null, persons: [] });
  await author.case.submit({ id: submittedCase.id, version: submittedCase.version });
  caseIds.submitted = submittedCase.id;
  const returnedCase = await author.case.create({ organizationId: ngo.id, title: canary('returned case title'), summary: null, persons: [] });
  cv = (await author.case.submit({ id: returnedCase.id, version: returnedCase.version })).version;
  await reviewing.case.requestChanges({ id: returnedCase.id, version: cv, comment: canary('case review comment: changes requested') });
  caseIds.returned = returnedCase.id;
  const approvedCase = await author.case.create({ organizationId: ngo.id, title: canary('approved case title'), summary: canary('approved case summary'), persons: [] });
  cv = (await author.case.submit({ id: approvedCase.id, version: approvedCase.version })).version;
  await reviewing.case.approve({ id: approvedCase.id, version: cv });
  caseIds.approved = approvedCase.id;
  const retractedCase = await author.case.create({ organizationId: ngo.id, title: canary('retracted case title'), summary: null, persons: [] });
  cv = await publishCase(retractedCase.id, retractedCase.version);
  await reviewing.case.retract({ id: retractedCase.id, version: cv, comment: canary('case retraction comment') });
  caseIds.retracted = retractedCase.id;
  const deletedCase = await author.case.create({ organizationId: ngo.id, title: canary('deleted case title'), summary: canary('deleted case summary'), persons: [] });
  cv = (await author.case.linkIncident({ caseId: deletedCase.id, incidentId: published.id })).version;
  await author.case.delete({ id: deletedCase.id, version: cv });
  caseIds.deleted = deletedCase.id;
  // An import rewrites everything public of the organization: still only published versions may come out.
  await database.db.transaction((tx) => refreshPublicIncidentsOf(tx, ngo.id));

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
  // Cases: the list (also searched for words of what must not show), each case by id, and what the public
  // case pages and the incident pages render (the same functions; the pages themselves are crawled in e2e).
  for (const query of ['', '&q=prosecution', '&q=Aigerim', '&q=Yerlan', '&q=Canary', '&q=Dauren']) {
    await read(`/cases?limit=100${query}`, await casesGet(request(`/cases?limit=100${query}`)));
    const page = await listPublicCases({ q: query.replace('&q=', '') || undefined, cursor: null, limit: 100 });
    answers.push({ path: `public cases page ${query}`, status: 200, body: JSON.stringify(page) });
  }
  for (const [what, id] of Object.entries(caseIds)) {
    await read(`/cases/${id} (case ${what})`, await caseGet(request(`/cases/${id}`), { params: Promise.resolve({ id }) }));
    answers.push({ path: `public case page of ${what}`, status: 200, body: JSON.stringify(await getPublicCase(id)) });
  }
  for (const [what, id] of Object.entries(ids)) {
    answers.push({ path: `cases on the public page of incident ${what}`, status: 200, body: JSON.stringify(await publicCasesWithIncident(id)) });
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

    // Cases alike: the two published ones answer; every other answers exactly like an unknown id.
    expect([byId['case published']!.status, byId['case edited']!.status]).toEqual([200, 200]);
    const hiddenCases = ['draft', 'submitted', 'returned', 'approved', 'retracted', 'deleted'].map((what) => byId[`case ${what}`]!);
    expect(hiddenCases.map((a) => a.status)).toEqual([404, 404, 404, 404, 404, 404]);
    expect(new Set(hiddenCases.map((a) => a.body)).size).toBe(1);
    const shownCase = JSON.parse(byId['case published']!.body) as { persons: unknown[]; timeline: { kind: string; legalEvent?: { person: string } }[] };
    expect(shownCase.persons).toEqual([{ name: 'Protected person 1', protected: true, role: 'defendant, relative of Protected person 1' }]);
    expect(shownCase.timeline.flatMap((e) => (e.legalEvent ? [e.legalEvent.person] : []))).toEqual(['Protected person 1', 'Protected person 2']);
    // Of its three incidents only the published one shows; the reply follow-up of interventions is not public.
    expect(shownCase.timeline.filter((e) => e.kind === 'incident')).toHaveLength(1);
    expect(byId['case published']!.body).toContain(ids.published);
    expect(byId['case published']!.body).not.toContain(ids.draft);
    expect(byId['case published']!.body).not.toContain(ids.retracted);
    expect(byId['case published']!.body).not.toContain('2017-08-30');
    expect(JSON.parse(answers.find((a) => a.path === '/cases?limit=100')!.body).cases).toHaveLength(2);
    expect(JSON.parse(answers.find((a) => a.path === 'cases on the public page of incident published')!.body)).toHaveLength(1);

    const exported = JSON.parse(answers.find((a) => a.path === '/export.json?')!.body) as { incidents: unknown[] };
    expect(validateExchangeDocument(exported)).toEqual([]);
    expect(exported.incidents).toHaveLength(2);
    expect(answers.find((a) => a.path === '/export.csv?')!.body.trimEnd().split('\r\n')).toHaveLength(3);
  });
});
