/**
 * The workspace incident list reads a page of a text search one of three ways, chosen by how many
 * search documents hold the words (server/services/search/word-hits.ts): nothing read when none,
 * the hits sorted when few, the sort column's index walked when many. Whichever way, the rows and
 * the cursors must be those of the walk (which the list ran for every search before), page after
 * page, through both tiers of the ranked list and in every sort: on PostgreSQL and on PGlite.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import type { HitsPlan } from '@/server/text-search/hits';
import { incidentListInput } from '@/common/inputs/incident';
import { listIncidents } from '@/server/services/incidents/list';
import { importExchangeDocument } from '@/server/services/exchange/import';
import { createEmbeddedTestDatabase, createTestDatabase } from '../support/database';
import { createOrganization, createUser } from '../support/factories';

/** The plan the list is made to take (undefined: the one the hits decide), and the plans it took. */
const forced: { plan?: HitsPlan; taken: HitsPlan[] } = { taken: [] };
vi.mock('@/server/services/search/word-hits', async (actual) => {
  const real = await actual<typeof import('@/server/services/search/word-hits')>();
  return {
    ...real,
    incidentHitsPlan: async (...args: Parameters<typeof real.incidentHitsPlan>) => {
      const plan = forced.plan ?? (await real.incidentHitsPlan(...args));
      forced.taken.push(plan);
      return plan;
    },
  };
});

const sorts = ['date_desc', 'date_asc', 'updated_desc'] as const;

describe.each([
  ['PostgreSQL', createTestDatabase],
  ['the embedded database', createEmbeddedTestDatabase],
])('a workspace search page read by its number of hits, on %s', (_driver, create) => {
  let database: Database;
  let organizationId: string;

  beforeAll(async () => {
    database = await create();
    const ngo = await createOrganization(database.db, 'Kazakhstan Bureau');
    organizationId = ngo.id;
    const admin = await createUser(database.db, ngo.id, 'admin');
    const fixture = JSON.parse(readFileSync('fixtures/kazakhstan-2017.json', 'utf8')) as Parameters<typeof importExchangeDocument>[1];
    await importExchangeDocument(database.db, fixture, { organizationId: ngo.id, actingUserId: admin.id });
  }, 120_000);
  afterAll(async () => {
    forced.plan = undefined;
    await database?.close();
  });

  /** Every page of the list, two rows at a time, as ids and the cursor after each page, read with `plan` forced (or decided). */
  async function pages(text: string, sort: (typeof sorts)[number], plan: HitsPlan | undefined) {
    forced.plan = plan;
    forced.taken = [];
    const read: { ids: string[]; next: string | null }[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listIncidents>> = await listIncidents(database.db, [organizationId], incidentListInput.parse({ text, sort, limit: 2, cursor }));
      read.push({ ids: page.items.map((item) => item.id), next: page.nextCursor });
      cursor = page.nextCursor;
    } while (cursor);
    forced.plan = undefined;
    return { read, taken: forced.taken };
  }

  it('decides none for a word in no document, sort for a few hits, in the titles for the title tier', async () => {
    expect((await pages('zeppelin', 'date_desc', undefined)).taken).toEqual(['none', 'none']);
    expect((await pages('Kharkova', 'date_desc', undefined)).taken).toContain('sort');
    const { incidentHitsPlan: real } = await vi.importActual<typeof import('@/server/services/search/word-hits')>('@/server/services/search/word-hits');
    expect(await real(database.db, 'court', 'all', 3)).toBe('walk');
    expect(await real(database.db, 'court', 'all', 100)).toBe('sort');
  });

  it.each(['zeppelin', 'Kharkova', 'Харьковой', 'court', 'court KIBHR'])('gives the walk’s rows and cursors, page after page, through both tiers, in every sort: %s', async (text) => {
    for (const sort of sorts) {
      const walked = await pages(text, sort, 'walk');
      expect(walked.taken.every((plan) => plan === 'walk')).toBe(true);
      expect((await pages(text, sort, 'sort')).read).toEqual(walked.read);
      expect((await pages(text, sort, undefined)).read).toEqual(walked.read);
      const rows = walked.read.flatMap((page) => page.ids);
      if (text === 'zeppelin') expect(rows).toEqual([]);
      else expect(rows.length).toBeGreaterThan(0);
      expect(new Set(rows).size).toBe(rows.length);
    }
  });
});
