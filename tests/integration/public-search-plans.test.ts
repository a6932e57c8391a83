/**
 * A public search page is read one of three ways, chosen by how many incidents its words' GIN index
 * finds (server/public/word-hits.ts): nothing read when none, the hits sorted when few, the date
 * walk when many. Whichever way, the rows must be those of the plain query (the date walk, which
 * the app ran for every search before), page after page, in each tier of a ranked search and with
 * other filters beside the words: on PostgreSQL and on the embedded database.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { publicRead, setPublicDatabaseForTests, type PublicTx } from '@/server/public/db';
import type { PublicFilters } from '@/server/public/filters';
import { listPublicIncidents, pageQuery, type Cursor } from '@/server/public/incidents';
import { narrowerTerms } from '@/server/public/where';
import { hitsPlan, type HitsPlan } from '@/server/public/word-hits';
import { importExchangeDocument } from '@/server/services/exchange/import';
import { createEmbeddedTestDatabase, createTestDatabase } from '../support/database';
import { createOrganization, createUser } from '../support/factories';

type Tier = 'title' | 'rest';

/** Every row of a query for `plan`, read two at a time through the keyset cursor, as ids. */
async function pagedIds(tx: PublicTx, filters: PublicFilters, tier: Tier | undefined, plan: HitsPlan): Promise<string[]> {
  const ids: string[] = [];
  let after: Cursor | null = null;
  for (;;) {
    const rows = await pageQuery(tx, filters, after, 2, { tier, plan: plan === 'none' ? 'walk' : plan });
    ids.push(...rows.map((row) => row.incidentId));
    const last = rows.at(-1);
    if (rows.length < 2 || !last) return ids;
    after = { d: last.startDate, id: last.incidentId, ...(tier ? { t: tier } : {}) };
  }
}

/** The plain query's rows, all at once: the reference. */
async function plainIds(tx: PublicTx, filters: PublicFilters, tier?: Tier): Promise<string[]> {
  return (await pageQuery(tx, filters, null, 1000, { tier })).map((row) => row.incidentId);
}

describe.each([
  ['PostgreSQL', createTestDatabase],
  ['the embedded database', createEmbeddedTestDatabase],
])('a public search page read by its number of hits, on %s', (_driver, create) => {
  let database: Database;

  beforeAll(async () => {
    database = await create();
    const ngo = await createOrganization(database.db, 'Kazakhstan Bureau');
    const admin = await createUser(database.db, ngo.id, 'admin');
    const fixture = JSON.parse(readFileSync('fixtures/kazakhstan-2017.json', 'utf8')) as Parameters<typeof importExchangeDocument>[1];
    await importExchangeDocument(database.db, fixture, { organizationId: ngo.id, actingUserId: admin.id });
    setPublicDatabaseForTests(database.db);
  }, 120_000);
  afterAll(async () => {
    setPublicDatabaseForTests(undefined);
    await database?.close();
  });

  const read = <T>(run: (tx: PublicTx) => Promise<T>) => publicRead(run, database.db);

  it('counts the hits in the GIN index up to the cap: none, few, or more than the cap', async () => {
    expect(await read((tx) => hitsPlan(tx, 'zeppelin', 'all'))).toBe('none');
    expect(await read((tx) => hitsPlan(tx, 'Kharkova', 'all'))).toBe('sort');
    expect(await read((tx) => hitsPlan(tx, 'court', 'all', 3))).toBe('walk');
    expect(await read((tx) => hitsPlan(tx, 'court', 'all', 100))).toBe('sort');
    // A title tier counts the titles' words: a word found only in the rest of a record has no title hits.
    const inTitles = await read((tx) => plainIds(tx, { q: 'KIBHR' }, 'title'));
    expect(inTitles.length).toBeLessThan((await read((tx) => plainIds(tx, { q: 'KIBHR' }))).length);
  });

  const searches: PublicFilters[] = [
    { q: 'zeppelin' },
    { q: 'Kharkova' },
    { q: 'Харьковой' },
    { q: 'court' },
    { q: 'court KIBHR' },
    { q: 'court', region: 'KZ-75' }, // Almaty, by its code (the public API reads a name as its code)
    { q: 'court', from: '2017-03', to: '2017-09' },
  ];

  it.each(searches)('gives the plain query’s rows, page after page, in each tier, sorted or walked: %o', async (filters) => {
    await read(async (tx) => {
      for (const tier of [undefined, 'title', 'rest'] as const) {
        const plain = await plainIds(tx, filters, tier);
        expect(await pagedIds(tx, filters, tier, 'sort')).toEqual(plain);
        expect(await pagedIds(tx, filters, tier, 'walk')).toEqual(plain);
      }
    });
  });

  it.each(searches)('lists the same incidents as the plain queries of the two tiers, with no words found as with some: %o', async (filters) => {
    const listed: string[] = [];
    let cursor: string | null = null;
    do {
      const { decodeCursor } = await import('@/server/public/incidents');
      const page: Awaited<ReturnType<typeof listPublicIncidents>> = await listPublicIncidents(
        { filters, cursor: cursor === null ? null : decodeCursor(cursor), limit: 3, lang: 'en' },
        database.db,
      );
      listed.push(...page.incidents.map((incident) => incident.id));
      cursor = page.nextCursor;
    } while (cursor);
    const expected = await read(async (tx) => [...(await plainIds(tx, filters, 'title')), ...(await plainIds(tx, filters, 'rest'))]);
    expect(listed).toEqual(expected);
    if (filters.q === 'zeppelin') expect(listed).toEqual([]);
    else expect(listed.length).toBeGreaterThan(0);
  });

  it.each<PublicFilters>([
    { type: 'judicial_harassment' },
    { type: 'judicial_harassment', category: 'trade_unionist' },
    { type: 'conviction', category: 'journalist', perpetrator: 'court' },
    { category: 'civil_society_activist', q: 'court' },
    { type: 'no_such_term' },
  ])('reads the vocabulary filters’ codes first, written in as constants, with the same rows as the subquery: %o', async (filters) => {
    await read(async (tx) => {
      const narrower = await narrowerTerms(tx, filters);
      if (filters.type === 'judicial_harassment') expect(narrower.type).toEqual(expect.arrayContaining(['judicial_harassment', 'conviction', 'criminal_charges']));
      const plain = await plainIds(tx, filters);
      const constants = (await pageQuery(tx, filters, null, 1000, { narrower })).map((row) => row.incidentId);
      expect(constants).toEqual(plain);
      if (filters.type === 'judicial_harassment') expect(plain.length).toBeGreaterThan(0);
    });
  });
});
