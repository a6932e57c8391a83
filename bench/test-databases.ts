/**
 * The integration tests' database setup: `npm run bench:test-databases [-- --rounds 5]`.
 * Times, in alternating rounds so that both meet the same load on a shared machine, what a test file
 * paid before (an empty database migrated on the spot) against what it pays now (a copy of the
 * migrated template, tests/support/template-database.ts), on PostgreSQL at TEST_DATABASE_URL or
 * 127.0.0.1:5432; then the same for the embedded database (initdb and the migrations against a load
 * of the migrated tarball, tests/support/embedded-template.ts). Prints medians; drops what it made.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { openEmbedded, openPostgres } from '../db/client';
import { applyMigrations } from '../db/migrate';
import { createEmbeddedTestDatabase, createTestDatabase, testServerUrl } from '../tests/support/database';
import { migratedEmbeddedDataDir } from '../tests/support/embedded-template';
import { ensureTemplate } from '../tests/support/template-database';

const args = process.argv.slice(2);
const at = args.indexOf('--rounds');
const rounds = at >= 0 ? Number(args[at + 1]) || 5 : 5;

/** As tests/support/database.ts made a test database before the template. */
async function migratedOnTheSpot(): Promise<void> {
  const name = `hrd_bench_migrate_${randomBytes(4).toString('hex')}`;
  const admin = postgres(testServerUrl(), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE ${name}`);
    const url = new URL(testServerUrl());
    url.pathname = `/${name}`;
    const database = openPostgres(url.toString(), { max: 5 });
    await applyMigrations(database);
    await database.close();
  } finally {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

async function copied(): Promise<void> {
  await (await createTestDatabase()).close();
}

async function embeddedMigrated(): Promise<void> {
  const database = await openEmbedded('memory://');
  await applyMigrations(database);
  await database.close();
}

async function embeddedLoaded(): Promise<void> {
  await (await createEmbeddedTestDatabase()).close();
}

async function time(work: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function compare(label: string, before: () => Promise<void>, after: () => Promise<void>): Promise<void> {
  const times = { before: [] as number[], after: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    times.before.push(await time(before));
    times.after.push(await time(after));
  }
  const [b, a] = [median(times.before), median(times.after)];
  console.log(`${label}: before ${(b / 1000).toFixed(2)} s, now ${(a / 1000).toFixed(2)} s (median of ${rounds}), ${(b / a).toFixed(1)}× faster`);
  console.log(`  before: ${times.before.map((t) => (t / 1000).toFixed(2)).join(' ')}`);
  console.log(`  now:    ${times.after.map((t) => (t / 1000).toFixed(2)).join(' ')}`);
}

async function main(): Promise<void> {
  // Made once per run (the global setup) or kept from an earlier one: not part of a file's cost.
  await ensureTemplate(testServerUrl());
  await migratedEmbeddedDataDir();
  await compare('PostgreSQL test database', migratedOnTheSpot, copied);
  await compare('embedded test database', embeddedMigrated, embeddedLoaded);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
