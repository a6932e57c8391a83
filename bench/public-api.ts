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
 *    child's peak resident memory (goal: under 300 MB).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { isDeepStrictEqual } from 'node:util';
import postgres from 'postgres';
import { benchDatabaseUrl } from './public-database';
import { benchSearch } from './public-search';

const runs = Number(process.env.BENCH_RUNS ?? 200);
const rawRuns = Number(process.env.BENCH_RAW_RUNS ?? 9);
const incidentsQuery = 'type=judicial_harassment&from=2020&limit=50';

// ---------------------------------------------------------------------------------------------
// The child: the app's handlers and the floor, over HTTP.

async function serve(): Promise<void> {
  process.env.DATABASE_URL = benchDatabaseUrl();
  const { exportCsvGet, exportJsonGet, incidentsGet, statsGet } = await import('../server/public/api');
  const handlers: Record<string, (request: Request) => Promise<Response>> = {
    '/api/public/v1/incidents': incidentsGet,
    '/api/public/v1/stats': statsGet,
    '/api/public/v1/export.csv': exportCsvGet,
    '/api/public/v1/export.json': exportJsonGet,
  };
  let client = 0;
  const app = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://bench.local');
    if (url.pathname === '/__memory') return void send(res, 200, { maxRssMB: process.resourceUsage().maxRSS / 1024, rssMB: process.memoryUsage().rss / 1048576 });
    const handler = handlers[url.pathname];
    if (!handler) return void send(res, 404, { error: 'not_found' });
    // Each request from its own address, so the per-address rate limit does not throttle the benchmark.
    const headers = { 'x-forwarded-for': `10.${(client >> 16) & 255}.${(client >> 8) & 255}.${client++ & 255}` };
    handler(new Request(url, { headers }))
      .then((response) => answer(res, response))
      .catch((error: unknown) => {
        console.error(error);
        res.destroy();
      });
  });

  const floor = await floorHandler();
  const floorServer = createServer((req, res) => {
    floor(req, res).catch((error: unknown) => {
      console.error(error);
      res.destroy();
    });
  });
  await Promise.all([listen(app), listen(floorServer)]);
  console.log(`ready ${(app.address() as AddressInfo).port} ${(floorServer.address() as AddressInfo).port}`);
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** Writes a fetch Response to node:http, streaming the body with backpressure as Next.js does. */
async function answer(res: ServerResponse, response: Response): Promise<void> {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (!response.body) return void res.end();
  Readable.fromWeb(response.body as import('node:stream/web').ReadableStream).pipe(res);
}

const listen = (server: ReturnType<typeof createServer>) => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

/**
 * The floor for `GET /incidents?…`: the SQL the app runs for this query (the same transaction,
 * role, vocabulary and page queries, taken from the app's own query builders), sent through
 * postgres.js, and the same JSON built by hand. No validation, no ORM, no Request/Response objects.
 */
