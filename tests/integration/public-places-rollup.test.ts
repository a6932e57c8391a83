import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { publicPlaceCounts, publicPlaceNames } from '@/db/schema';
import { publicRead } from '@/server/public/db';
import type { PublicFilters } from '@/server/public/filters';
import { placesFromReadModel, placesFromRollup, placesPlan, publicPlaces } from '@/server/public/places';
import { importExchangeDocument } from '@/server/services/exchange/import';
import { rebuildPublicPlaces } from '@/server/services/publishing/public-places';
import { createEmbeddedTestDatabase, createTestDatabase } from '../support/database';
import { anIncident, callerFor, createOrganization, createUser } from '../support/factories';

/**
 * The dashboard's map reads the counted places when the filters are a region and whole years. After
 * each change of what is public (import, publish, republish elsewhere, retract, publish again) the
 * counted answer must equal the read model's for every such filter, and the maintained rows a recount;
 * on PostgreSQL and on the embedded PGlite, which run the same SQL.
 */

const fixture = JSON.parse(readFileSync('fixtures/kazakhstan-2017.json', 'utf8')) as unknown;

const filterSets: PublicFilters[] = [
  {},
  { from: '2017' },
  { to: '2016' },
  { from: '2016', to: '2017' },
  { from: '2017-01', to: '2017-12-31' },
  { region: 'KZ-75' },
  { region: 'KZ-47' },
  { region: 'KZ-47', from: '2017', to: '2017' },
  { region: 'KZ-YUZ', to: '2017' },
  { region: 'Nowhere Region' },
];

