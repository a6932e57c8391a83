/**
 * Load on app processes: `npm run bench:load`. Drives concurrent clients (autocannon) at the public
 * dashboard page, the stats and incidents endpoints of the open-data API and the signed-in incident
 * list, each for a bounded time, spreading requests over every process, and prints for each target
 * requests per second, p50/p99 latency and errors, beside a floor (a route that reads no database,
 * on the same processes, in the same run): on a shared machine the ratio to it is the steadier figure.
 *
 * By default it starts two `next start` processes of this checkout's build (npm run build) on the
 * 1M bench database (npm run bench:public:generate; BENCH_PUBLIC_DATABASE names a copy) on
 * BENCH_PORTS (default 3371,3372), makes a monitor with a password there through the app's own code
 * (./support/bench-account.ts), signs in through next-auth's credentials flow, and stops them at the end.
 * With BENCH_URLS it drives processes already running instead (BENCH_EMAIL and BENCH_PASSWORD then
 * name the account; without them the signed-in list is skipped).
 *
 * Each target is measured alone: its own client connections, then a pause until every process
 * answers promptly again, so that requests a slow target left behind do not weigh on the next one.
 * Env: BENCH_SECONDS per target (default 15), BENCH_CONNECTIONS (default 20), BENCH_ONLY (names, comma-separated).
 * Each request names a different client address in X-Forwarded-For (many visitors behind one
 * proxy), so the per-address rate limit of the public API is exercised, not tripped by the bench.
 * Goals on 2 cores: public stats ≥ 500 requests/s with p99 < 100 ms and no error; the list ≥ 100 requests/s.
 */
import autocannon from 'autocannon';
import { openPostgres } from '../db/client';
import { benchDatabaseUrl } from './public-database';
import { benchSecrets, startAppProcesses, type AppProcesses } from './support/app-processes';
import { benchMonitor } from './support/bench-account';
import { signIn } from './support/sign-in';

const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim());

type Target = { name: string; path: string; cookie?: string; goal?: string };
type Measured = { perSecond: number; p50: number; p99: number; errors: number; timeouts: number; non2xx: number; unanswered: number; kilobytes: number };

let visitor = 0;
/** A different client address for every request. */
function nextAddress(): string {
  visitor = (visitor + 1) % 16_000_000;
  return `10.${(visitor >> 16) & 255}.${(visitor >> 8) & 255}.${visitor & 255}`;
}