async function floorHandler(): Promise<(req: IncomingMessage, res: ServerResponse) => Promise<void>> {
  const { openPostgres } = await import('../db/client');
  const { pageQuery } = await import('../server/public/incidents');
  const { vocabularyQuery } = await import('../server/public/vocabulary');
  const { publicFilters } = await import('../server/public/filters');
  const builder = openPostgres(benchDatabaseUrl(), { max: 1 });
  const params = new URLSearchParams(incidentsQuery);
  const limit = Number(params.get('limit'));
  params.delete('limit');
  const page = pageQuery(builder.db, publicFilters.parse(Object.fromEntries(params)), null, limit + 1).toSQL();
  const vocabulary = vocabularyQuery(builder.db).toSQL();
  await builder.close();
  // Dates as text, like the app's driver settings; timestamps as Date, like the app's.
  const sql = postgres(benchDatabaseUrl(), { max: 10, onnotice: () => {}, types: { date: { to: 1082, from: [1082], serialize: (x: string) => x, parse: (x: string) => x } } });
  type Row = Record<string, unknown> & { start_date: string; incident_id: string };
  return async (_req, res) => {
    const [terms, rows] = await sql.begin(async (tx) => {
      await tx.unsafe(`SELECT set_config('transaction_read_only', 'on', true), set_config('role', 'hrd_public', true)`);
      // Sent together, as the app does.
      return Promise.all([tx.unsafe(vocabulary.sql, vocabulary.params as never[]), tx.unsafe<Row[]>(page.sql, page.params as never[])]);
    });
    const labels = new Map<string, string>();
    for (const term of terms as unknown as { kind: string; code: string; labels: Record<string, string> }[]) labels.set(`${term.kind}:${term.code}`, term.labels.en!);
    const label = (kind: string, code: string) => labels.get(`${kind}:${code}`) ?? code;
    const shown = rows.slice(0, limit);
    const incidents = shown.map((r) => ({
      id: r.incident_id,
      title: r.title,
      summary: r.summary,
      date: { start: r.start_date, end: r.end_date, precision: r.date_precision },
      location: { country: r.country, region: r.region, locality: r.locality, lat: r.lat, lon: r.lon, precision: r.location_precision },
      violationTypes: (r.violation_types as string[]).map((code) => ({ code, label: label('violation_type', code) })),
      defenderCategories: (r.defender_categories as string[]).map((code) => ({ code, label: label('defender_category', code) })),
      perpetratorTypes: (r.perpetrator_types as string[]).map((code) => ({ code, label: label('perpetrator_type', code) })),
      victims: r.victims,
      perpetrators: (r.perpetrators as { type: string; name: string | null }[]).map((p) => ({ type: p.type, typeLabel: label('perpetrator_type', p.type), name: p.name })),
      legal: r.legal,
      sources: r.sources,
      publisher: r.publisher,
      publishedAt: (r.published_at as Date).toISOString(),
    }));
    const last = shown.at(-1);
    const nextCursor = rows.length > limit && last ? Buffer.from(JSON.stringify({ d: last.start_date, id: last.incident_id })).toString('base64url') : null;
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ incidents, nextCursor, limit }));
  };
}

// ---------------------------------------------------------------------------------------------
// The parent: requests, timings, the table.

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

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`.padStart(10);

async function timeRequests(url: string, count: number): Promise<{ p50: number; p95: number; body: string }> {
  let body = '';
  for (let i = 0; i < 10; i++) body = await get(url); // warm up
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    body = await get(url);
    samples.push(performance.now() - start);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), body };
}

async function get(url: string): Promise<string> {
  const response = await fetch(url);
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${url}: ${response.status} ${text}`);
  return text;
}

async function timeSql(db: postgres.Sql, query: string): Promise<{ p50: number; p95: number; rows: { key: string | null; n: number }[] }> {
  let rows = await db.unsafe<{ key: string | null; n: number }[]>(query);
  const samples: number[] = [];
  for (let i = 0; i < rawRuns; i++) {
    const start = performance.now();
    rows = await db.unsafe(query);
    samples.push(performance.now() - start);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), rows: rows.map((r) => ({ key: r.key, n: Number(r.n) })) };
}

