import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openEmbedded, openPostgres, type Database, type Db } from '@/db/client';
import { applyMigrations } from '@/db/migrate';
import { rowsOf } from '@/db/rows';
import { migratedEmbeddedDataDir } from './embedded-template';
import { ensureTemplate } from './template-database';

/** Where integration tests find PostgreSQL: TEST_DATABASE_URL, or this machine's server. */
export function testServerUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

/**
 * A fresh, migrated database of its own on the PostgreSQL server, dropped by `close()`.
 * Each test file gets one, so files can run in parallel without seeing each other's rows.
 * It is a copy of the migrated template (template-database.ts), which is much faster than
 * migrating; the migrate step still runs on it, as on any database, and finds nothing to apply.
 * `prefix` names whose it is (a benchmark's, left behind by a killed run, is found by it); `keep`
 * leaves it on the server after `close()`, to be read afterwards (EXPLAIN a benchmark's queries).
 */
export async function createTestDatabase(prefix = 'hrd_test', { keep = false } = {}): Promise<Database> {
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const serverUrl = testServerUrl();
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await copyTemplate(admin, serverUrl, name);
  } catch (error) {
    await admin.end();
    throw new Error(`Integration tests need PostgreSQL at ${serverUrl} (set TEST_DATABASE_URL): ${String(error)}`);
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = openPostgres(url.toString(), { max: 5 });
  await applyMigrations(database);
  return {
    ...database,
    close: async () => {
      await database.close();
      if (keep) console.log(`Kept database ${name}: drop it with psql -c 'DROP DATABASE ${name}'.`);
      else await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

async function copyTemplate(admin: postgres.Sql, serverUrl: string, name: string): Promise<void> {
  const copy = async () => admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${await ensureTemplate(serverUrl)}`);
  try {
    await copy();
  } catch (error) {
    // A run on other migrations may have swept the template as stale just now: make it again, once.
    if ((error as { code?: string }).code !== '3D000') throw error; // invalid_catalog_name: no such template
    await copy();
  }
}

/**
 * A migrated in-memory PGlite: the embedded driver, for the smaller set of tests that run on it.
 * Started from a tarball of one migrated once (embedded-template.ts); the migrate step runs on it too.
 */
export async function createEmbeddedTestDatabase(): Promise<Database> {
  const database = await openEmbedded('memory://', { loadDataDir: await migratedEmbeddedDataDir() });
  await applyMigrations(database);
  return database;
}

/** The address of a test database, for running the command-line tools on it as a user would. */
export async function databaseUrlOf(db: Db): Promise<string> {
  const [row] = rowsOf<{ name: string }>(await db.execute(sql`SELECT current_database() AS name`));
  const url = new URL(testServerUrl());
  url.pathname = `/${row!.name}`;
  return url.toString();
}
