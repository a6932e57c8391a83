/**
 * The public search part of `npm run bench:public`: words (`q`) on the incidents and stats
 * endpoints, and two value filters together (type and category, region and category) that the
 * counted figures cannot answer. Each request's p50 is printed beside a floor measured in the same
 * run: the app's page statements for it (each tier of a ranked page it reads, the way it chose for
 * its words), or the read-model count, run raw through postgres.js, with the ratio of the two.
 */
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { openPostgres, type Db } from '../db/client';
import type { PublicFilters } from '../server/public/filters';
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

type Statement = { sql: string; params: unknown[] };

/** Statements run one after another, raw: the time of the whole sequence. */
async function timeRaw(db: postgres.Sql, statements: Statement[], runs: number): Promise<Timed> {
  const run = async () => {
    for (const statement of statements) await db.unsafe(statement.sql, statement.params as never[]);
  };
  await run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

/**
 * The page statements of a search as the app reads them (server/public/incidents.ts): the title
 * tier, then the rest when the titles do not fill the page, each the way its words' hits chose
 * (server/public/word-hits.ts; a tier without hits sends none), the vocabulary codes written in.
 * The statements that decide (the estimate, the count, the codes) are not in the floor.
 */
async function pageStatements(db: Db, filters: PublicFilters, limit: number): Promise<{ statements: Statement[]; how: string }> {
  const narrower = await narrowerTerms(db, filters);
  if (!filters.q) return { statements: [pageQuery(db, filters, null, limit, { narrower }).toSQL()], how: '' };
  const statements: Statement[] = [];
  const how: string[] = [];
  let found = 0;
  for (const tier of ['title', 'rest'] as const) {
    const plan = await hitsPlan(db, filters.q, tier === 'title' ? 'title' : 'all');
    how.push(`${tier}: ${plan}`);
    if (plan === 'none') continue;
    const page = pageQuery(db, filters, null, limit - found, { tier, plan, narrower });
    statements.push(page.toSQL());
    found += (await page).length;
    if (found >= limit) break;
  }
  return { statements, how: `  (${how.join(', ')})` };
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
  // Counting every incident a common word is in (the dashboard of a search) reads each of them:
  // printed, with its floor, but not one of issue 17's goals (the search's page, and two filters).
  const counting = (query: string) => query.startsWith('stats') && query.includes('q=');
  console.log(`\nSearch and two value filters, ${runs} requests each, beside the app's page statements (or read-model count) run raw (the floor):`);
  console.log(`${'request'.padEnd(74)}${'p50'.padStart(10)}${'p95'.padStart(10)}   ${'floor p50'.padStart(10)}  ratio   goal (p50 < 50 ms)`);
  let met = true;
  try {
    for (const query of [...incidents.map((q) => `incidents?${q}&limit=50`), ...stats.map((q) => `stats?${q}`)]) {
      const params = Object.fromEntries(new URLSearchParams(query.slice(query.indexOf('?') + 1)));
      const { limit, groupBy: _groupBy, ...filterParams } = params;
      const filters = publicFilters.parse(filterParams);
      const { statements, how } = query.startsWith('incidents')
        ? await pageStatements(builder.db, filters, Number(limit) + 1)
        : { statements: [builder.db.select({ n: sql<number>`count(*)` }).from(publicIncidents).where(whereFilters(filters, await narrowerTerms(builder.db, filters))).toSQL()], how: '' };
      const endpoint = await timeRequests(`${app}/api/public/v1/${query}`, runs);
      const floor = statements.length ? await timeRaw(db, statements, Math.min(runs, 50)) : { p50: Number.NaN, p95: Number.NaN };
      const ok = endpoint.p50 < 50;
      if (!counting(query)) met &&= ok;
      const shown = decodeURIComponent(`GET /${query}`);
      const verdict = counting(query) ? `no goal (counts every match)` : ok ? 'met' : 'NOT met';
      console.log(`${shown.padEnd(74)}${ms(endpoint.p50)}${ms(endpoint.p95)}   ${ms(floor.p50)}  ${(endpoint.p50 / floor.p50).toFixed(2).padStart(5)}×  ${verdict}${how}`);
    }
  } finally {
    await builder.close();
  }
  return met;
}
