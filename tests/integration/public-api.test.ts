import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { applyMigrations } from '@/db/migrate';
import { publicRoleTables } from '@/db/public-role';
import { rowsOf } from '@/db/rows';
import { importExchangeDocument } from '@/server/services/exchange/import';
import { validateExchangeDocument } from '@/server/services/exchange/validate';
import { publicRead, setPublicDatabaseForTests } from '@/server/public/db';
import { listPublicIncidents } from '@/server/public/incidents';
import { publicApiBuckets } from '@/server/public/rate-limit';
import { publicStats } from '@/server/public/stats';
import { GET as incidentsGet } from '@/app/api/public/v1/incidents/route';
import { GET as incidentGet } from '@/app/api/public/v1/incidents/[id]/route';
import { GET as statsGet } from '@/app/api/public/v1/stats/route';
import { GET as statsCsvGet } from '@/app/api/public/v1/stats.csv/route';
import { GET as exportJsonGet } from '@/app/api/public/v1/export.json/route';
import { GET as exportCsvGet } from '@/app/api/public/v1/export.csv/route';
import { GET as openApiGet } from '@/app/api/public/v1/openapi.json/route';
import { createEmbeddedTestDatabase, createTestDatabase } from '../support/database';
import { csvAnswer } from '../support/csv';
import { createOrganization, createUser } from '../support/factories';

let database: Database;

/** The database's own message for a refused query (drizzle wraps it as the cause). */
async function refusal(query: Promise<unknown>): Promise<string | null> {
  return query.then(
    () => null,
    (error: { message: string; cause?: { message?: string } }) => error.cause?.message ?? error.message,
  );
}

const url = (path: string) => new Request(`http://test/api/public/v1${path}`);
type StatsBody = { groupBy: string; total: number; unknownMonth?: number; counts: { key: string | null; label: string; count: number }[] };
async function stats(query: string): Promise<StatsBody> {
  const response = await statsGet(url(`/stats?${query}`));
  expect(response.status).toBe(200);
  return (await response.json()) as StatsBody;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const ngo = await createOrganization(database.db, 'Kazakhstan Bureau');
  const admin = await createUser(database.db, ngo.id, 'admin');
  const fixture: unknown = JSON.parse(readFileSync('fixtures/kazakhstan-2017.json', 'utf8'));
  await importExchangeDocument(database.db, fixture, { organizationId: ngo.id, actingUserId: admin.id });
  setPublicDatabaseForTests(database.db);
});
beforeEach(() => publicApiBuckets.reset());
afterAll(async () => {
  setPublicDatabaseForTests(undefined);
  await database?.close();
});

describe('the public database role', () => {
  it('reads the read model and the vocabulary, and is refused every workspace table (PostgreSQL)', async () => {
    const n = await publicRead((tx) => tx.execute(sql`SELECT count(*) FROM public_incidents`), database.db);
    expect(n).toBeTruthy();
    await publicRead((tx) => tx.execute(sql`SELECT count(*) FROM vocabulary_terms`), database.db);
    // Every table of the schema except the public ones, including tables added after this test was written.
    const tables = rowsOf<{ tablename: string }>(await database.db.execute(sql`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`))
      .map((row) => row.tablename)
      .filter((name) => name !== 'public_incidents' && !name.startsWith('public_') && name !== 'vocabulary_terms');
    expect(tables).toEqual(expect.arrayContaining(['incidents', 'persons', 'users', 'incident_versions', 'comments', 'audit_log']));
    for (const table of tables) {
      expect(await refusal(publicRead((tx) => tx.execute(sql.raw(`SELECT * FROM "${table}" LIMIT 1`)), database.db))).toMatch(/permission denied/);
    }
    // The role ends with the transaction: the workspace connection is not left restricted.
    await expect(database.db.execute(sql`SELECT count(*) FROM persons`)).resolves.toBeTruthy();
    // And the public side cannot write, even to its own table.
    expect(await refusal(publicRead((tx) => tx.execute(sql`DELETE FROM public_incidents`), database.db))).toMatch(/read-only|permission denied/);
  });

  it('gets its grants back at the next migrate when it lacked them, as when an administrator creates it after the migrations ran', async () => {
    const fresh = await createTestDatabase();
    try {
      const tables = publicRoleTables.map((name) => `"${name}"`).join(', ');
      await fresh.db.execute(sql.raw(`REVOKE SELECT ON TABLE ${tables} FROM hrd_public`));
      expect(await refusal(publicRead((tx) => tx.execute(sql`SELECT count(*) FROM public_incidents`), fresh.db))).toMatch(/permission denied/);

      await applyMigrations(fresh); // every migration has run already: only the grants step does anything
      for (const table of publicRoleTables) {
        await expect(publicRead((tx) => tx.execute(sql.raw(`SELECT count(*) FROM "${table}"`)), fresh.db), table).resolves.toBeTruthy();
      }
      // The public side's own reads answer again: figures (from the counted rollup) and a page of incidents.
      expect(await publicStats('violation_type', {}, 'en', fresh.db)).toMatchObject({ total: 0, counts: [] });
      expect(await listPublicIncidents({ filters: {}, cursor: null, limit: 10, lang: 'en' }, fresh.db)).toEqual({ incidents: [], nextCursor: null });
      // Exactly the public tables: the workspace stays refused.
      for (const table of ['incidents', 'persons', 'users', 'comments']) {
        expect(await refusal(publicRead((tx) => tx.execute(sql.raw(`SELECT * FROM "${table}" LIMIT 1`)), fresh.db))).toMatch(/permission denied/);
      }
    } finally {
      await fresh.close();
    }
  });

  it('is refused the same way on the embedded database (PGlite)', async () => {
    const embedded = await createEmbeddedTestDatabase();
    try {
      await publicRead((tx) => tx.execute(sql`SELECT count(*) FROM public_incidents`), embedded.db);
      for (const table of ['incidents', 'persons', 'users']) {
        expect(await refusal(publicRead((tx) => tx.execute(sql.raw(`SELECT * FROM ${table}`)), embedded.db))).toMatch(/permission denied/);
      }
    } finally {
      await embedded.close();
    }
  });
});

