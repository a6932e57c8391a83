/**
 * The public search part of `npm run bench:public`: words (`q`) on the incidents and stats
 * endpoints, and two value filters together (type and category, region and category) that the
 * counted figures cannot answer. Each request's p50 is printed beside a floor measured in the same
 * run: the app's main SQL statement for it (the page statement of a ranked page's title tier, read
 * the way the app chose for its words, or the read-model count), run raw through postgres.js, with
 * the ratio of the two.
 */
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { openPostgres } from '../db/client';
import { publicFilters } from '../server/public/filters';
import { pageQuery } from '../server/public/incidents';
import { narrowerTerms, whereFilters } from '../server/public/where';
import { hitsPlan } from '../server/public/word-hits';
import { publicIncidents } from '../db/schema/public';
import { sql } from 'drizzle-orm';
import { benchDatabaseUrl } from './public-database';
import { ms, percentile } from './support/timing';

type Timed = { p50: number; p95: number };
type TimeRequests = (url: string, count: number) => Promise<Timed & { body: string }>;

async function timeRaw(db: postgres.Sql, query: { sql: string; params: unknown[] }, runs: number): Promise<Timed> {
  await db.unsafe(query.sql, query.params as never[]);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await db.unsafe(query.sql, query.params as never[]);
    samples.push(performance.now() - start);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

export async function benchSearch(app: string, db: postgres.Sql, timeRequests: TimeRequests, runs: number): Promise<boolean> {
  const builder = openPostgres(benchDatabaseUrl(), { max: 1 });
  const incidents = ['q=Raid', 'q=Kassymov', 'q=Касымов', 'q=Қасымова', 'q=Shymkent', 'q=Шымкенте', 'q=Nurlan%20Kassymov', 'q=журналист', 'type=judicial_harassment&category=journalist'];
  const stats = [
    'groupBy=year&type=judicial_harassment&category=journalist',
    'groupBy=violation_type&region=Almaty&category=journalist',
    'groupBy=year&q=Kassymov',
    'groupBy=year&q=Raid',
  ];
  console.log(`\nSearch and two value filters, ${runs} requests each, beside the app's first SQL statement run raw (the floor):`);
  console.log(`${'request'.padEnd(74)}${'p50'.padStart(10)}${'p95'.padStart(10)}   ${'floor p50'.padStart(10)}  ratio   goal (p50 < 50 ms)`);
  let met = true;
  try {
    for (const query of [...incidents.map((q) => `incidents?${q}&limit=50`), ...stats.map((q) => `stats?${q}`)]) {
      const params = Object.fromEntries(new URLSearchParams(query.slice(query.indexOf('?') + 1)));
      const { limit, groupBy: _groupBy, ...filterParams } = params;
      const filters = publicFilters.parse(filterParams);
      // The page statement as the app reads it: the vocabulary filters' codes written in, and for words the way their hits chose (server/public/word-hits.ts).
      const narrower = await narrowerTerms(builder.db, filters);
      const tier = filters.q ? 'title' : undefined;
      const plan = filters.q ? await hitsPlan(builder.db, filters.q, 'title') : 'walk';
      const floorQuery = query.startsWith('incidents')
        ? pageQuery(builder.db, filters, null, Number(limit) + 1, { tier, plan: plan === 'none' ? 'sort' : plan, narrower }).toSQL()
        : builder.db.select({ n: sql<number>`count(*)` }).from(publicIncidents).where(whereFilters(filters)).toSQL();
      const endpoint = await timeRequests(`${app}/api/public/v1/${query}`, runs);
      const floor = await timeRaw(db, floorQuery, Math.min(runs, 50));
      const ok = endpoint.p50 < 50;
      met &&= ok;
      const shown = decodeURIComponent(`GET /${query}`);
      const how = query.startsWith('incidents') && filters.q ? `  (title tier: ${plan})` : '';
      console.log(`${shown.padEnd(74)}${ms(endpoint.p50)}${ms(endpoint.p95)}   ${ms(floor.p50)}  ${(endpoint.p50 / floor.p50).toFixed(2).padStart(5)}×  ${ok ? 'met' : 'NOT met'}${how}`);
    }
  } finally {
    await builder.close();
  }
  return met;
}
