import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';
import { lockEmbeddedDataDir } from './embedded-lock';
import { connectionSettings, preparingStatements } from './prepared-statements';

type Schema = typeof schema;
/** The database, whichever driver is behind it: every query in the app is written against this. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Code that works inside or outside a transaction takes this. */
export type DbOrTx = Db | Tx;

export type Database = { db: Db; driver: 'pglite' | 'postgres'; close: () => Promise<void> };

export function defaultEmbeddedDataDir(): string {
  // The hint keeps Turbopack from tracing the whole project through this runtime path.
  return path.resolve(/*turbopackIgnore: true*/ process.env.HRD_DATA_DIR ?? path.join(process.cwd(), 'data', 'pglite'));
}

/** Opens PostgreSQL through postgres.js. */
export function openPostgres(url: string, options: { max?: number } = {}): Database {
  const client = preparingStatements(postgres(url, { max: options.max ?? 10, onnotice: () => {}, connection: connectionSettings }));
  const db = drizzlePostgres(client, { schema }) as unknown as Db;
  return { db, driver: 'postgres', close: () => client.end({ timeout: 5 }) };
}

/**
 * Opens embedded PostgreSQL (PGlite). `memory://` needs no lock; a folder is locked to this process.
 * `loadDataDir` starts it from a tarball of another's data folder (PGlite's dumpDataDir) instead of
 * an empty cluster: the tests start from one migrated once (tests/support/embedded-template.ts).
 */
export async function openEmbedded(dataDir: string, options: { loadDataDir?: Blob } = {}): Promise<Database> {
  let release = () => {};
  if (!dataDir.startsWith('memory://')) {
    mkdirSync(dataDir, { recursive: true });
    release = lockEmbeddedDataDir(dataDir);
  }
  try {
    const client = await PGlite.create(dataDir, { extensions: { pg_trgm }, loadDataDir: options.loadDataDir });
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return {
      db,
      driver: 'pglite',
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * Whether a database handle is the embedded PGlite (one connection: a transaction held open stops
 * every other query of the process). By class, not by name: PGlite's bundle minifies its class name.
 */
export function isEmbeddedDb(db: Db): boolean {
  return (db as unknown as { $client?: unknown }).$client instanceof PGlite;
}

/** The configured database: PostgreSQL when DATABASE_URL is set, embedded PGlite otherwise. */
export function openConfiguredDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (url) return Promise.resolve(openPostgres(url));
  return openEmbedded(defaultEmbeddedDataDir());
}

// One database per process. Kept on globalThis because Next.js may load this module in more than
// one bundle layer, and two PGlite instances on one folder would corrupt it.
const holder = globalThis as unknown as { __hrdDatabase?: Promise<Database> };

/** Opens the configured database on first use (never at import, so `next build` opens nothing). */
export function getDatabase(): Promise<Database> {
  holder.__hrdDatabase ??= openConfiguredDatabase().catch((error: unknown) => {
    holder.__hrdDatabase = undefined;
    throw error;
  });
  return holder.__hrdDatabase;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

/** Closes this process's database if it was opened (on shutdown): the pool ends, the embedded folder is released. */
export async function closeDatabase(): Promise<void> {
  const opened = holder.__hrdDatabase;
  holder.__hrdDatabase = undefined;
  if (opened) await (await opened).close();
}
