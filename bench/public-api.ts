/**
 * Speed of the public API on a large collection: `npm run bench:public` (after `npm run bench:public:generate`).
 *
 * A child process serves, over real HTTP (node:http), the very handlers app/api/public/v1/** export
 * (server/public/api.ts), on the database bench/public-generate.ts made, and beside them a floor: a
 * minimal node:http handler that runs the incidents endpoint's SQL through the same driver and
 * answers the same JSON. This process sends requests one at a time and prints, from one run:
 *  - the stats endpoint for every grouping, without a filter, with one, and with one and a range of
 *    months, beside the same aggregate in raw SQL over the workspace tables (goal: p50 under 50 ms);
 *  - the incidents endpoint (a filtered page of 50) beside the floor (goal: within 2× the floor);
 *  - the CSV and JSON exports of every incident, each from a fresh child: rows per second and the
 *    child's peak resident memory (goals: at least 50,000 rows/s, under 300 MB), beside a floor read
 *    in the same run (./support/export-floor.ts: the same rows over one cursor, no app), whose ratio
 *    is the steadier figure on a shared machine. `-- --exports-only` runs only these lines.
 *
 * Its parts live in bench/support/: the child's server (api-server.ts) and floor (api-floor.ts), the
 * timing and table (timing.ts), and the raw SQL the stats are compared with (raw-stats.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { isDeepStrictEqual } from 'node:util';
import postgres from 'postgres';
import { benchDatabaseUrl } from './public-database';
import { benchSearch } from './public-search';
import { exportFloor } from './support/export-floor';
import { incidentsQuery } from './support/api-floor';
import { serve } from './support/api-server';
import { rawStats } from './support/raw-stats';
import { get, table, timeRequests, timeSql } from './support/timing';

const runs = Number(process.env.BENCH_RUNS ?? 200);
const rawRuns = Number(process.env.BENCH_RAW_RUNS ?? 9);

// ---------------------------------------------------------------------------------------------
// The parent: requests, timings, the table. The child (`--serve`) is bench/support/api-server.ts.

async function startChild(): Promise<{ child: ChildProcess; app: string; floor: string }> {
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', __filename, '--serve'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the server process ended (${code})`)));
    lines.on('line', (line) => {
      const ready = /^ready (\d+) (\d+)$/.exec(line);
      if (ready) resolve({ child, app: `http://127.0.0.1:${ready[1]}`, floor: `http://127.0.0.1:${ready[2]}` });
      else console.log(`[server] ${line}`);
    });
  });
}

const stopChild = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

async function benchStats(app: string, db: postgres.Sql): Promise<boolean> {
  const groupings = ['year', 'month', 'violation_type', 'region', 'defender_category', 'perpetrator_type'];
  const line = table(`Stats endpoint, ${runs} requests each (one at a time), beside the same aggregate in raw SQL over the workspace tables (${rawRuns} runs):`, 'compared with');
  let met = true;
  for (const groupBy of groupings) {
    const one: Record<string, string> = groupBy === 'region' ? { type: 'judicial_harassment' } : { region: 'Almaty' };
    for (const filter of [{}, one, { ...one, from: '2015-01', to: '2019-06' }] as Record<string, string>[]) {
      const query = new URLSearchParams({ groupBy, ...filter }).toString();
      const endpoint = await timeRequests(`${app}/api/public/v1/stats?${query}`, runs);
      const raw = await timeSql(db, rawStats(groupBy, filter), rawRuns);
      const answer = JSON.parse(endpoint.body) as { counts: { key: string | null; count: number }[] };
      const same = isDeepStrictEqual(answer.counts.map((c) => ({ key: c.key, n: c.count })), raw.rows);
      met &&= endpoint.p50 < 50 && same;
      line({ what: `GET /stats?${query}`, p50: endpoint.p50, p95: endpoint.p95, compare: 'raw SQL', cp50: raw.p50, cp95: raw.p95, note: same ? 'same counts' : 'COUNTS DIFFER' });
    }
  }
  return met;
}

async function benchIncidents(app: string, floor: string): Promise<boolean> {
  const fromApp = await timeRequests(`${app}/api/public/v1/incidents?${incidentsQuery}`, runs);
  const fromFloor = await timeRequests(`${floor}/incidents?${incidentsQuery}`, runs);
  const same = fromApp.body === fromFloor.body;
  const ratio = fromApp.p50 / fromFloor.p50;
  table(`Incidents endpoint, ${runs} requests each:`, 'compared with')({
    what: `GET /incidents?${incidentsQuery}`,
    p50: fromApp.p50,
    p95: fromApp.p95,
    compare: 'floor (node:http)',
    cp50: fromFloor.p50,
    cp95: fromFloor.p95,
    note: `${ratio.toFixed(2)}× the floor; ${same ? 'same JSON' : 'JSON DIFFERS'}`,
  });
  return same && ratio <= 2;
}

/** Streams an export from a fresh server process: rows per second, and that process's peak memory. */
async function benchExport(path: string, rowPattern: string): Promise<{ line: string; met: boolean; rowsPerSecond: number }> {
  const { child, app } = await startChild();
  try {
    const before = JSON.parse(await get(`${app}/__memory`)) as { maxRssMB: number };
    const start = performance.now();
    const response = await fetch(`${app}/api/public/v1/${path}`);
    let rows = 0;
    let bytes = 0;
    // Rows are counted on the bytes, without decoding or splitting the text: the counting runs on the same two
    // cores as the server and the database, and splitting 700 MB of text into strings cost it a core's seconds.
    const pattern = Buffer.from(rowPattern);
    let carry = Buffer.alloc(0);
    let tail = Buffer.alloc(0);
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.byteLength;
      const buffer = carry.length ? Buffer.concat([carry, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      for (let at = buffer.indexOf(pattern); at !== -1; at = buffer.indexOf(pattern, at + pattern.length)) rows++;
      // Too short to hold a whole row's mark, so never counted twice.
      carry = Buffer.from(buffer.subarray(Math.max(0, buffer.length - pattern.length + 1)));
      tail = Buffer.from((buffer.length >= 200 ? buffer : Buffer.concat([tail, buffer])).subarray(-200));
    }
    if (path.endsWith('.csv')) rows -= 1; // the header
    const seconds = (performance.now() - start) / 1000;
    const after = JSON.parse(await get(`${app}/__memory`)) as { maxRssMB: number };
    const end = tail.toString('utf8');
    const complete = response.status === 200 && (path.endsWith('.json') ? end.trimEnd().endsWith('}') : end.endsWith('\r\n'));
    const line = `${`GET /${path}`.padEnd(24)} ${String(rows).padStart(9)} rows ${(bytes / 1048576).toFixed(0).padStart(6)} MB ${seconds.toFixed(1).padStart(7)} s ${Math.round(rows / seconds).toLocaleString('en').padStart(9)} rows/s   peak RSS ${after.maxRssMB.toFixed(0).padStart(5)} MB (${before.maxRssMB.toFixed(0)} MB before)${complete ? '' : '  INCOMPLETE'}`;
    return { line, met: complete && after.maxRssMB < 300, rowsPerSecond: rows / seconds };
  } finally {
    await stopChild(child);
  }
}

/** `-- --search-only`: only the search lines (a quicker run while working on the search). */
async function searchOnly() {
  const db = postgres(benchDatabaseUrl(), { max: 1, onnotice: () => {} });
  const { child, app } = await startChild();
  try {
    if (!(await benchSearch(app, db, timeRequests, Math.min(runs, 50)))) process.exitCode = 1;
  } finally {
    await stopChild(child);
    await db.end();
  }
}

/** The export lines, beside their floor; true when each export is at least 50,000 rows/s and under 300 MB. */
async function benchExports(db: postgres.Sql): Promise<boolean[]> {
  console.log('\nExports of every published incident, each from a fresh server process:');
  const floor = await exportFloor(db);
  console.log(`  ${'floor (one cursor, no app)'.padEnd(24)} ${String(floor.rows).padStart(9)} rows ${Math.round(floor.rowsPerSecond).toLocaleString('en').padStart(26)} rows/s`);
  const met: boolean[] = [];
  for (const [path, row] of [['export.csv', '\r\n'], ['export.json', '{"ref":"inc:']] as const) {
    const result = await benchExport(path, row);
    console.log(`  ${result.line}   ${((result.rowsPerSecond / floor.rowsPerSecond) * 100).toFixed(0)}% of the floor`);
    met.push(result.met && result.rowsPerSecond >= 50_000);
  }
  return met;
}

async function main() {
  const db = postgres(benchDatabaseUrl(), { max: 1, onnotice: () => {} });
  const [{ n } = { n: 0 }] = await db<{ n: number }[]>`SELECT count(*)::int AS n FROM public_incidents`;
  console.log(`Public API on ${n.toLocaleString('en')} published incidents (${benchDatabaseUrl().replace(/:[^:@/]*@/, ':***@')}); server: node:http around the route handlers, in a child process.`);
  if (process.argv.includes('--exports-only')) {
    const [csv, json] = await benchExports(db);
    await db.end();
    console.log(`\nGoals: exports ≥ 50,000 rows/s and under 300 MB: CSV ${csv ? 'met' : 'NOT met'}, JSON ${json ? 'met' : 'NOT met'}.`);
    if (!csv || !json) process.exitCode = 1;
    return;
  }
  const { child, app, floor } = await startChild();
  let goals: boolean[];
  try {
    goals = [await benchStats(app, db), await benchIncidents(app, floor), await benchSearch(app, db, timeRequests, Math.min(runs, 50))];
  } finally {
    await stopChild(child);
  }
  goals.push(...(await benchExports(db)));
  await db.end();
  const [stats, incidents, search, csv, json] = goals;
  console.log(
    `\nGoals: stats p50 < 50 ms: ${stats ? 'met' : 'NOT met'}; incidents within 2× the floor: ${incidents ? 'met' : 'NOT met'}; search and two filters p50 < 50 ms: ${search ? 'met' : 'NOT met'}; exports ≥ 50,000 rows/s and under 300 MB: CSV ${csv ? 'met' : 'NOT met'}, JSON ${json ? 'met' : 'NOT met'}.`,
  );
  if (!goals.every(Boolean)) process.exitCode = 1;
}

if (process.argv.includes('--search-only')) {
  searchOnly().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else if (process.argv.includes('--serve')) {
  serve().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
