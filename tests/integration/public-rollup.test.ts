import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { publicIncidentCounts, vocabularyTerms } from '@/db/schema';
import { publicRead } from '@/server/public/db';
import type { PublicFilters } from '@/server/public/filters';
import { groupings, type Grouping } from '@/server/public/groupings';
import { publicStats, statsFromReadModel } from '@/server/public/stats';
import { rollupIsCurrent, rollupPlan, statsFromRollup } from '@/server/public/stats-rollup';
import { importExchangeDocument } from '@/server/services/exchange/import';
import { rebuildPublicIncidentCounts } from '@/server/services/publishing/public-counts';
import { createTestDatabase } from '../support/database';
import { anIncident, callerFor, createOrganization, createUser } from '../support/factories';

/**
 * The counted figures must always say what the read model says. After each change that touches
 * what is public (import, publish, edit and republish, retract, delete, restore, a new broader
 * term), every grouping under many filters (each value alone, pairs of values, whole-month date
 * ranges) is answered both ways and compared; the maintained counts must also equal a recount.
 */

type Fixture = { incidents: { ref: string; status?: string; location: { region: string | null }; violation_types: string[] }[] };
const fixture = JSON.parse(readFileSync('fixtures/kazakhstan-2017.json', 'utf8')) as Fixture;

let database: Database;
let ngo: { id: string };
let admin: { id: string };
let monitor: { id: string };
let reviewer: { id: string };

beforeAll(async () => {
  database = await createTestDatabase();
  ngo = await createOrganization(database.db, 'Kazakhstan Bureau');
  admin = await createUser(database.db, ngo.id, 'admin');
  monitor = await createUser(database.db, ngo.id, 'monitor');
  reviewer = await createUser(database.db, ngo.id, 'reviewer');
  await importExchangeDocument(database.db, fixture, { organizationId: ngo.id, actingUserId: admin.id });
});
afterAll(async () => {
  await database?.close();
});

/** Every value that occurs (from the read model's own figures), plus one that never does. */
async function valuesInUse(): Promise<Record<'region' | 'type' | 'category' | 'perpetrator', string[]>> {
  const keys = async (groupBy: Grouping) =>
    (await publicStats(groupBy, {}, 'en', database.db)).counts.flatMap((c) => (c.key === null ? [] : [c.key]));
  return {
    region: [...(await keys('region')), 'Nowhere Region'],
    type: [...(await keys('violation_type')), 'no_such_type'],
    category: [...(await keys('defender_category'))],
    perpetrator: [...(await keys('perpetrator_type'))],
  };
}

const dateRanges: Pick<PublicFilters, 'from' | 'to'>[] = [
  {},
  { from: '2017' },
  { to: '2016' },
  { from: '2017-05' },
  { to: '2017-05' },
  { from: '2017-03', to: '2017-06' },
  { from: '2017-06-01', to: '2017-09-30' },
  { from: '2016-12', to: '2018' },
];

async function filterSets(): Promise<PublicFilters[]> {
  const values = await valuesInUse();
  const singles: PublicFilters[] = [
    ...values.region.map((region) => ({ region })),
    ...values.type.map((type) => ({ type })),
    ...values.category.map((category) => ({ category })),
    ...values.perpetrator.map((perpetrator) => ({ perpetrator })),
  ];
  const pairs: PublicFilters[] = [];
  for (const region of values.region.slice(0, 3)) for (const type of values.type.slice(0, 6)) pairs.push({ region, type });
  for (const type of values.type.slice(0, 4)) for (const category of values.category.slice(0, 4)) pairs.push({ type, category });
  for (const category of values.category.slice(0, 3)) for (const perpetrator of values.perpetrator.slice(0, 3)) pairs.push({ category, perpetrator });
  const sets: PublicFilters[] = [...dateRanges];
  for (const dates of dateRanges.slice(0, 3)) sets.push(...singles.map((f) => ({ ...dates, ...f })));
  for (const dates of dateRanges.slice(3)) sets.push(...singles.filter((_, i) => i % 5 === 0).map((f) => ({ ...dates, ...f })));
  sets.push(...pairs, ...pairs.slice(0, 10).map((f) => ({ ...f, from: '2017-04', to: '2017-10' })));
  return sets;
}

