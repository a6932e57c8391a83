import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { persons, sources } from '@/db/schema';
import { publicCasesWithIncident } from '@/server/public/cases';
import { setPublicDatabaseForTests } from '@/server/public/db';
import { publicApiBuckets } from '@/server/public/rate-limit';
import { refreshPublicIncidentsOf } from '@/server/services/publishing/public-record';
import { GET as casesGet } from '@/app/api/public/v1/cases/route';
import { GET as caseGet } from '@/app/api/public/v1/cases/[id]/route';
import { createTestDatabase } from '../support/database';
import { anIncident, callerFor, createOrganization, createUser, seedVocabulary } from '../support/factories';

/**
 * Published cases on the public side, through the same entry points people use (the tRPC callers
 * for the workspace, the route handlers for the public): the published version only, protected
 * persons by label everywhere, only those of its incidents that are public, refreshed in the same
 * transaction as the case's and its incidents' review decisions.
 */

type Entry = { kind: string; date: string | null; datePrecision: string; incident?: { id: string; title: string }; legalEvent?: Record<string, unknown>; intervention?: Record<string, unknown> };
type Answer = { status: number; body: Record<string, unknown> & { title?: string; timeline?: Entry[]; sources?: { title: string; url: string | null }[] } };

let database: Database;
let author: Awaited<ReturnType<typeof callerFor>>;
let reviewing: Awaited<ReturnType<typeof callerFor>>;
let ngo: { id: string };

beforeAll(async () => {
  database = await createTestDatabase();
  await seedVocabulary(database.db);
  ngo = await createOrganization(database.db, 'Kazakhstan Bureau');
  const monitor = await createUser(database.db, ngo.id, 'monitor');
  const reviewer = await createUser(database.db, ngo.id, 'reviewer');
  author = await callerFor(database.db, monitor.id);
  reviewing = await callerFor(database.db, reviewer.id);
  setPublicDatabaseForTests(database.db);
});
afterAll(async () => {
  setPublicDatabaseForTests(undefined);
  await database?.close();
});

const request = (path: string) => new Request(`http://test/api/public/v1${path}`);
async function publicCase(id: string, query = ''): Promise<Answer> {
  await publicApiBuckets.reset();
  const response = await caseGet(request(`/cases/${id}${query}`), { params: Promise.resolve({ id }) });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}
async function publicList(query: string): Promise<{ status: number; body: { cases: { id: string; title: string; incidents: number }[]; nextCursor: string | null; message?: string } }> {
  await publicApiBuckets.reset();
  const response = await casesGet(request(`/cases${query}`));
  return { status: response.status, body: (await response.json()) as never };
}

async function publishIncident(title: string, start = '2017-03-02') {
  const { id } = await author.incident.create({ organizationId: ngo.id, incident: anIncident({ title, date: { precision: 'day', start } }) });
  let v = (await author.review.submit({ id, version: 1 })).version;
  v = (await reviewing.review.approve({ id, version: v })).version;
  v = (await reviewing.review.publish({ id, version: v })).version;
  return { id, version: v };
}
async function publishCase(id: string, version: number): Promise<number> {
  let v = (await author.case.submit({ id, version })).version;
  v = (await reviewing.case.approve({ id, version: v })).version;
  return (await reviewing.case.publish({ id, version: v })).version;
}

