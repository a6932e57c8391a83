import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, isNotNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { cases, incidentVersions, incidents, organizations, persons, users } from '@/db/schema';
import { seedDemo } from '@/server/services/demo/seed';
import { createTestDatabase } from '../support/database';
import { callerFor } from '../support/factories';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function statusCounts() {
  const rows = await database.db.select({ status: incidents.reviewStatus, n: count() }).from(incidents).groupBy(incidents.reviewStatus);
  return Object.fromEntries(rows.map((row) => [row.status, row.n]));
}

/**
 * The demo's reviewer as they read the workspace once signed in. The demo's organization requires
 * reviewers to set up a second factor first (README); that gate has its own tests, so here it is off.
 */
async function demoReviewer(id: string) {
  await database.db.update(organizations).set({ secondFactorPolicy: 'nobody' });
  return callerFor(database.db, id);
}

describe('the demo', () => {
  it('loads the 26 incidents with the review workflow in motion, and a second run changes nothing', async () => {
    const first = await seedDemo(database);
    expect(await statusCounts()).toEqual({ published: 23, submitted: 2, changes_requested: 1 });
    // Four of the five cases are published through review; one waits for a reviewer.
    const caseStates = await database.db.select({ status: cases.reviewStatus, n: count() }).from(cases).groupBy(cases.reviewStatus);
    expect(Object.fromEntries(caseStates.map((row) => [row.status, row.n]))).toEqual({ published: 4, submitted: 1 });
    // The two corrected incidents keep their published version for the public.
    const [withPublished] = await database.db.select({ n: count() }).from(incidents).where(isNotNull(incidents.publishedVersion));
    expect(withPublished!.n).toBe(25);
    const [versionsBefore] = await database.db.select({ n: count() }).from(incidentVersions);

    const second = await seedDemo(database);
    expect(second.summary).toBe('already loaded');
    expect(second.organizationId).toBe(first.organizationId);
    const [versionsAfter] = await database.db.select({ n: count() }).from(incidentVersions);
    expect(versionsAfter!.n).toBe(versionsBefore!.n);
    expect(await statusCounts()).toEqual({ published: 23, submitted: 2, changes_requested: 1 });
  });

  it('gives the reviewer a queue with the corrections and their diffs', async () => {
    const { accounts } = await seedDemo(database);
    expect(accounts.map((a) => a.role)).toEqual(['monitor', 'reviewer', 'admin']);
    const [reviewerRow] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, accounts[1]!.email));
    const queue = await (await demoReviewer(reviewerRow!.id)).review.queue();
    const correction = queue.find((item) => item.title === 'Foreign Policy website blocked in Kazakhstan');
    expect(correction?.changes).toEqual([{ field: 'title', before: 'Foreign Policy website blocked', after: 'Foreign Policy website blocked in Kazakhstan' }]);
    const [mamay] = await database.db.select({ id: incidents.id }).from(incidents).where(eq(incidents.ref, 'inc:mamay-beaten'));
    const comments = await (await demoReviewer(reviewerRow!.id)).comment.list({ incidentId: mamay!.id });
    expect(comments[0]?.body).toMatch(/cite the source/);
  });

  it('tells the Kharkova case as it happened: charges in January 2017, conviction on 25 July 2017, appeal upheld on 29 September 2017', async () => {
    const { accounts } = await seedDemo(database);
    const [reviewerRow] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, accounts[1]!.email));
    const caller = await demoReviewer(reviewerRow!.id);
    const [kharkovaCase] = await database.db.select({ id: cases.id }).from(cases).where(eq(cases.ref, 'case:kharkova'));
    const timeline = await caller.case.timeline({ id: kharkovaCase!.id });

    const steps = timeline.flatMap((item) =>
      item.type === 'legalEvent' ? [{ kind: item.kind, date: item.date, precision: item.datePrecision, outcome: item.outcome }] : [],
    );
    expect(steps).toEqual([
      { kind: 'charges', date: '2017-01-01', precision: 'month', outcome: null },
      { kind: 'verdict', date: '2017-07-25', precision: 'day', outcome: 'convicted' },
      { kind: 'hearing', date: '2017-09-28', precision: 'day', outcome: null },
      { kind: 'appeal_decision', date: '2017-09-29', precision: 'day', outcome: 'upheld' },
    ]);
    // The interventions come from the fixture through the exchange importer, in date order among the rest.
    const interventions = timeline.flatMap((item) => (item.type === 'intervention' ? [[item.date, item.kind, item.referenceCode]] : []));
    expect(interventions).toEqual([
      ['2017-01-23', 'un_communication', 'KAZ 1/2017'],
      ['2017-03-20', 'government_reply', 'KAZ 1/2017'],
      ['2017-10-04', 'urgent_appeal', null],
      ['2017-12-12', 'un_communication', 'AL KAZ 3/2017'],
    ]);
    const dates = timeline.map((item) => item.date);
    expect(dates).toEqual([...dates].sort());
    const conviction = timeline.findIndex((item) => item.type === 'incident' && item.title === 'Larisa Kharkova convicted of abuse of office');
    const verdict = timeline.findIndex((item) => item.type === 'legalEvent' && item.kind === 'verdict');
    expect(timeline[conviction]?.date).toBe('2017-07-25');
    expect(Math.abs(conviction - verdict)).toBe(1);

    // Her person page lists her incidents and this case.
    const [kharkova] = await database.db.select({ id: persons.id }).from(persons).where(eq(persons.ref, 'person:kharkova'));
    const page = await caller.person.get({ id: kharkova!.id });
    expect(page.incidents.map((incident) => incident.ref)).toEqual([
      'inc:kharkova-charges',
      'inc:kharkova-conviction',
      'inc:kharkova-expert-refused',
      'inc:kharkova-appeal',
    ]);
    expect(page.cases).toEqual([
      expect.objectContaining({ id: kharkovaCase!.id, role: 'defendant', connections: ['person', 'legalEvent', 'incident'] }),
    ]);
  });
});