/** Answers every grouping under every filter set both ways; returns how many answers came from the counts. */
async function expectRollupEqualsReadModel(): Promise<number> {
  const sets = await filterSets();
  return publicRead(async (tx) => {
    expect(await rollupIsCurrent(tx)).toBe(true);
    let compared = 0;
    for (const filters of sets) {
      for (const groupBy of groupings) {
        const plan = rollupPlan(groupBy, filters);
        if (!plan) continue;
        const expected = await statsFromReadModel(tx, groupBy, filters);
        expect(await statsFromRollup(tx, plan), `${groupBy} ${JSON.stringify(filters)}`).toEqual(expected);
        compared++;
      }
    }
    return compared;
  }, database.db);
}

/** The maintained rows (zeros aside) equal the rows a recount makes. */
async function expectMaintainedEqualsRecount() {
  const rows = async () =>
    rowsOf<Record<string, unknown>>(
      await database.db.execute(
        sql`SELECT filter_dim, filter_key, group_dim, group_key, month::text, year_only, incidents FROM ${publicIncidentCounts}
          WHERE incidents <> 0 ORDER BY 1, 2, 3, 4, 5, 6`,
      ),
    );
  const maintained = await rows();
  await database.db.transaction((tx) => rebuildPublicIncidentCounts(tx));
  expect(await rows()).toEqual(maintained);
}

async function publishNew(overrides: Parameters<typeof anIncident>[0]) {
  const author = await callerFor(database.db, monitor.id);
  const reviewing = await callerFor(database.db, reviewer.id);
  const { id } = await author.incident.create({ organizationId: ngo.id, incident: anIncident(overrides) });
  let v = (await author.review.submit({ id, version: 1 })).version;
  v = (await reviewing.review.approve({ id, version: v })).version;
  v = (await reviewing.review.publish({ id, version: v })).version;
  return { id, version: v };
}

