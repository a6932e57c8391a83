import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { regionKeys } from '@/common/regions';
import { importExchangeDocument } from '@/server/services/exchange/import';
import { setPublicDatabaseForTests } from '@/server/public/db';
import { publicStats } from '@/server/public/stats';
import { GET as incidentsGet } from '@/app/api/public/v1/incidents/route';
import { createEmbeddedTestDatabase, createTestDatabase } from '../support/database';
import { createOrganization, createUser } from '../support/factories';

/**
 * Regions as a vocabulary, on the way in: the importer and the migration that mapped the free text
 * written before store a known region as its ISO 3166-2:KZ code and keep other text as written; the
 * public figures then name each region in the reader's language.
 */

const migration = readFileSync('db/migrations/0040_region_codes.sql', 'utf8');
type Fixture = { incidents: { ref: string; location: { country: string; region: string | null } }[] };
const fixture = () => JSON.parse(readFileSync('fixtures/kazakhstan-2017.json', 'utf8')) as Fixture;

async function regionsByRef(db: Database['db'], organizationId: string): Promise<Record<string, string | null>> {
  const rows = rowsOf<{ ref: string; region: string | null }>(await db.execute(sql`SELECT ref, region FROM incidents WHERE organization_id = ${organizationId}`));
  return Object.fromEntries(rows.map((row) => [row.ref, row.region]));
}

async function regionCounts(db: Database['db'], organizationId: string): Promise<Record<string, number>> {
  const rows = rowsOf<{ region: string | null; n: number }>(
    await db.execute(sql`SELECT coalesce(region, '(none)') AS region, count(*)::int AS n FROM incidents WHERE organization_id = ${organizationId} GROUP BY 1`),
  );
  return Object.fromEntries(rows.map((row) => [row.region, Number(row.n)]));
}

/** Writes free text under the importer's back, as the app did before regions were coded, then runs the migration again. */
async function rewriteAndMigrate(db: Database['db'], organizationId: string, texts: Record<string, [string, string]>) {
  for (const [ref, [country, region]] of Object.entries(texts)) {
    await db.execute(sql`UPDATE incidents SET country = ${country}, region = ${region} WHERE organization_id = ${organizationId} AND ref = ${ref}`);
    await db.execute(sql`UPDATE public_incidents SET country = ${country}, region = ${region} WHERE incident_id = (SELECT id FROM incidents WHERE organization_id = ${organizationId} AND ref = ${ref})`);
  }
  for (const statement of migration.split('--> statement-breakpoint')) await db.execute(sql.raw(statement));
}

const freeText: Record<string, [string, string]> = {
  'inc:knprk-liquidation': ['KZ', 'South Kazakhstan Region'],
  'inc:kushakbaev-eleusinov-arrest': ['KZ', 'Карагандинская обл.'],
  'inc:kharkova-charges': ['KZ', 'Оңтүстік Қазақстан облысы'],
  'inc:aktau-strike-fines': ['KZ', 'Atyraū oblysy'],
  'inc:mamay-beaten': ['KZ', 'almaty  city'],
  'inc:zhagiparov-trial': ['KZ', 'Somewhere Else'],
  'inc:liberty-tax': ['KG', 'Almaty'],
};

