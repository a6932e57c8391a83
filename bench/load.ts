/**
 * Load on running app processes: `npm run bench:load`. Drives concurrent clients (autocannon) at
 * the public dashboard page, the stats and incidents endpoints of the open-data API, and the
 * signed-in incident list, each for a bounded time, spreading requests over every process given,
 * and prints requests per second, p50/p99 latency and errors for each.
 *
 * Start the app first, e.g. two processes on the 1M database (npm run bench:public:generate):
 *   DATABASE_URL=… PORT=3000 npm start & DATABASE_URL=… PORT=3001 npm start &
 *   BENCH_URLS=http://127.0.0.1:3000,http://127.0.0.1:3001 BENCH_EMAIL=… BENCH_PASSWORD=… npm run bench:load
 *
 * Env: BENCH_URLS (default http://127.0.0.1:3000), BENCH_SECONDS per target (default 15),
 * BENCH_CONNECTIONS (default 20), BENCH_EMAIL and BENCH_PASSWORD (a member's account; without them
 * the signed-in list is skipped). Each request names a different client address in X-Forwarded-For
 * (as many visitors behind one reverse proxy), so the per-address rate limit of the public API does
 * not turn the measurement into a measurement of 429s.
 * Goals on 2 cores: public stats ≥ 500 requests/s with p99 < 100 ms and no error; the list ≥ 100 requests/s.
 */
import autocannon from 'autocannon';

const urls = (process.env.BENCH_URLS ?? 'http://127.0.0.1:3000').split(',').map((url) => url.trim().replace(/\/+$/, ''));
const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);

type Target = { name: string; path: string; cookie?: string; goal?: string };

/** Signs in through next-auth's credentials flow, as the browser does; returns the session cookie. */
async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const answer = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  const session = answer.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => /session-token=|hrd\.session=/.test(c));
  if (!session) throw new Error(`Sign-in as ${email} failed (HTTP ${answer.status}): check BENCH_EMAIL and BENCH_PASSWORD.`);
  return session;
}

let visitor = 0;
/** A different client address for every request. */
function nextAddress(): string {
  visitor = (visitor + 1) % 16_000_000;
  return `10.${(visitor >> 16) & 255}.${(visitor >> 8) & 255}.${visitor & 255}`;
}

async function measure(target: Target) {
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
  const total = results.reduce((sum, r) => sum + r.requests.total, 0);
  const errors = results.reduce((sum, r) => sum + r.errors + r.timeouts + r.non2xx, 0);
  // Latency percentiles are per process; the slowest process's figure is the honest one to print.
  const p50 = Math.max(...results.map((r) => r.latency.p50));
  const p99 = Math.max(...results.map((r) => r.latency.p99));
  const perSecond = total / seconds;
  console.log(
    `${target.name.padEnd(26)} ${perSecond.toFixed(0).padStart(7)} req/s   p50 ${String(p50).padStart(5)} ms   p99 ${String(p99).padStart(5)} ms   errors ${errors}` +
      (target.goal ? `   (goal: ${target.goal})` : ''),
  );
}

async function main() {
  for (const base of urls) {
    const ready = await fetch(`${base}/api/health/ready`).catch(() => null);
    if (!ready?.ok) throw new Error(`${base} is not ready (GET /api/health/ready): start the app first.`);
  }
  const targets: Target[] = [
    { name: 'dashboard page', path: '/dashboard' },
    { name: 'public stats by year', path: '/api/public/v1/stats?groupBy=year', goal: '≥ 500 req/s, p99 < 100 ms, 0 errors' },
    { name: 'public incidents page', path: '/api/public/v1/incidents?limit=50' },
  ];
  if (process.env.BENCH_EMAIL && process.env.BENCH_PASSWORD) {
    const cookie = await signIn(urls[0]!, process.env.BENCH_EMAIL, process.env.BENCH_PASSWORD);
    targets.push({ name: 'signed-in incident list', path: '/incidents', cookie, goal: '≥ 100 req/s' });
  } else {
    console.log('(BENCH_EMAIL and BENCH_PASSWORD not set: the signed-in incident list is skipped)');
  }
  console.log(`${urls.length} process(es), ${connections} connections, ${seconds} s per target`);
  for (const target of targets) await measure(target);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
