import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { publicGeneration } from '@/server/public/answer-cache';
import { publicRead, setPublicDatabaseForTests } from '@/server/public/db';
import { inOneSnapshot } from '@/server/public/snapshot';
import { GET as statsGet } from '@/app/api/public/v1/stats/route';
import { forgetKeptPlaces, publicPlaces } from '@/server/public/places';
import { forgetKeptStats, publicDashboard, publicStats } from '@/server/public/stats';
import { importExchangeDocument } from '@/server/services/exchange/import';
import { textQuery } from '@/server/text-search/query';
import { createEmbeddedTestDatabase, createTestDatabase } from '../support/database';
import { createOrganization, createUser } from '../support/factories';

/**
 * The stats, dashboard and map answers a process keeps (server/public/answer-cache.ts) are served
 * only while the read model's generation is the one they were read at: every write that can change
 * them renews it (migration 0044's triggers), whichever process or tool made the write, so a kept
 * answer is never older than the database. Shown by changing the read model behind the triggers'
 * back (the answer stays as kept, so it was kept) and then through them (it follows at once).
 */

const fixture = () => JSON.parse(readFileSync('fixtures/kazakhstan-2017.json', 'utf8'));

for (const [driver, open] of [
  ['PostgreSQL', createTestDatabase],
  ['PGlite', createEmbeddedTestDatabase],
] as const) {
  describe(`kept public answers on ${driver}`, () => {
    let database: Database;
    let organizationId: string;
    let adminId: string;

    beforeAll(async () => {
      database = await open();
      organizationId = (await createOrganization(database.db)).id;
      adminId = (await createUser(database.db, organizationId, 'admin')).id;
      await importExchangeDocument(database.db, fixture(), { organizationId, actingUserId: adminId });
      forgetKeptStats();
      forgetKeptPlaces();
    }, 180_000);
    afterAll(async () => {
      await database?.close();
    });

    const generation = () => publicGeneration(database.db);
    const execute = (statement: ReturnType<typeof sql>) => database.db.execute(statement);
    // A day inside a month: answered from the read model itself, not from the counted figures.
    const fromReadModel = { from: '2017-01-15' };

    it('renews the generation on writes that change an answer, not on the search refresh', async () => {
      const before = await generation();
      expect(before).toMatch(/^[0-9a-f-]{36}$/);
      // The search refresh rewrites only the search columns: no kept answer depends on them.
      await execute(sql`UPDATE public_incidents SET search_text = search_text`);
      expect(await generation()).toBe(before);
      await execute(sql`UPDATE public_incidents SET locality = locality WHERE false`);
      const afterIncidents = await generation();
      expect(afterIncidents).not.toBe(before);
      await execute(sql`UPDATE vocabulary_terms SET labels = labels WHERE false`);
      const afterVocabulary = await generation();
      expect(afterVocabulary).not.toBe(afterIncidents);
      // A publication (here by an import) renews it too.
      const doc = fixture();
      const template = doc.incidents.find((incident: { status?: string }) => incident.status === 'published');
      doc.incidents.push({ ...template, ref: 'inc:kept-answers', title: 'Published after the answers were kept' });
      await importExchangeDocument(database.db, doc, { organizationId, actingUserId: adminId });
      expect(await generation()).not.toBe(afterVocabulary);
    });

    it('serves a kept answer while the generation holds, and reads again once it changes', async () => {
      const [stats, dashboard, places] = await Promise.all([
        publicStats('year', fromReadModel, 'en', database.db),
        publicDashboard({}, 'en', database.db),
        publicPlaces({}, database.db),
      ]);
      expect(stats.total).toBeGreaterThan(1);
      const [{ id }] = rowsOf<{ id: string }>(
        await execute(sql`SELECT incident_id AS id FROM public_incidents WHERE start_date >= '2017-01-15' AND lat IS NOT NULL ORDER BY incident_id LIMIT 1`),
      ) as [{ id: string }];

      // Behind the triggers' back (as nothing in the app can write): the kept answers stay as they were.
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`ALTER TABLE public_incidents DISABLE TRIGGER USER`);
        await tx.execute(sql`ALTER TABLE public_place_counts DISABLE TRIGGER USER`);
        await tx.execute(sql`UPDATE public_incidents SET start_date = '2001-01-01' WHERE incident_id = ${id}`);
        await tx.execute(sql`UPDATE public_place_counts SET incidents = incidents + 1000`);
        await tx.execute(sql`ALTER TABLE public_incidents ENABLE TRIGGER USER`);
        await tx.execute(sql`ALTER TABLE public_place_counts ENABLE TRIGGER USER`);
      });
      expect(await publicStats('year', fromReadModel, 'en', database.db)).toEqual(stats);
      expect(await publicDashboard({}, 'en', database.db)).toBe(dashboard);
      expect(await publicPlaces({}, database.db)).toEqual(places);

      // Any write through the triggers (here one that changes nothing itself) and every answer is read again.
      await execute(sql`UPDATE public_incidents SET region = region WHERE incident_id = ${id}`);
      const reread = await publicStats('year', fromReadModel, 'en', database.db);
      expect(reread.total).toBe(stats.total - 1);
      expect((await publicPlaces({}, database.db)).located).toBeGreaterThan(places.located);
      expect(await publicDashboard({}, 'en', database.db)).not.toBe(dashboard);
    });

    it('follows a vocabulary label changed elsewhere at once', async () => {
      const byType = await publicStats('violation_type', {}, 'en', database.db);
      const first = byType.counts[0]!;
      await execute(sql`UPDATE vocabulary_terms SET labels = labels || '{"en": "Relabelled elsewhere"}'::jsonb WHERE kind = 'violation_type' AND code = ${first.key}`);
      const relabelled = await publicStats('violation_type', {}, 'en', database.db);
      expect(relabelled.counts.find((count) => count.key === first.key)?.label).toBe('Relabelled elsewhere');
    });

    it('keeps the stats endpoint answer, its generation read with the rate limit, until a write', async () => {
      setPublicDatabaseForTests(database.db);
      try {
        const ask = async () => (await statsGet(new Request('http://test/api/public/v1/stats?groupBy=year&from=2017-01-15'))).json() as Promise<{ total: number }>;
        const first = await ask();
        await database.db.transaction(async (tx) => {
          await tx.execute(sql`ALTER TABLE public_incidents DISABLE TRIGGER USER`);
          await tx.execute(sql`UPDATE public_incidents SET start_date = '2001-01-01' WHERE incident_id = (SELECT incident_id FROM public_incidents WHERE start_date >= '2017-01-15' ORDER BY incident_id LIMIT 1)`);
          await tx.execute(sql`ALTER TABLE public_incidents ENABLE TRIGGER USER`);
        });
        expect(await ask()).toEqual(first);
        await execute(sql`UPDATE public_incidents SET region = region WHERE false`);
        expect((await ask()).total).toBe(first.total - 1);
      } finally {
        setPublicDatabaseForTests(undefined);
      }
    });

    it('never keeps a text search', async () => {
      const searched = await publicStats('year', { q: 'Kharkova' }, 'en', database.db);
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`ALTER TABLE public_incidents DISABLE TRIGGER USER`);
        await tx.execute(sql`UPDATE public_incidents SET start_date = '2002-02-02' WHERE search_vector @@ ${textQuery('Kharkova')!}`);
        await tx.execute(sql`ALTER TABLE public_incidents ENABLE TRIGGER USER`);
      });
      const again = await publicStats('year', { q: 'Kharkova' }, 'en', database.db);
      expect(searched.total).toBeGreaterThan(0);
      expect(again.counts.map((count) => count.key)).toEqual(['2002']);
    });
  });
}