describe('public cases', () => {
  it('show the published version, redacted, in date order with only public incidents, and follow the incidents and the case', async () => {
    const shown = await publishIncident('Union leader detained in Zhanaozen');
    const hidden = await author.incident.create({ organizationId: ngo.id, incident: anIncident({ title: 'Draft about a raid' }) });
    const [protectedPerson] = await database.db.select().from(persons).where(eq(persons.name, 'Nurbek Example')).limit(1);
    const [openPerson] = await database.db
      .insert(persons)
      .values({ organizationId: ngo.id, ref: 'person:lawyer', name: 'Aliya Public', categories: ['lawyer'], confidential: false })
      .returning();
    const [source] = await database.db
      .insert(sources)
      .values({ organizationId: ngo.id, ref: 'src:ua', title: 'Urgent appeal for Nurbek Example', publisher: 'Observatory', url: 'https://observatory.kz/ua-1' })
      .returning();

    const created = await author.case.create({
      organizationId: ngo.id,
      title: 'Prosecution of Nurbek Example',
      summary: 'Nurbek Example was charged after the strike; Aliya Public defends him.',
      persons: [
        { personId: protectedPerson!.id, role: 'defendant' },
        { personId: openPerson!.id, role: 'lawyer of Nurbek Example' },
      ],
    });
    let v = (await author.case.linkIncident({ caseId: created.id, incidentId: shown.id })).version;
    v = (await author.case.linkIncident({ caseId: created.id, incidentId: hidden.id })).version;
    const legalEvent = { court: null, summary: null, outcome: null, provisions: [], personId: null };
    v = (await author.case.addLegalEvent({ caseId: created.id, ...legalEvent, kind: 'release', date: null, datePrecision: 'day', outcome: 'released' })).caseVersion;
    v = (await author.case.addLegalEvent({
      caseId: created.id,
      kind: 'charges',
      date: '2017-04',
      datePrecision: 'month',
      personId: protectedPerson!.id,
      court: 'Zhanaozen city court',
      summary: 'Nurbek Example charged with inciting discord',
      outcome: null,
      provisions: [{ code: 'Criminal Code', article: '174', title: 'Inciting social discord' }],
    })).caseVersion;
    v = (await author.case.addIntervention({
      caseId: created.id,
      kind: 'urgent_appeal',
      date: '2017-05-10',
      datePrecision: 'day',
      by: 'Observatory',
      referenceCode: 'UA 1/2017',
      summary: 'Appeal for Nurbek Example',
      sourceId: source!.id,
    })).caseVersion;
    // A legal event on the incident's own day comes after it: what happened, then what the courts did.
    v = (await author.case.addLegalEvent({ caseId: created.id, ...legalEvent, kind: 'detention', date: '2017-03-02', datePrecision: 'day' })).caseVersion;
    expect((await publicCase(created.id)).status).toBe(404);

    v = (await author.case.submit({ id: created.id, version: v })).version;
    v = (await reviewing.case.approve({ id: created.id, version: v })).version;
    expect((await publicCase(created.id)).status).toBe(404);
    // The publication rewrites the public row in its own transaction: nothing else is called here.
    v = (await reviewing.case.publish({ id: created.id, version: v })).version;

    const first = await publicCase(created.id);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      title: 'Prosecution of Protected person 1',
      summary: 'Protected person 1 was charged after the strike; Aliya Public defends him.',
      status: 'open',
      publisher: 'Kazakhstan Bureau',
      persons: [
        { name: 'Protected person 1', protected: true, role: 'defendant' },
        { name: 'Aliya Public', protected: false, role: 'lawyer of Protected person 1' },
      ],
    });
    const text = JSON.stringify(first.body);
    expect(text).not.toContain('Nurbek');
    expect(text).not.toContain('Draft about a raid');
    expect(text).not.toContain(hidden.id);
    // In date order, the day before the month: the incident and the detention (2 March), the charges
    // (April), the appeal (May); the release, of unknown date, last.
    expect(first.body.timeline!.map((entry) => [entry.kind, entry.date, entry.datePrecision])).toEqual([
      ['incident', '2017-03-02', 'day'],
      ['legal_event', '2017-03-02', 'day'],
      ['legal_event', '2017-04-01', 'month'],
      ['intervention', '2017-05-10', 'day'],
      ['legal_event', null, 'day'],
    ]);
    expect(first.body.timeline![0]!.incident).toEqual({ id: shown.id, title: 'Union leader detained in Zhanaozen' });
    expect(first.body.timeline![2]!.legalEvent).toMatchObject({
      kind: 'charges',
      person: 'Protected person 1',
      court: 'Zhanaozen city court',
      summary: 'Protected person 1 charged with inciting discord',
      provisions: [{ code: 'Criminal Code', article: '174', title: 'Inciting social discord' }],
    });
    // The intervention cites its source as incidents do; the case lists it with its incidents' sources.
    expect(first.body.timeline![3]!.intervention).toMatchObject({
      by: 'Observatory',
      referenceCode: 'UA 1/2017',
      source: { title: 'Urgent appeal for Protected person 1', publisher: 'Observatory', url: 'https://observatory.kz/ua-1' },
    });
    expect(first.body.sources!.map((s) => s.title)).toEqual(['Urgent appeal for Protected person 1', 'Interview with a colleague']);
    expect(first.body).not.toHaveProperty('replyDueOn');
    // The incident's public page links the case.
    expect(await publicCasesWithIncident(shown.id)).toEqual([{ id: created.id, title: 'Prosecution of Protected person 1' }]);
    expect(await publicCasesWithIncident(hidden.id)).toEqual([]);

    // The hidden incident's publication shows it in the case at once (the incident's transaction refreshes the case).
    let hv = (await author.review.submit({ id: hidden.id, version: 1 })).version;
    hv = (await reviewing.review.approve({ id: hidden.id, version: hv })).version;
    hv = (await reviewing.review.publish({ id: hidden.id, version: hv })).version;
    const incidentTitles = async () => (await publicCase(created.id)).body.timeline!.flatMap((e) => (e.incident ? [e.incident.title] : [])).sort();
    expect(await incidentTitles()).toEqual(['Draft about a raid', 'Union leader detained in Zhanaozen']);
    // Its retraction takes it out again.
    await reviewing.review.retract({ id: hidden.id, version: hv, comment: 'Sources disagree' });
    expect(await incidentTitles()).toEqual(['Union leader detained in Zhanaozen']);

    // The list shows the case with its count of public incidents; the case's retraction takes it off everywhere.
    expect((await publicList('')).body.cases).toEqual([expect.objectContaining({ id: created.id, incidents: 1 })]);
    await reviewing.case.retract({ id: created.id, version: v, comment: 'Withdrawn' });
    const gone = await publicCase(created.id);
    const unknown = await publicCase('00000000-0000-4000-8000-000000000000');
    const junk = await publicCase('not-a-uuid');
    expect([gone.status, unknown.status, junk.status]).toEqual([404, 404, 404]);
    expect(gone.body).toEqual(unknown.body);
    expect(gone.body).toEqual(junk.body);
    expect(gone.body.message).toBe('No published case has this id.');
    expect((await publicList('')).body.cases).toEqual([]);
    expect(await publicCasesWithIncident(shown.id)).toEqual([]);
  });

  it('keep showing the published version while an edit waits for review, then show the edit once it is published', async () => {
    const incident = await publishIncident('Activist fined for a picket', '2017-06-01');
    const later = await publishIncident('Activist detained again', '2017-08-15');
    const created = await author.case.create({ organizationId: ngo.id, title: 'Fines against the picket', summary: 'First account.', persons: [] });
    let v = (await author.case.linkIncident({ caseId: created.id, incidentId: incident.id })).version;
    v = await publishCase(created.id, v);

    // Every kind of change of a published case: its fields, a linked incident, a legal event, an intervention.
    v = (await author.case.update({ id: created.id, version: v, title: 'Renamed in draft', summary: 'Second account.', status: 'closed', persons: [] })).version;
    v = (await author.case.linkIncident({ caseId: created.id, incidentId: later.id })).version;
    v = (await author.case.addLegalEvent({ caseId: created.id, kind: 'verdict', date: '2017-09-01', datePrecision: 'day', personId: null, court: 'Draft court', summary: null, outcome: null, provisions: [] })).caseVersion;
    v = (await author.case.addIntervention({ caseId: created.id, kind: 'statement', date: '2017-09-02', datePrecision: 'day', by: 'Draft author', referenceCode: null, summary: null, sourceId: null })).caseVersion;
    v = (await author.case.submit({ id: created.id, version: v })).version;
    v = (await reviewing.case.approve({ id: created.id, version: v })).version;

    const waiting = await publicCase(created.id);
    expect(waiting.body).toMatchObject({ title: 'Fines against the picket', summary: 'First account.', status: 'open' });
    expect(waiting.body.timeline!.map((e) => e.kind)).toEqual(['incident']);
    expect(JSON.stringify(waiting.body)).not.toMatch(/Renamed in draft|Draft court|Draft author|Activist detained again/);
    expect(await publicCasesWithIncident(later.id)).toEqual([]);
    // An incident's publication refreshes the case from its published version too, not from the draft.
    await reviewing.review.retract({ id: incident.id, version: incident.version, comment: 'Checking' });
    expect((await publicCase(created.id)).body).toMatchObject({ title: 'Fines against the picket', timeline: [] });

    await reviewing.case.publish({ id: created.id, version: v });
    const published = await publicCase(created.id);
    expect(published.body).toMatchObject({ title: 'Renamed in draft', summary: 'Second account.', status: 'closed' });
    expect(published.body.timeline!.map((e) => e.kind)).toEqual(['incident', 'legal_event', 'intervention']);
    expect(await publicCasesWithIncident(later.id)).toEqual([{ id: created.id, title: 'Renamed in draft' }]);
  });

  it('protect a person marked confidential after publication once the organization is refreshed (as an import or a merge does)', async () => {
    const [person] = await database.db
      .insert(persons)
      .values({ organizationId: ngo.id, ref: 'person:later-protected', name: 'Saule Laterprotected', categories: [], confidential: false })
      .returning();
    const created = await author.case.create({ organizationId: ngo.id, title: 'Threats against Saule Laterprotected', summary: null, persons: [{ personId: person!.id, role: null }] });
    await publishCase(created.id, created.version);
    expect((await publicCase(created.id)).body.persons).toEqual([{ name: 'Saule Laterprotected', protected: false, role: null }]);

    await database.db.update(persons).set({ confidential: true }).where(eq(persons.id, person!.id));
    await database.db.transaction((tx) => refreshPublicIncidentsOf(tx, ngo.id));
    const after = await publicCase(created.id);
    expect(after.body.persons).toEqual([{ name: 'Protected person 1', protected: true, role: null }]);
    expect(after.body.title).toBe('Threats against Protected person 1');
  });

  it('page with a cursor, match words, and refuse what they cannot answer with 400', async () => {
    const [findable] = await database.db
      .insert(persons)
      .values({ organizationId: ngo.id, ref: 'person:findable', name: 'Marat Findable', categories: [], confidential: false })
      .returning();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const created = await author.case.create({
        organizationId: ngo.id,
        title: `Paged case ${i}`,
        summary: i === 1 ? 'About the Oral region' : null,
        persons: i === 2 ? [{ personId: findable!.id, role: null }] : [],
      });
      await publishCase(created.id, created.version);
      ids.push(created.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await publicList(`?q=paged&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.cases.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.cases.map((c) => c.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());

    // Words match the title, the summary, a person's public name and a public incident's title; case does not matter.
    expect((await publicList('?q=ORAL%20region')).body.cases.map((c) => c.id)).toEqual([ids[1]]);
    expect((await publicList('?q=findable')).body.cases.map((c) => c.id)).toEqual([ids[2]]);
    // A protected person's name finds nothing: a search must not tell who is behind a label.
    expect((await publicList('?q=Laterprotected')).body.cases).toEqual([]);
    expect((await publicList('?q=detained%20again')).body.cases.map((c) => c.title)).toEqual(['Renamed in draft']);
    expect((await publicList('?q=50%25')).body.cases).toEqual([]);

    const refused: [string, string][] = [
      ['?limit=0', 'limit'],
      ['?limit=101', 'limit'],
      ['?limit=two', 'limit'],
      ['?cursor=junk', 'cursor'],
      ['?region=Almaty', 'unknown parameter: region'],
      ['?colour=red', 'unknown parameter: colour'],
      ['?q=a&q=b', 'repeated parameter: q'],
      [`?q=${'x'.repeat(201)}`, 'q'],
    ];
    for (const [query, problem] of refused) {
      const answer = await publicList(query);
      expect(answer.status, query).toBe(400);
      expect(answer.body.message, query).toContain(problem);
    }
    const withParameter = await publicCase(ids[0]!, '?colour=red');
    expect(withParameter.status).toBe(400);
  });
});