describe('the counted public figures', () => {
  it('equal the read model after an import, and answer the questions they claim to', async () => {
    const compared = await expectRollupEqualsReadModel();
    // Each value alone and in pairs, for each grouping: hundreds of answers from the counts.
    expect(compared).toBeGreaterThan(300);
    // The plan declines what the counts cannot answer exactly.
    expect(rollupPlan('year', { q: 'Mamay' })).toBeNull();
    expect(rollupPlan('year', { from: '2017-05-20' })).toBeNull();
    expect(rollupPlan('year', { to: '2017-05-30' })).toBeNull();
    expect(rollupPlan('violation_type', { region: 'Almaty', category: 'journalist' })).toBeNull();
    expect(rollupPlan('year', { region: 'Almaty', type: 'threats_intimidation', category: 'journalist' })).toBeNull();
    expect(rollupPlan('year', { region: 'Almaty', category: 'journalist', from: '2017-02', to: '2017-03-31' })).not.toBeNull();
    // The dashboard's figures match the unfiltered read model (a grouping per chart).
    const total = (await publicStats('year', {}, 'en', database.db)).total;
    expect(total).toBe(fixture.incidents.filter((i) => i.status === 'published').length);
    await expectMaintainedEqualsRecount();
  });

  it('follow publish, edit and republish, retract, delete and restore', { timeout: 120_000 }, async () => {
    const author = await callerFor(database.db, monitor.id);
    const reviewing = await callerFor(database.db, reviewer.id);
    const administering = await callerFor(database.db, admin.id);
    const before = (await publicStats('year', {}, 'en', database.db)).total;

    const published = await publishNew({
      date: { precision: 'year', start: '2016' },
      location: { country: 'KZ', region: 'Almaty', locality: 'Almaty', precision: 'locality' },
      violationTypes: ['criminal_charges', 'conviction', 'threats_intimidation'],
    });
    expect((await publicStats('year', {}, 'en', database.db)).total).toBe(before + 1);
    await expectRollupEqualsReadModel();

    // A new draft changes nothing public; its publication moves the incident to another region, month and types.
    let v = (await author.incident.update({
      id: published.id,
      version: published.version,
      incident: anIncident({
        date: { precision: 'day', start: '2017-07-14' },
        location: { country: 'KZ', region: null, locality: null, precision: 'country' },
        violationTypes: ['arbitrary_detention'],
        victims: [{ kind: 'group', groupName: 'Striking oil workers', count: 40, killed: null, injured: null, categories: ['worker'] }],
      }),
    })).version;
    await expectRollupEqualsReadModel();
    v = (await author.review.submit({ id: published.id, version: v })).version;
    v = (await reviewing.review.approve({ id: published.id, version: v })).version;
    v = (await reviewing.review.publish({ id: published.id, version: v })).version;
    await expectRollupEqualsReadModel();

    await reviewing.review.retract({ id: published.id, version: v, comment: 'Sources disagree' });
    expect((await publicStats('year', {}, 'en', database.db)).total).toBe(before);
    await expectRollupEqualsReadModel();

    // A published incident with a draft correction is retracted at once; the draft is deleted by its author,
    // restored by an admin, and published: each change of what is public moves the counts with it.
    const second = await publishNew({ violationTypes: ['search_and_seizure'] });
    let draft = (await author.incident.update({ id: second.id, version: second.version, incident: anIncident({ title: 'Correction' }) })).version;
    draft = (await reviewing.review.retract({ id: second.id, version: draft, comment: 'Names a witness' })).version;
    expect((await publicStats('year', {}, 'en', database.db)).total).toBe(before);
    await expectRollupEqualsReadModel();
    await author.incident.delete({ id: second.id, version: draft });
    await administering.incident.restore({ id: second.id });
    expect((await publicStats('year', {}, 'en', database.db)).total).toBe(before);
    draft = (await author.review.submit({ id: second.id, version: draft })).version;
    draft = (await reviewing.review.approve({ id: second.id, version: draft })).version;
    await reviewing.review.publish({ id: second.id, version: draft });
    expect((await publicStats('year', {}, 'en', database.db)).total).toBe(before + 1);
    await expectRollupEqualsReadModel();
    await expectMaintainedEqualsRecount();
  });

  it('follow a second import that changes incidents, and recount after the vocabulary hierarchy changes', { timeout: 60_000 }, async () => {
    const changed = structuredClone(fixture);
    const first = changed.incidents.find((i) => i.status === 'published')!;
    first.location.region = 'Atyrau Region';
    first.violation_types = ['criminal_charges', 'denial_of_fair_trial'];
    await importExchangeDocument(database.db, changed, { organizationId: ngo.id, actingUserId: admin.id });
    // Stored as its code (the public filters read the name as the code on the way in).
    expect((await publicStats('region', { region: 'KZ-23' }, 'en', database.db)).total).toBe(1);
    await expectRollupEqualsReadModel();

    // A term gets a broader term: the counts no longer say what the read model says, so the stats read the read model.
    await database.db.update(vocabularyTerms).set({ parentCode: 'judicial_harassment' }).where(eq(vocabularyTerms.code, 'search_and_seizure'));
    expect(await publicRead((tx) => rollupIsCurrent(tx), database.db)).toBe(false);
    const underParent = await publicStats('year', { type: 'judicial_harassment' }, 'en', database.db);
    const readModel = await publicRead((tx) => statsFromReadModel(tx, 'year', { type: 'judicial_harassment' }), database.db);
    expect(underParent.total).toBe(readModel.total);

    // The next change to what is public recounts everything with the new hierarchy.
    await publishNew({ violationTypes: ['search_and_seizure'] });
    await expectRollupEqualsReadModel();
    await expectMaintainedEqualsRecount();
  });
});
