/**
 * `npm run demo`: migrates the embedded database, loads the demo organization, accounts and the
 * Kazakhstan 2017 records, builds the app when needed, and serves it on http://localhost:3000.
 * Safe to run again: nothing is duplicated.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openConfiguredDatabase, defaultEmbeddedDataDir } from '../db/client';
import { applyMigrations } from '../db/migrate';
import { seedDemo } from '../server/services/demo/seed';

const started = Date.now();
const port = process.env.PORT ?? '3000';
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

/** A session secret kept beside the embedded data, so demo sign-ins survive a restart. */
function demoSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(path.dirname(defaultEmbeddedDataDir()), '.nextauth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function currentCommit(): string | null {
  try {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    return dirty ? null : head;
  } catch {
    return null;
  }
}

/** Builds unless the existing build was made from this very commit. */
function buildIfNeeded() {
  const stampFile = path.join('.next', 'hrd-build-commit');
  const commit = currentCommit();
  const fresh = existsSync(path.join('.next', 'BUILD_ID')) && commit !== null && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === commit;
  if (fresh) {
    console.log('Using the existing production build.');
    return;
  }
  console.log('Building the app (about a minute the first time)…');
  execFileSync(process.execPath, [require.resolve('next/dist/bin/next'), 'build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (commit) writeFileSync(stampFile, commit);
}

/** Printed as soon as they exist, and again once the server is up (the build's output lies between). */
function printAccounts(accounts: Awaited<ReturnType<typeof seedDemo>>['accounts']) {
  console.log('Demo accounts (public demo passwords; never use them for real records):');
  for (const account of accounts) console.log(`  ${account.role.padEnd(9)} ${account.email.padEnd(32)} ${account.password}`);
}

async function main() {
  const database = await openConfiguredDatabase();
  let seeded: Awaited<ReturnType<typeof seedDemo>>;
  try {
    await applyMigrations(database);
    console.log(`Database ready (${database.driver === 'pglite' ? `embedded, in ${defaultEmbeddedDataDir()}` : 'PostgreSQL server'}) after ${seconds()}.`);
    seeded = await seedDemo(database);
  } finally {
    // Release the embedded folder: the server process opens it next.
    await database.close();
  }
  console.log(
    typeof seeded.summary === 'string'
      ? `Demo data already loaded (kept as the demo users left it); ready after ${seconds()}.`
      : `Demo data loaded after ${seconds()}: ${seeded.summary.incidents.created} incidents, ${seeded.summary.persons.created} persons, ${seeded.summary.cases.created} cases.`,
  );

  printAccounts(seeded.accounts);
  buildIfNeeded();

  const url = process.env.NEXTAUTH_URL ?? `http://localhost:${port}`;
  const server = spawn(process.execPath, [require.resolve('next/dist/bin/next'), 'start', '-p', port], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NEXTAUTH_URL: url, NEXTAUTH_SECRET: demoSecret(), NEXT_TELEMETRY_DISABLED: '1' },
  });
  server.stdout.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (/Ready in/i.test(chunk.toString())) {
      console.log(`\nHRD Monitor demo is serving on ${url} (ready ${seconds()} after the command started).`);
      printAccounts(seeded.accounts);
      console.log('Press Ctrl+C to stop.');
    }
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
  server.on('exit', (code) => {
    if (code) console.error(`The server stopped with exit code ${code}. If port ${port} is taken, stop what uses it or run PORT=3001 npm run demo.`);
    process.exit(code ?? 0);
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