describe('the public statement timeout', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    setPublicDatabaseForTests(database.db);
  }, 120_000);
  afterAll(async () => {
    setPublicDatabaseForTests(undefined);
    delete process.env.PUBLIC_STATEMENT_TIMEOUT_MS;
    await database?.close();
  });

  it('stops a public question that runs past it and answers 503 with what to do, while others go on', async () => {
    process.env.PUBLIC_STATEMENT_TIMEOUT_MS = '300';
    // A statement kept waiting on a lock runs as long as a slow one would: held here, in another transaction.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = database.db.transaction(async (tx) => {
      await tx.execute(sql`LOCK TABLE public_incidents IN ACCESS EXCLUSIVE MODE`);
      locked();
      await released;
    });
    await isLocked;
    const started = Date.now();
    const answer = await statsGet(new Request('http://test/api/public/v1/stats?groupBy=year&q=Kharkova'));
    release();
    await holder;
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toBe('30');
    expect(await answer.json()).toMatchObject({ error: 'too_long', message: expect.stringContaining('narrow it') });
    expect(Date.now() - started).toBeLessThan(5_000);
    // Once nothing holds the table, the same question is answered.
    expect((await statsGet(new Request('http://test/api/public/v1/stats?groupBy=year&q=Kharkova'))).status).toBe(200);
  });
});

describe('the public statement timeout and exports', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  it('bounds a question in its own transaction, not a whole export read inside its snapshot', async () => {
    process.env.PUBLIC_STATEMENT_TIMEOUT_MS = '4321';
    try {
      const setting = async (tx: Parameters<Parameters<typeof publicRead>[0]>[0]) =>
        rowsOf<{ t: string }>(await tx.execute(sql`SELECT current_setting('statement_timeout') AS t`))[0]!.t;
      expect(await publicRead(setting, database.db)).toBe('4321ms');
      const inExport = inOneSnapshot(async function* (db) {
        // The export's own reads go through publicRead inside the snapshot (attachments, protected persons).
        await publicRead(setting, db);
        yield rowsOf<{ t: string }>(await db!.execute(sql`SELECT current_setting('statement_timeout') AS t`))[0]!.t;
      }, database.db);
      const seen: string[] = [];
      for await (const chunk of inExport) seen.push(chunk);
      expect(seen).toEqual(['0']);
    } finally {
      delete process.env.PUBLIC_STATEMENT_TIMEOUT_MS;
    }
  });
});