/** Waits until every process answers a database round trip promptly three times in a row (at most a minute). */
async function settle(urls: string[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  let prompt = 0;
  while (prompt < 3 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const started = Date.now();
    const answers = await Promise.all(urls.map((url) => fetch(`${url}/api/health/ready`).then((r) => r.ok, () => false)));
    prompt = answers.every(Boolean) && Date.now() - started < 100 ? prompt + 1 : 0;
  }
}

async function measure(urls: string[], target: Target): Promise<Measured> {
  // One autocannon instance per process, at the same time: their sum is the throughput of the whole.
  const results = await Promise.all(
    urls.map((base) =>
      autocannon({
        url: `${base}${target.path}`,
        connections: Math.max(1, Math.round(connections / urls.length)),
        duration: seconds,
        headers: target.cookie ? { cookie: target.cookie } : {},
        requests: [{ setupRequest: (request) => ({ ...request, headers: { ...request.headers, 'x-forwarded-for': nextAddress() } }) }],
      }),
    ),
  );
  const sum = (pick: (r: autocannon.Result) => number) => results.reduce((total, r) => total + pick(r), 0);
  // Latency percentiles are per process; the slowest process's figure is the honest one to print.
  return {
    perSecond: sum((r) => r.requests.total) / seconds,
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    non2xx: sum((r) => r.non2xx),
    // Still in flight when the time was up: a target slower than the measurement shows here, not as errors.
    unanswered: Math.max(0, sum((r) => r.requests.sent) - sum((r) => r.requests.total) - sum((r) => r.errors)),
    // What one answer weighs: a page's time often goes to rendering and writing its HTML.
    kilobytes: sum((r) => r.throughput.total) / Math.max(1, sum((r) => r.requests.total)) / 1024,
  };
}

function line(target: Target, m: Measured, floor: Measured | null): string {
  const ratio = floor ? `${((m.perSecond / floor.perSecond) * 100).toFixed(0).padStart(4)}% of floor` : ''.padEnd(13);
  return (
    `${target.name.padEnd(26)} ${m.perSecond.toFixed(0).padStart(6)} req/s  ${ratio}  p50 ${String(m.p50).padStart(5)} ms  p99 ${String(m.p99).padStart(5)} ms` +
    `  ${m.kilobytes.toFixed(0).padStart(4)} KB each  errors ${m.errors} timeouts ${m.timeouts} non-2xx ${m.non2xx} unanswered ${m.unanswered}` +
    (target.goal ? `  (goal: ${target.goal})` : '')
  );
}

async function account(): Promise<{ email: string; password: string } | null> {
  if (process.env.BENCH_URLS) {
    return process.env.BENCH_EMAIL && process.env.BENCH_PASSWORD ? { email: process.env.BENCH_EMAIL, password: process.env.BENCH_PASSWORD } : null;
  }
  // The audit rows of the new password are keyed like the app processes' (the bench's own key).
  process.env.AUDIT_KEY = benchSecrets.AUDIT_KEY;
  const database = openPostgres(benchDatabaseUrl(), { max: 1 });
  try {
    return await benchMonitor(database.db);
  } finally {
    await database.close();
  }
}

async function main() {
  let processes: AppProcesses | null = null;
  let urls: string[];
  if (process.env.BENCH_URLS) {
    urls = process.env.BENCH_URLS.split(',').map((url) => url.trim().replace(/\/+$/, ''));
  } else {
    const ports = (process.env.BENCH_PORTS ?? '3371,3372').split(',').map(Number);
    console.log(`Starting ${ports.length} next start processes on ${benchDatabaseUrl().replace(/:[^:@/]*@/, ':***@')} …`);
    processes = await startAppProcesses(benchDatabaseUrl(), ports);
    urls = processes.urls;
  }
  try {
    for (const base of urls) {
      const ready = await fetch(`${base}/api/health/ready`).catch(() => null);
      if (!ready?.ok) throw new Error(`${base} is not ready (GET /api/health/ready): start the app first.`);
    }
    const floor: Target = { name: 'floor (no database)', path: '/api/health' };
    const targets: Target[] = [
      { name: 'public stats by year', path: '/api/public/v1/stats?groupBy=year', goal: '≥ 500 req/s, p99 < 100 ms, 0 errors' },
      { name: 'public incidents page', path: '/api/public/v1/incidents?limit=50' },
    ];
    const member = await account();
    if (member) targets.push({ name: 'signed-in incident list', path: '/incidents', cookie: await signIn(urls[0]!, member.email, member.password), goal: '≥ 100 req/s' });
    else console.log('(BENCH_EMAIL and BENCH_PASSWORD not set: the signed-in incident list is skipped)');
    targets.push({ name: 'dashboard page', path: '/dashboard' });
    console.log(`${urls.length} process(es), ${connections} connections, ${seconds} s per target, a pause until the processes answer promptly between targets`);
    // One request of each first, outside the measurement: the first rendering of a page compiles and caches.
    for (const target of [floor, ...targets]) await Promise.all(urls.map((base) => fetch(`${base}${target.path}`, { headers: target.cookie ? { cookie: target.cookie } : {} })));
    await settle(urls);
    const floorFigures = await measure(urls, floor);
    console.log(line(floor, floorFigures, null));
    for (const target of targets) {
      if (only && !only.includes(target.name)) continue;
      await settle(urls);
      console.log(line(target, await measure(urls, target), floorFigures));
    }
  } finally {
    await processes?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
