/**
 * Serves the production build for the end-to-end tests; playwright.config.ts starts it as its
 * webServer (`exec node --import tsx e2e/support/server.ts`). To look around by hand:
 * `npx tsx e2e/support/server.ts` (E2E_PORT=3100), then open http://127.0.0.1:3100; Ctrl-C cleans up.
 *
 * 1. Builds first if there is no production build (`.next/BUILD_ID`); warns when sources are newer.
 * 2. Makes a fresh embedded data folder under the OS temp folder, migrates it and seeds the demo
 *    organisation and accounts through seedDemo(), the same function `npm run demo` uses, then a
 *    second organisation planted with canaries in every confidential field and every state that is
 *    not public (tests/support/leak-canaries.ts, shared with the integration leak test).
 * 3. Closes that database (releasing the folder's lock), then runs `next start` on it with a
 *    test-only NEXTAUTH_SECRET, and leaves the seeded accounts and canaries in the state file for the specs.
 * 4. Forwards SIGINT/SIGTERM/SIGHUP to Next and deletes the temporary folder when Next exits.
 *
 * Env: E2E_PORT (default 3100), E2E_STATE_FILE (see e2e/support/server-state.ts).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openEmbedded } from '../../db/client';
import { processIsAlive } from '../../db/embedded-lock';
import { applyMigrations } from '../../db/migrate';
import { seedDemo } from '../../server/services/demo/seed';
import { organizations } from '../../db/schema';
import { createUser } from '../../tests/support/factories';
import { seedLeakCanaries, type LeakCanaries } from '../../tests/support/leak-canaries';
import {
  E2E_NEXTAUTH_SECRET,
  E2E_TEMP_PREFIX,
  e2eBaseURL,
  e2ePort,
  e2eStateFile,
  type E2eServerState,
} from './server-state';

const root = path.resolve(__dirname, '../..');
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const buildIdFile = path.join(root, '.next', 'BUILD_ID');
const port = e2ePort();
const baseURL = e2eBaseURL();
const stateFile = e2eStateFile();

// Playwright may stop reading our output before we have finished cleaning up.
process.stdout.on('error', () => {});
process.stderr.on('error', () => {});

function log(message: string): void {
  console.log(`[e2e-server] ${message}`);
}

/** The newest source file that a production build depends on, if it is newer than `since`. */
function newerSource(since: number): string | undefined {
  const roots = ['app', 'components', 'lib', 'server', 'db', 'public'];
  const files = ['next.config.js', 'next.config.mjs', 'next.config.ts', 'postcss.config.mjs', 'package-lock.json'];
  const stack = roots.map((dir) => path.join(root, dir)).filter((dir) => existsSync(dir));
  for (const file of files) {
    const full = path.join(root, file);
    if (existsSync(full) && statSync(full).mtimeMs > since) return file;
  }
  while (stack.length > 0) {
    const dir = stack.pop()!;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) stack.push(full);
      } else if (!/\.test\.tsx?$/.test(entry.name) && statSync(full).mtimeMs > since) {
        return path.relative(root, full);
      }
    }
  }
  return undefined;
}