/** The same figures as the stats endpoint, straight from the workspace tables (published, not deleted). */
function rawStats(groupBy: string, filter: Record<string, string>): string {
  const conditions = ['i.published_version IS NOT NULL', 'i.deleted_at IS NULL'];
  if (filter.region) conditions.push(`i.region = '${filter.region}'`);
  if (filter.type) {
    conditions.push(`i.violation_types && ARRAY(WITH RECURSIVE narrower(code) AS (SELECT '${filter.type}'::text
      UNION SELECT v.code FROM vocabulary_terms v JOIN narrower n ON v.parent_code = n.code WHERE v.kind = 'violation_type') SELECT code FROM narrower)`);
  }
  if (filter.from) {
    conditions.push(`(CASE i.date_precision WHEN 'year' THEN (date_trunc('year', i.start_date) + interval '1 year - 1 day')::date
      WHEN 'month' THEN (date_trunc('month', i.start_date) + interval '1 month - 1 day')::date ELSE i.start_date END) >= '${filter.from}-01'::date`);
  }
  if (filter.to) conditions.push(`i.start_date <= (date_trunc('month', '${filter.to}-01'::date) + interval '1 month - 1 day')::date`);
  const where = conditions.join(' AND ');
  const byTerm = (kind: string, hits: string) => `WITH RECURSIVE broader(code, ancestor) AS (
      SELECT code, parent_code FROM vocabulary_terms WHERE kind = '${kind}' AND parent_code IS NOT NULL
      UNION SELECT b.code, v.parent_code FROM broader b JOIN vocabulary_terms v ON v.kind = '${kind}' AND v.code = b.ancestor WHERE v.parent_code IS NOT NULL
    ), hits AS (${hits})
    SELECT key, count(DISTINCT incident_id)::int AS n FROM (
      SELECT incident_id, code AS key FROM hits UNION SELECT h.incident_id, b.ancestor FROM hits h JOIN broader b ON b.code = h.code
    ) x GROUP BY key ORDER BY n DESC, key`;
  switch (groupBy) {
    case 'year':
      return `SELECT to_char(i.start_date, 'YYYY') AS key, count(*)::int AS n FROM incidents i WHERE ${where} GROUP BY 1 ORDER BY 1`;
    case 'month':
      return `SELECT to_char(i.start_date, 'YYYY-MM') AS key, count(*)::int AS n FROM incidents i WHERE ${where} AND i.date_precision <> 'year' GROUP BY 1 ORDER BY 1`;
    case 'region':
      return `SELECT i.region AS key, count(*)::int AS n FROM incidents i WHERE ${where} GROUP BY 1 ORDER BY 2 DESC, 1`;
    case 'violation_type':
      return byTerm('violation_type', `SELECT i.id AS incident_id, t.code FROM incidents i CROSS JOIN LATERAL unnest(i.violation_types) AS t(code) WHERE ${where}`);
    case 'defender_category':
      // A person's categories are the person's own; a group's are the victim link's.
      return byTerm('defender_category', `SELECT i.id AS incident_id, c.code FROM incidents i JOIN incident_victims v ON v.incident_id = i.id
        LEFT JOIN persons p ON p.id = v.person_id CROSS JOIN LATERAL unnest(CASE WHEN v.person_id IS NULL THEN v.categories ELSE p.categories END) AS c(code) WHERE ${where}`);
    default:
      return byTerm('perpetrator_type', `SELECT i.id AS incident_id, pp.type_code AS code FROM incidents i JOIN incident_perpetrators pp ON pp.incident_id = i.id WHERE ${where}`);
  }
}

type Line = { what: string; p50: number; p95: number; compare?: string; cp50?: number; cp95?: number; note?: string };
/** Prints a table's heading now and each line as soon as it is measured. */
function table(title: string, compareHeading: string): (line: Line) => void {
  console.log(`\n${title}`);
  console.log(`${'request'.padEnd(74)}${'p50'.padStart(10)}${'p95'.padStart(10)}   ${compareHeading.padEnd(18)}${'p50'.padStart(10)}${'p95'.padStart(10)}  note`);
  return (l) =>
    console.log(
      `${l.what.padEnd(74)}${ms(l.p50)}${ms(l.p95)}   ${(l.compare ?? '').padEnd(18)}${l.cp50 === undefined ? ''.padStart(10) : ms(l.cp50)}${l.cp95 === undefined ? ''.padStart(10) : ms(l.cp95)}  ${l.note ?? ''}`,
    );
}