describe.each([
  ['PostgreSQL', createTestDatabase],
  ['PGlite', createEmbeddedTestDatabase],
])('region codes on %s', (_name, open) => {
  let database: Database;
  let organizationId: string;

  beforeAll(async () => {
    database = await open();
    const ngo = await createOrganization(database.db, 'Kazakhstan Bureau');
    organizationId = ngo.id;
    const admin = await createUser(database.db, ngo.id, 'admin');
    const document = fixture();
    // Besides the fixture's English: a Russian name, and a place the list does not know.
    const [first, second] = document.incidents.filter((incident) => incident.location.region === 'Almaty');
    first!.location.region = 'Карагандинская область';
    second!.location.region = 'Baikonur';
    await importExchangeDocument(database.db, document, { organizationId, actingUserId: admin.id });
    setPublicDatabaseForTests(database.db);
    // Migrating and importing into PGlite takes a minute on a busy machine.
  }, 180_000);
  afterAll(async () => {
    setPublicDatabaseForTests(undefined);
    await database?.close();
  });

  it('imports the English, Russian or Kazakh names of a region as its code, and keeps other text as written', async () => {
    expect(await regionCounts(database.db, organizationId)).toEqual({
      'KZ-YUZ': 7,
      'KZ-71': 6,
      'KZ-75': 4,
      'KZ-47': 4,
      'KZ-35': 2,
      'KZ-43': 1,
      Baikonur: 1,
      '(none)': 1,
    });
  });

  it('maps the free text written before in the workspace and the public rows, by the same keys as the app', async () => {
    const existing = Object.keys(await regionsByRef(database.db, organizationId));
    for (const ref of Object.keys(freeText)) expect(existing, ref).toContain(ref);
    await rewriteAndMigrate(database.db, organizationId, freeText);
    const after = await regionsByRef(database.db, organizationId);
    expect(Object.fromEntries(Object.keys(freeText).map((ref) => [ref, after[ref]]))).toEqual({
      'inc:knprk-liquidation': 'KZ-YUZ',
      'inc:kushakbaev-eleusinov-arrest': 'KZ-35',
      'inc:kharkova-charges': 'KZ-YUZ',
      'inc:aktau-strike-fines': 'KZ-23',
      'inc:mamay-beaten': 'KZ-75',
      // Unknown text is kept; so is a region outside Kazakhstan, whatever it is called.
      'inc:zhagiparov-trial': 'Somewhere Else',
      'inc:liberty-tax': 'Almaty',
    });
    const publicRows = rowsOf<{ same: boolean }>(
      await database.db.execute(sql`SELECT bool_and(p.region IS NOT DISTINCT FROM i.region) AS same FROM public_incidents p JOIN incidents i ON i.id = p.incident_id`),
    );
    expect(publicRows[0]?.same).toBe(true);
    // The counted figures are set aside until recounted: the stats read the read model and agree with it.
    const stats = await publicStats('region', {}, 'en', database.db);
    expect(stats.counts.find((c) => c.key === 'Somewhere Else')).toMatchObject({ label: 'Somewhere Else', count: 1 });
    expect(stats.counts.find((c) => c.key === 'KZ-23')).toMatchObject({ label: 'Atyrau Region', count: 1 });
  });

  it('names each region in the reader language on the public side, and finds it by its code or any of its names', async () => {
    for (const [lang, name] of [['ru', 'Южно-Казахстанская область'], ['kk', 'Оңтүстік Қазақстан облысы']] as const) {
      const counts = (await publicStats('region', {}, lang, database.db)).counts;
      expect(counts.map((c) => c.label)).toContain(name);
      // Every coded region in the reader's language: no "Region", no Latin letters; text kept as written stays so.
      expect(counts.filter((c) => c.key?.startsWith('KZ-') && /[A-Za-z]/.test(c.label))).toEqual([]);
      expect(counts.find((c) => c.key === 'Somewhere Else')?.label).toBe('Somewhere Else');
    }
    const listed = async (query: string) => {
      const body = (await (await incidentsGet(new Request(`http://test/api/public/v1/incidents?limit=100&${query}`))).json()) as {
        incidents: { location: { region: string | null; regionLabel: string | null } }[];
      };
      return body.incidents;
    };
    const byCode = await listed('region=KZ-47&lang=kk');
    expect(byCode.length).toBeGreaterThan(0);
    expect(byCode.every((incident) => incident.location.region === 'KZ-47' && incident.location.regionLabel === 'Маңғыстау облысы')).toBe(true);
    for (const name of ['Mangystau Region', 'Mangystau', 'Мангистауская область']) expect((await listed(`region=${encodeURIComponent(name)}`)).length, name).toBe(byCode.length);
    expect((await listed('region=Somewhere%20Else')).map((incident) => incident.location.regionLabel)).toEqual(['Somewhere Else']);
  });
});

describe('the migration keys', () => {
  it('are the keys the app reads regions by', () => {
    const rows = [...migration.matchAll(/^ {2}\('((?:[^']|'')*)', '([^']+)'\)[,;]$/gm)].map((match) => [match[1]!.replace(/''/g, "'"), match[2]!]);
    expect(rows.length).toBeGreaterThan(100);
    expect(new Map(rows as [string, string][])).toEqual(new Map(regionKeys()));
  });
});