function ensureProductionBuild(): void {
  if (existsSync(buildIdFile)) {
    const newer = newerSource(statSync(buildIdFile).mtimeMs);
    if (newer) log(`WARNING: ${newer} is newer than the production build in .next; run \`npm run build\` to test current code.`);
    return;
  }
  log('No production build (.next/BUILD_ID is missing): running `next build` first.');
  const started = Date.now();
  const result = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) {
    console.error(`[e2e-server] next build failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
  log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

const trashPrefix = `${E2E_TEMP_PREFIX}trash-`;

/** Removes temp folders left by e2e servers that were killed before they could clean up. */
function sweepStaleTempDirs(): void {
  const tmp = os.tmpdir();
  for (const name of readdirSync(tmp)) {
    if (!name.startsWith(E2E_TEMP_PREFIX)) continue;
    const dir = path.join(tmp, name);
    try {
      if (!statSync(dir).isDirectory()) continue;
      const ownerFile = path.join(dir, 'owner.pid');
      const owner = existsSync(ownerFile) ? Number.parseInt(readFileSync(ownerFile, 'utf8'), 10) : NaN;
      // owner.pid is written right after the folder is made; a folder without one is a leftover.
      const stale = name.startsWith(trashPrefix)
        ? true
        : Number.isInteger(owner)
          ? !processIsAlive(owner)
          : Date.now() - statSync(dir).mtimeMs > 10 * 60_000;
      if (stale) rmSync(dir, { recursive: true, force: true });
    } catch {
      // Someone else's folder or a race with its owner: leave it.
    }
  }
}

let tempDir: string | undefined;
let next: ChildProcess | undefined;
let stopping = false;

function cleanUp(): void {
  try {
    if (existsSync(stateFile) && (JSON.parse(readFileSync(stateFile, 'utf8')) as E2eServerState).pid === process.pid) {
      rmSync(stateFile, { force: true });
    }
  } catch {
    // A half-written or foreign state file: leave it, the next server overwrites it.
  }
  if (tempDir) {
    // Renamed first (instant), so that a kill during the slower delete leaves an obvious
    // leftover that the next start sweeps away.
    const trash = path.join(path.dirname(tempDir), `${trashPrefix}${path.basename(tempDir).slice(E2E_TEMP_PREFIX.length)}`);
    try {
      renameSync(tempDir, trash);
    } catch {
      rmSync(tempDir, { recursive: true, force: true, maxRetries: 3 });
    }
    rmSync(trash, { recursive: true, force: true, maxRetries: 3 });
    tempDir = undefined;
  }
}

function onSignal(signal: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  if (next && next.exitCode === null && next.signalCode === null) {
    // Playwright signals the whole process group, so Next usually has it already; make sure.
    next.kill(signal);
    setTimeout(() => next?.kill('SIGKILL'), 10_000).unref();
  } else {
    // Still building or seeding: nothing to wait for.
    cleanUp();
    process.exit(0);
  }
}

async function main(): Promise<void> {
  process.chdir(root); // seedDemo() and Next resolve files from the project folder
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);
  process.on('exit', cleanUp);

  ensureProductionBuild();
  sweepStaleTempDirs();

  tempDir = mkdtempSync(path.join(os.tmpdir(), E2E_TEMP_PREFIX));
  writeFileSync(path.join(tempDir, 'owner.pid'), String(process.pid));
  const dataDir = path.join(tempDir, 'pglite');

  const started = Date.now();
  const database = await openEmbedded(dataDir);
  let seeded: Awaited<ReturnType<typeof seedDemo>>;
  let leak: LeakCanaries;
  const factorAccounts = {} as E2eServerState['factorAccounts'];
  try {
    await applyMigrations(database);
    seeded = await seedDemo(database);
    // Only here, never in the real demo: an organization whose unpublished records and confidential
    // fields carry canaries, for the public crawl of e2e/public-leaks.spec.ts.
    leak = await seedLeakCanaries(database.db);
    // The journeys sign in with a password alone, so no organization here requires a second factor
    // (the product's default asks reviewers and admins); e2e/second-factor.spec.ts enrols its own accounts.
    await database.db.update(organizations).set({ secondFactorPolicy: 'nobody' });
    for (const kind of ['totp', 'passkey'] as const) {
      const account = { email: `${kind}-monitor@example.org`, password: `${kind} monitor walks the steppe at dawn` };
      await createUser(database.db, seeded.organizationId, 'monitor', account);
      factorAccounts[kind] = account;
    }
  } finally {
    await database.close();
  }
  log(`Fresh embedded database in ${dataDir}, migrated and seeded in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  if (stopping) return;

  const state: E2eServerState = { baseURL, dataDir, organizationId: seeded.organizationId, accounts: seeded.accounts, factorAccounts, leak, pid: process.pid };
  writeFileSync(stateFile, `${JSON.stringify(state, null, 2)}\n`);
  log(`Demo accounts (${seeded.accounts.map((account) => account.role).join(', ')}) written to ${stateFile}.`);

  // Whatever the caller's shell or a .env file says, the server runs on the temporary embedded
  // database with test-only auth settings. An empty DATABASE_URL also stops Next's .env loading
  // from supplying one (it never overrides a variable that is present).
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: '',
    HRD_DATA_DIR: dataDir,
    NEXTAUTH_URL: baseURL,
    // Browsers refuse an IP address as a passkey's relying party, so the passkey journey opens the app as localhost.
    WEBAUTHN_ORIGIN: `http://localhost:${port}`,
    NEXTAUTH_SECRET: E2E_NEXTAUTH_SECRET,
    NEXT_TELEMETRY_DISABLED: '1',
    // The specs play a proxy (one X-Forwarded-For entry per crawler) to stay under the per-address limits.
    HRD_TRUSTED_PROXIES: '1',
  };
  log(`Starting next start on ${baseURL}`);
  next = spawn(process.execPath, [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], { cwd: root, env, stdio: 'inherit' });
  next.on('exit', (code, signal) => {
    if (stopping) {
      cleanUp();
      log('Stopped; temporary database removed.');
      process.exit(0);
    }
    console.error(`[e2e-server] next start exited unexpectedly (${signal ?? `exit ${code}`}).`);
    cleanUp();
    process.exit(code || 1);
  });
}

main().catch((error: unknown) => {
  console.error('[e2e-server] failed:', error);
  cleanUp();
  process.exit(1);
});