describe('the open-data API', () => {
  it('lists published incidents a page at a time with a cursor, and caches for a minute', async () => {
    const first = await incidentsGet(url('/incidents?limit=10'));
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=300');
    const page1 = (await first.json()) as { incidents: { id: string; title: string }[]; nextCursor: string };
    expect(page1.incidents).toHaveLength(10);
    const ids = new Set(page1.incidents.map((i) => i.id));
    let cursor: string | null = page1.nextCursor;
    while (cursor) {
      const next = (await (await incidentsGet(url(`/incidents?limit=10&cursor=${encodeURIComponent(cursor)}`))).json()) as typeof page1;
      next.incidents.forEach((i) => ids.add(i.id));
      cursor = next.nextCursor;
    }
    expect(ids.size).toBe(25);
  });

  it('filters by date, region, type (with narrower types), category, perpetrator and words', async () => {
    const all = await stats('groupBy=year');
    expect(all).toMatchObject({ total: 25, counts: [{ key: '2017', count: 25 }] });
    expect((await stats('groupBy=year&from=2018')).total).toBe(0);
    const almaty = await stats('groupBy=region&region=Almaty');
    expect(almaty.total).toBeGreaterThan(0);
    expect(almaty.total).toBeLessThan(25);
    // The English name is read as the region's code, which the figures are keyed by; the label is the name.
    expect(almaty.counts).toEqual([{ key: 'KZ-75', label: 'Almaty', count: almaty.total }]);
    expect((await stats('groupBy=region&region=KZ-75')).total).toBe(almaty.total);

    const byType = await stats('groupBy=violation_type');
    const count = (code: string) => byType.counts.find((c) => c.key === code)?.count ?? 0;
    // A parent counts each incident once, however many of its narrower types it has.
    expect(count('judicial_harassment')).toBeGreaterThanOrEqual(count('criminal_charges'));
    expect(count('judicial_harassment')).toBeLessThanOrEqual(count('criminal_charges') + count('conviction') + count('denial_of_fair_trial') + 25);
    expect((await stats('groupBy=year&type=judicial_harassment')).total).toBe(count('judicial_harassment'));
    expect((await stats('groupBy=year&type=criminal_charges')).total).toBe(count('criminal_charges'));

    const months = await stats('groupBy=month');
    expect(months.counts.reduce((sum, c) => sum + c.count, 0) + months.unknownMonth!).toBe(months.total);
    const may = await stats('groupBy=year&from=2017-05&to=2017-05');
    expect(may.total).toBe(months.counts.find((c) => c.key === '2017-05')!.count);

    const categories = await stats('groupBy=defender_category');
    const first = categories.counts[0]!;
    expect((await stats(`groupBy=year&category=${first.key}`)).total).toBe(first.count);
    const perpetrators = await stats('groupBy=perpetrator_type');
    const p = perpetrators.counts[0]!;
    expect((await stats(`groupBy=year&perpetrator=${p.key}`)).total).toBe(p.count);

    const searched = (await (await incidentsGet(url('/incidents?q=Mamay'))).json()) as { incidents: { title: string }[] };
    expect(searched.incidents.length).toBeGreaterThan(0);
    expect(searched.incidents.every((i) => /Mamay/i.test(JSON.stringify(i)))).toBe(true);
  });

  it('answers one incident, and the same 404 for an unknown or malformed id', async () => {
    const list = (await (await incidentsGet(url('/incidents?limit=1'))).json()) as { incidents: { id: string }[] };
    const id = list.incidents[0]!.id;
    const one = await incidentGet(url(`/incidents/${id}`), { params: Promise.resolve({ id }) });
    expect(one.status).toBe(200);
    expect(((await one.json()) as { id: string }).id).toBe(id);
    const unknown = await incidentGet(url('/incidents/x'), { params: Promise.resolve({ id: '00000000-0000-4000-8000-000000000000' }) });
    const junk = await incidentGet(url('/incidents/x'), { params: Promise.resolve({ id: 'not-a-uuid' }) });
    expect(unknown.status).toBe(404);
    expect(junk.status).toBe(404);
    expect(await unknown.text()).toBe(await junk.text());
  });

  it('refuses bad input with 400 and a message, never 500', async () => {
    const bad = [
      '/incidents?colour=red',
      '/incidents?from=2017-13',
      '/incidents?from=2017-02-30',
      '/incidents?to=yesterday',
      '/incidents?limit=0',
      '/incidents?limit=101',
      '/incidents?limit=ten',
      '/incidents?cursor=junk',
      '/incidents?cursor=eyJkIjoiMjAxNy0wMS0wMSIsImlkIjoiJzsgZHJvcCJ9',
      '/incidents?type=DROP%20TABLE',
      '/incidents?from=2018&to=2017',
      '/incidents?region=a&region=b',
      '/incidents?lang=fr',
    ];
    for (const path of bad) {
      const response = await incidentsGet(url(path));
      expect(response.status, path).toBe(400);
      expect(((await response.json()) as { message: string }).message, path).toMatch(/cannot be answered/);
    }
    for (const query of ['', 'groupBy=weekday', 'groupBy=year&limit=5']) {
      expect((await statsGet(url(`/stats?${query}`))).status, query).toBe(400);
    }
    expect((await exportCsvGet(url('/export.csv?x=1'))).status).toBe(400);
  });

  it('exports JSON that validates against the exchange schema, and CSV safe from formulas', async () => {
    const response = await exportJsonGet(url('/export.json'));
    expect(response.status).toBe(200);
    expect(response.body).toBeInstanceOf(ReadableStream);
    const doc = (await response.json()) as { incidents: unknown[]; persons: { name: string; confidential: boolean }[] };
    expect(validateExchangeDocument(doc)).toEqual([]);
    expect(doc.incidents).toHaveLength(25);
    expect(doc.persons.some((p) => p.confidential && /^Protected person \d+$/.test(p.name))).toBe(true);

    const filtered = (await (await exportJsonGet(url('/export.json?region=Almaty'))).json()) as { incidents: unknown[] };
    expect(validateExchangeDocument(filtered)).toEqual([]);
    expect(filtered.incidents.length).toBeLessThan(25);

    const csv = await csvAnswer(await exportCsvGet(url('/export.csv')));
    expect(csv.bom).toBe(true);
    expect(csv.records[0]!.slice(0, 4)).toEqual(['id', 'title', 'summary', 'start_date']);
    expect(csv.records).toHaveLength(26);
  });

  it("offers each chart's counts as CSV: the same figures as /stats, with its filters", async () => {
    for (const query of ['', '&region=Almaty', '&from=2017-05&to=2017-06', '&type=judicial_harassment', '&lang=ru']) {
      for (const groupBy of ['year', 'month', 'violation_type', 'region', 'defender_category', 'perpetrator_type']) {
        const json = await stats(`groupBy=${groupBy}${query}`);
        const response = await statsCsvGet(url(`/stats.csv?groupBy=${groupBy}${query}`));
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
        expect(response.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=300');
        expect(response.headers.get('content-disposition')).toContain(`incidents-by-${groupBy}.csv`);
        const { bom, records: [header, ...rows] } = await csvAnswer(response);
        expect(bom).toBe(true);
        expect(header).toEqual(['key', 'label', 'count']);
        expect(rows.slice(0, json.counts.length).map(([key, label, count]) => ({ key, label, count: Number(count) }))).toEqual(
          json.counts.map((c) => ({ key: c.key ?? '', label: c.label, count: c.count })),
        );
        // Then the rows without a key: the total, and by month those known only to the year.
        expect(rows.slice(json.counts.length)).toEqual([
          ['', 'Total (each incident counted once)', String(json.total)],
          ...(groupBy === 'month' ? [['', 'Known only to the year, so not in any month', String(json.unknownMonth)]] : []),
        ]);
      }
    }

    for (const query of ['', 'groupBy=weekday', 'groupBy=year&limit=5', 'groupBy=year&from=2017-13']) {
      const refused = await statsCsvGet(url(`/stats.csv?${query}`));
      expect(refused.status, query).toBe(400);
      expect(((await refused.json()) as { message: string }).message, query).toMatch(/cannot be answered/);
    }
  });

  it('describes itself and limits each address', async () => {
    const doc = (await (await openApiGet(url('/openapi.json'))).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(['/incidents', '/incidents/{id}', '/stats', '/stats.csv', '/export.json', '/export.csv', '/cases', '/cases/{id}', '/openapi.json']);
    // The connection's address as the server stamps it (server/http/peer-address.ts); a forged X-Forwarded-For changes nothing.
    const from = (address: string) =>
      new Request('http://test/api/public/v1/stats?groupBy=year', { headers: { 'x-forwarded-for': `forged-${Math.random()}`, 'x-hrd-peer-address': address } });
    let limited: Response | undefined;
    for (let i = 0; i < 200 && !limited; i++) {
      const response = await statsGet(from('203.0.113.7'));
      if (response.status === 429) limited = response;
    }
    expect(limited?.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await statsGet(from('203.0.113.8'))).status).toBe(200);
  });
});