async function benchStats(app: string, db: postgres.Sql): Promise<boolean> {
  const groupings = ['year', 'month', 'violation_type', 'region', 'defender_category', 'perpetrator_type'];
  const line = table(`Stats endpoint, ${runs} requests each (one at a time), beside the same aggregate in raw SQL over the workspace tables (${rawRuns} runs):`, 'compared with');
  let met = true;
  for (const groupBy of groupings) {
    const one: Record<string, string> = groupBy === 'region' ? { type: 'judicial_harassment' } : { region: 'Almaty' };
    for (const filter of [{}, one, { ...one, from: '2015-01', to: '2019-06' }] as Record<string, string>[]) {
      const query = new URLSearchParams({ groupBy, ...filter }).toString();
      const endpoint = await timeRequests(`${app}/api/public/v1/stats?${query}`, runs);
      const raw = await timeSql(db, rawStats(groupBy, filter));
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
async function benchExport(path: string, rowPattern: string): Promise<{ line: string; met: boolean }> {
  const { child, app } = await startChild();
  try {
    const before = JSON.parse(await get(`${app}/__memory`)) as { maxRssMB: number };
    const start = performance.now();
    const response = await fetch(`${app}/api/public/v1/${path}`);
    let rows = 0;
    let bytes = 0;
    let carry = '';
    let tail = '';
    const decoder = new TextDecoder();
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.byteLength;
      const text = carry + decoder.decode(chunk, { stream: true });
      rows += text.split(rowPattern).length - 1;
      carry = text.slice(-rowPattern.length + 1);
      tail = text.slice(-200);
    }
    if (path.endsWith('.csv')) rows -= 1; // the header
    const seconds = (performance.now() - start) / 1000;
    const after = JSON.parse(await get(`${app}/__memory`)) as { maxRssMB: number };
    const complete = response.status === 200 && (path.endsWith('.json') ? tail.trimEnd().endsWith('}') : tail.endsWith('\r\n'));
    const line = `${`GET /${path}`.padEnd(24)} ${String(rows).padStart(9)} rows ${(bytes / 1048576).toFixed(0).padStart(6)} MB ${seconds.toFixed(1).padStart(7)} s ${Math.round(rows / seconds).toLocaleString('en').padStart(9)} rows/s   peak RSS ${after.maxRssMB.toFixed(0).padStart(5)} MB (${before.maxRssMB.toFixed(0)} MB before)${complete ? '' : '  INCOMPLETE'}`;
    return { line, met: complete && after.maxRssMB < 300 };
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

async function main() {
  const db = postgres(benchDatabaseUrl(), { max: 1, onnotice: () => {} });
  const [{ n } = { n: 0 }] = await db<{ n: number }[]>`SELECT count(*)::int AS n FROM public_incidents`;
  console.log(`Public API on ${n.toLocaleString('en')} published incidents (${benchDatabaseUrl().replace(/:[^:@/]*@/, ':***@')}); server: node:http around the route handlers, in a child process.`);
  const { child, app, floor } = await startChild();
  let goals: boolean[];
  try {
    goals = [await benchStats(app, db), await benchIncidents(app, floor), await benchSearch(app, db, timeRequests, Math.min(runs, 50))];
  } finally {
    await stopChild(child);
  }
  console.log('\nExports of every published incident, each from a fresh server process:');
  for (const [path, row] of [['export.csv', '\r\n'], ['export.json', '{"ref":"inc:']] as const) {
    const result = await benchExport(path, row);
    console.log(`  ${result.line}`);
    goals.push(result.met);
  }
  await db.end();
  const [stats, incidents, search, csv, json] = goals;
  console.log(
    `\nGoals: stats p50 < 50 ms: ${stats ? 'met' : 'NOT met'}; incidents within 2× the floor: ${incidents ? 'met' : 'NOT met'}; search and two filters p50 < 50 ms: ${search ? 'met' : 'NOT met'}; exports under 300 MB: CSV ${csv ? 'met' : 'NOT met'}, JSON ${json ? 'met' : 'NOT met'}.`,
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