for (const [driver, open] of [
  ['PostgreSQL', createTestDatabase],
  ['PGlite', createEmbeddedTestDatabase],
] as const) {
  describe(`the counted places on ${driver}`, () => {
    let database: Database;
    let ngo: { id: string };
    let monitor: { id: string };
    let reviewer: { id: string };

    beforeAll(async () => {
      database = await open();
      ngo = await createOrganization(database.db, 'Kazakhstan Bureau');
      const admin = await createUser(database.db, ngo.id, 'admin');
      monitor = await createUser(database.db, ngo.id, 'monitor');
      reviewer = await createUser(database.db, ngo.id, 'reviewer');
      await importExchangeDocument(database.db, fixture as never, { organizationId: ngo.id, actingUserId: admin.id });
      // Migrating and importing into PGlite takes a minute on a busy machine.
    }, 180_000);
    afterAll(async () => {
      await database?.close();
    });

    /** Every covered filter answered both ways; returns the located total without filters. */
    async function expectRollupEqualsReadModel(): Promise<number> {
      return publicRead(async (tx) => {
        for (const filters of filterSets) {
          const plan = placesPlan(filters);
          expect(plan, JSON.stringify(filters)).not.toBeNull();
          expect(await placesFromRollup(tx, plan!), JSON.stringify(filters)).toEqual(await placesFromReadModel(tx, filters));
        }
        return (await placesFromRollup(tx, placesPlan({})!)).located;
      }, database.db);
    }

    async function expectMaintainedEqualsRecount() {
      const rows = async () => ({
        counts: rowsOf(await database.db.execute(sql`SELECT year, region, lat, lon, incidents FROM ${publicPlaceCounts} WHERE incidents <> 0 ORDER BY 1, 2, 3, 4`)),
        names: rowsOf(await database.db.execute(sql`SELECT lat, lon, locality, incidents FROM ${publicPlaceNames} WHERE incidents <> 0 ORDER BY 1, 2, 3`)),
      });
      const maintained = await rows();
      expect(maintained.counts.length).toBeGreaterThan(0);
      await database.db.transaction((tx) => rebuildPublicPlaces(tx));
      expect(await rows()).toEqual(maintained);
    }

    async function publish(id: string, version: number): Promise<number> {
      const author = await callerFor(database.db, monitor.id);
      const reviewing = await callerFor(database.db, reviewer.id);
      let v = (await author.review.submit({ id, version })).version;
      v = (await reviewing.review.approve({ id, version: v })).version;
      return (await reviewing.review.publish({ id, version: v })).version;
    }

    it('declines the filters it cannot answer', () => {
      expect(placesPlan({ q: 'Aktau' })).toBeNull();
      expect(placesPlan({ type: 'arbitrary_detention' })).toBeNull();
      expect(placesPlan({ category: 'journalist' })).toBeNull();
      expect(placesPlan({ perpetrator: 'police' })).toBeNull();
      expect(placesPlan({ from: '2017-05' })).toBeNull();
      expect(placesPlan({ to: '2017-11-30' })).toBeNull();
      expect(placesPlan({ region: 'Almaty', from: '2017' })).toEqual({ region: 'Almaty', years: { from: 2017, to: null } });
    });

    it('equal the read model after an import, a publication, a republication elsewhere, a retraction and a new publication', { timeout: 120_000 }, async () => {
      const imported = await expectRollupEqualsReadModel();
      expect(imported).toBeGreaterThan(0);
      await expectMaintainedEqualsRecount();

      // Published at a point the fixture already has (Aktau), under another locality name that sorts first.
      const author = await callerFor(database.db, monitor.id);
      const aktau = { country: 'KZ', region: 'Mangystau Region', locality: 'Aktau port', lat: 43.6532, lon: 51.1975, precision: 'locality' as const };
      const { id } = await author.incident.create({ organizationId: ngo.id, incident: anIncident({ date: { precision: 'year', start: '2016' }, location: aktau }) });
      let v = await publish(id, 1);
      expect(await expectRollupEqualsReadModel()).toBe(imported + 1);
      const dashboard = await publicPlaces({}, database.db);
      // A map of the busiest few still knows how many places there are in all.
      const busiest = await publicPlaces({}, database.db, 2);
      expect(busiest.places.map((place) => place.count)).toEqual(dashboard.places.slice(0, 2).map((place) => place.count));
      expect({ points: busiest.points, located: busiest.located }).toEqual({ points: dashboard.places.length, located: dashboard.located });
      expect(dashboard.points).toBeGreaterThan(2);
      // The read model coarsens the point (to the fixture's Aktau point); the point keeps the first of its names.
      expect(dashboard.places.filter((place) => place.region === 'KZ-47' && Math.abs(place.lat - aktau.lat) < 0.01).map((place) => place.locality)).toEqual(['Aktau']);

      // Republished in another region, year and point: it leaves Aktau and counts at the new point.
      const almaty = { country: 'KZ', region: 'Almaty', locality: 'Almaty', lat: 43.2389, lon: 76.8897, precision: 'locality' as const };
      v = (await author.incident.update({ id, version: v, incident: anIncident({ date: { precision: 'day', start: '2018-03-08' }, location: almaty }) })).version;
      v = await publish(id, v);
      expect(await expectRollupEqualsReadModel()).toBe(imported + 1);
      const inAlmaty = await publicPlaces({ region: 'KZ-75', from: '2018', to: '2018' }, database.db);
      expect(inAlmaty).toMatchObject({ located: 1, places: [{ count: 1, locality: 'Almaty', region: 'KZ-75' }] });

      // Retracted: nothing of it stays counted.
      const reviewing = await callerFor(database.db, reviewer.id);
      await reviewing.review.retract({ id, version: v, comment: 'Sources disagree' });
      expect(await expectRollupEqualsReadModel()).toBe(imported);
      expect((await publicPlaces({ region: 'KZ-75', from: '2018', to: '2018' }, database.db)).located).toBe(0);

      // A new publication without a point counts nowhere on the map.
      const { id: unplaced } = await author.incident.create({
        organizationId: ngo.id,
        incident: anIncident({ location: { country: 'KZ', region: 'Almaty', locality: null, precision: 'region' } }),
      });
      await publish(unplaced, 1);
      expect(await expectRollupEqualsReadModel()).toBe(imported);
      await expectMaintainedEqualsRecount();
    });
  });
}
