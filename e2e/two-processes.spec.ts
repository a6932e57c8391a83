import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { hash } from '@node-rs/argon2';
import postgres from 'postgres';
import { e2ePort } from './support/server-state';

/**
 * Two `next start` processes of the production build on one PostgreSQL database: the sign-in
 * throttle and the open-data API's rate limit are kept in the database, so what one process counted
 * the other enforces; a public answer one keeps is read again once the other publishes; and SIGTERM drains a request in flight before the process exits. Ports of their own next to the e2e server's; everything is stopped and dropped
 * at the end, and the whole test is bounded in time.
 */

const root = path.resolve(__dirname, '..');
const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `hrd_e2e_two_${Date.now()}_${randomBytes(3).toString('hex')}`;
const databaseUrl = (() => {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
})();
const ports = [e2ePort() + 11, e2ePort() + 12];
const base = (port: number) => `http://127.0.0.1:${port}`;
const email = 'two.processes@example.org';
const password = 'the right password for two processes';

let admin: ReturnType<typeof postgres>;
const servers: ChildProcess[] = [];

async function waitUntilUp(port: number, deadline: number) {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base(port)}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`next start on port ${port} did not answer in time`);
}

test.describe.configure({ mode: 'serial' });
test.setTimeout(150_000);

test.beforeAll(async () => {
  test.setTimeout(120_000);
  admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  execFileSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'cli/migrate.ts'], { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: 'pipe', timeout: 60_000 });
  const db = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  await db`INSERT INTO users (email, name, password_hash) VALUES (${email}, 'Two Processes', ${await hash(password, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 })})`;
  await db.end();
  const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  for (const port of ports) {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: base(port),
      NEXTAUTH_SECRET: 'two-processes-test-secret-0123456789-abcdefghij',
      AUDIT_KEY: 'two-processes-test-audit-key-0123456789-abcdefghij',
      NEXT_TELEMETRY_DISABLED: '1',
    };
    servers.push(spawn(process.execPath, [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], { cwd: root, env, stdio: 'ignore' }));
  }
  const deadline = Date.now() + 60_000;
  await Promise.all(ports.map((port) => waitUntilUp(port, deadline)));
});

test.afterAll(async () => {
  for (const server of servers) server.kill('SIGTERM');
  await Promise.all(servers.map((server) => new Promise((resolve) => (server.exitCode !== null ? resolve(null) : server.once('exit', resolve)))));
  await admin?.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin?.end();
});

/** Signs in through next-auth's own form endpoint, as the sign-in page does; true when a session cookie comes back. */
async function signIn(port: number, tried: string, extraHeaders: Record<string, string> = {}): Promise<boolean> {
  const csrf = await fetch(`${base(port)}/api/auth/csrf`);
  const cookie = (csrf.headers.getSetCookie() ?? []).map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base(port)}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, ...extraHeaders },
    body: new URLSearchParams({ csrfToken, email, password: tried, json: 'true' }),
  });
  return response.headers.getSetCookie().some((c) => c.startsWith('hrd.session='));
}

test('failed sign-ins counted by one process slow the account down on the other', async () => {
  // The right password works on both to begin with (and clears nothing that matters here).
  expect(await signIn(ports[0]!, password)).toBe(true);
  // Five wrong guesses, alternating between the two processes.
  // A forged X-Forwarded-For changes nothing: with no proxy configured the address is the connection's.
  for (let i = 0; i < 5; i++) expect(await signIn(ports[i % 2]!, `wrong guess ${i}`, { 'x-forwarded-for': '198.51.100.9' })).toBe(false);
  // The account now waits; the right password is refused on both processes until the wait is over.
  expect(await signIn(ports[1]!, password)).toBe(false);
  expect(await signIn(ports[0]!, password)).toBe(false);
  const db = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const [row] = await db`SELECT failures FROM sign_in_throttle WHERE key = ${`account:${email}`}`;
  const addresses = await db`SELECT key FROM sign_in_throttle WHERE key LIKE 'address:%' ORDER BY key`;
  expect(addresses.map((a) => a.key)).toEqual(['address:127.0.0.1']);
  await db`UPDATE sign_in_throttle SET blocked_until = now() - interval '1 second' WHERE key = ${`account:${email}`}`;
  await db.end();
  expect(row?.failures).toBe(5);
  expect(await signIn(ports[1]!, password)).toBe(true);
});

test('a publication is seen at once by both processes, though each keeps its public answers', async () => {
  // A day inside a month: counted from the read model. Few calls: the rate limit test below spends this address's allowance.
  const total = async (port: number) => ((await (await fetch(`${base(port)}/api/public/v1/stats?groupBy=year&from=2017-01-15`)).json()) as { total: number }).total;
  expect([await total(ports[0]!), await total(ports[1]!)]).toEqual([0, 0]);
  // Written as any other process (or the import command) would: the trigger renews the read model's generation.
  const db = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  await db`INSERT INTO public_incidents (incident_id, publisher, title, start_date, date_precision, country, location_precision,
      violation_types, defender_categories, perpetrator_types, victims, perpetrators, legal, sources, published_version, published_at)
    VALUES (gen_random_uuid(), 'Two Processes', 'Published while both processes kept their answers', '2018-03-01', 'day', 'KZ', 'country',
      '{}', '{}', '{}', '[]', '[]', '[]', '[]', 1, now())`;
  await db.end();
  expect([await total(ports[0]!), await total(ports[1]!)]).toEqual([1, 1]);
});

test('the open-data API’s rate limit spent on one process holds on the other', async () => {
  const call = (port: number) => fetch(`${base(port)}/api/public/v1/openapi.json`).then((response) => response.status);
  const first: number[] = [];
  for (let i = 0; i < 110; i++) first.push(await call(ports[0]!));
  expect(first.every((status) => status === 200)).toBe(true);
  // The second process has answered nobody yet; alone, 40 calls would be far below its 120.
  const second: number[] = [];
  for (let i = 0; i < 40; i++) second.push(await call(ports[1]!));
  expect(second).toContain(429);
});

test('SIGTERM lets the request in flight finish, then the process exits', async () => {
  const db = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  // The previous test spent this address's allowance: start from a full bucket.
  await db`DELETE FROM rate_limit_buckets`;
  // Hold the public table so that a request to it is still in flight when the signal arrives.
  const holder = await db.reserve();
  await holder`BEGIN`;
  await holder`LOCK TABLE public_incidents IN ACCESS EXCLUSIVE MODE`;
  const stopping = servers[1]!;
  const exited = new Promise<number | null>((resolve) => stopping.once('exit', (code) => resolve(code)));
  const inFlight = fetch(`${base(ports[1]!)}/api/public/v1/incidents`).then(async (response) => ({ status: response.status, body: await response.text() }));
  await expect.poll(async () => (await db`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = ${name} AND wait_event_type = 'Lock'`)[0]!.n, { timeout: 15_000 }).toBe(1);

  stopping.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  expect(stopping.exitCode).toBeNull(); // still draining

  await holder`ROLLBACK`;
  holder.release();
  const answer = await inFlight;
  expect(answer.status).toBe(200);
  expect(JSON.parse(answer.body)).toHaveProperty('incidents');
  // Next exits with 143 (128 + SIGTERM) once drained, after our shutdown hook closed the pool;
  // the hook's fallback for a request that never ends would exit with 1 after 30 seconds.
  expect(await exited).toBe(143);
  await db.end();
});
