/**
 * Incident list speed on a large collection: `npm run bench:incidents [-- --count 100000 --embedded --keep]`.
 * Makes its own database (on the PostgreSQL server at TEST_DATABASE_URL or 127.0.0.1:5432, or an
 * in-memory embedded one with --embedded), fills it with synthetic incidents, times the list's
 * queries, prints the figures, and drops the database (--keep leaves it, to EXPLAIN the queries).
 */
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../db/rows';
import { listIncidents } from '../server/services/incidents/list';
import { textQuery } from '../server/text-search/query';
import { incidentListInput } from '@/common/inputs/incident';
import { createBenchOrganization, openBenchDatabase } from './support/bench-database';
import { fillIncidents } from './support/incident-fill';
import { buildSearchDocuments } from './support/search-documents';
import { checkSearchDocuments } from './support/search-documents-check';

const args = process.argv.slice(2);
const count = Number(args[args.indexOf('--count') + 1] ?? 0) || 100_000;
const embedded = args.includes('--embedded');
const keep = args.includes('--keep');
const runs = 15;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The median of `runs` timed calls, printed with its ratio to the floor (the unfiltered first page) once that is known. */
let floor: number | null = null;
async function time(label: string, run: () => Promise<unknown>): Promise<number> {
  await run(); // warm up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  const p50 = median(samples);
  const ratio = floor === null ? 'the floor' : `${(p50 / floor).toFixed(2)}× the floor`;
  console.log(`${label.padEnd(72)} median ${p50.toFixed(2).padStart(8)} ms   max ${Math.max(...samples).toFixed(2).padStart(8)} ms   ${ratio}`);
  return p50;
}

/** The cursor after the first `rows` rows in this order, reached as a client would: page by page (of 100). */
async function cursorAfter(
  list: (input: Record<string, unknown>) => Promise<{ nextCursor: string | null }>,
  sort: string,
  rows: number,
): Promise<string | null> {
  let cursor: string | null = null;
  for (let page = 0; page < rows / 100; page++) cursor = (await list({ sort, cursor, limit: 100 })).nextCursor;
  return cursor;
}

async function main() {
  const database = await openBenchDatabase(embedded, keep);
  try {
    const { db } = database;
    const organizationId = await createBenchOrganization(db);
    const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
    let started = performance.now();
    await fillIncidents(database, organizationId, count);
    console.log(`Generated ${count.toLocaleString('en')} incidents on ${database.driver} in ${seconds(started)}.`);
    started = performance.now();
    const built = await buildSearchDocuments(database);
    console.log(`${built.toLocaleString('en')} search documents built by the app's document builder, written in bulk, in ${seconds(started)}.`);
    started = performance.now();
    const compared = await checkSearchDocuments(db);
    console.log(`${compared} of them equal refreshSearch's rebuild of the same incidents (checked in ${seconds(started)}).`);
    await db.execute(sql`VACUUM ANALYZE`);
    console.log(`Load average ${loadavg().map((l) => l.toFixed(2)).join(', ')}; ${runs} timed runs each (page of 25):`);

    const list = (input: Record<string, unknown>) => listIncidents(db, [organizationId], incidentListInput.parse(input));
    floor = await time('first page, newest first', () => list({}));
    await time('first page, recently updated', () => list({ sort: 'updated_desc' }));
    let cursor: string | null = null;
    for (let page = 0; page < 200; page++) cursor = (await list({ cursor })).nextCursor;
    await time('page 201 via cursor (after 5,000 rows)', () => list({ cursor }));
    // Deep pages: a keyset condition the index cannot bound would scan every earlier row here.
    const deep = Math.min(50_000, Math.floor(count / 2));
    for (const sort of ['date_desc', 'date_asc', 'updated_desc'] as const) {
      const after = await cursorAfter(list, sort, deep);
      await time(`${sort}, page after ${deep.toLocaleString('en')} rows`, () => list({ sort, cursor: after }));
    }
    await time('status = submitted', () => list({ status: 'submitted' }));
    await time('violation type (parent, includes children)', () => list({ violationType: 'judicial_harassment' }));
    await time('region = Region 5', () => list({ region: 'Region 5' }));
    await time('date range 2010', () => list({ from: '2010-01-01', to: '2010-12-31' }));
    // Each search's words are counted first, so a line says what it measures (a word the folding
    // does not match would be timed as a search that finds nothing).
    const search = async (text: string, meant: string, expected: 'found' | 'none', filters: Record<string, unknown> = {}) => {
      const [hits] = rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM incident_search WHERE vector @@ ${textQuery(text)!}`));
      const found = (await list({ text, ...filters })).items.length > 0;
      if (found !== (expected === 'found')) throw new Error(`Search "${text}" (${meant}) was meant to find ${expected === 'found' ? 'incidents' : 'none'}.`);
      const where = Object.entries(filters).map(([key, value]) => ` + ${key} ${String(value)}`).join('');
      return time(`text "${text}"${where}: ${meant}, ${hits!.n.toLocaleString('en')} hits`, () => list({ text, ...filters }));
    };
    const searches = [
      await search('journalist', 'common word', 'found'),
      await search('detention', 'common word in titles', 'found'),
      await search('journalist', 'common word', 'found', { status: 'approved' }),
      await search('4242', 'rare word', 'found'),
      await search('number 4242', 'two words', 'found'),
      await search('Town 42', 'two words', 'found'),
      await search('ассаулт', 'Cyrillic finds Latin "assault"', 'found'),
      await search('nowhere', 'in no incident', 'none'),
    ];
    const met = searches.every((p50) => p50 < 50);
    console.log(`Goal: workspace text search p50 < 50 ms: ${met ? 'met' : 'NOT met'}.`);
    if (!met) process.exitCode = 1;
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
