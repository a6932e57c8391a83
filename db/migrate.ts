import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type { Database } from './client';
import { grantPublicRole } from './public-role';
import { rowsOf } from './rows';

export const migrationsFolder = path.join(__dirname, 'migrations');

/**
 * Applies the committed drizzle-kit migrations (the same folder serves both drivers), then the
 * public role's grants, which must hold whenever the role exists, even if it was created after the
 * migrations that grant ran. Both drivers: the public side reads as hrd_public on PGlite too.
 */
export async function applyMigrations(database: Database): Promise<void> {
  if (database.driver === 'postgres' && (await runsAsAppRole(database))) return;
  if (database.driver === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
  } else {
    await migratePostgres(database.db as unknown as PostgresJsDatabase, { migrationsFolder });
  }
  await grantPublicRole(database.db);
}

/**
 * The commands (import, export, demo…) migrate before they work. On a server with two roles they
 * run as the app's role, which owns nothing and may not migrate: with the migrations current that is
 * fine and nothing is done; with some missing, the owner must run them (`npm run db:migrate`).
 */
async function runsAsAppRole(database: Database): Promise<boolean> {
  const [row] = rowsOf<{ owner: boolean }>(
    await database.db.execute(sql`
      SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user AND rolsuper)
          OR NOT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename = 'audit_log')
          OR EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename = 'audit_log' AND tableowner = current_user) AS owner`),
  );
  if (!row || row.owner) return false;
  // db/app-role.ts lets the app role read the list of applied migrations.
  const [applied] = rowsOf<{ n: number }>(await database.db.execute(sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`));
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
  const missing = journal.entries.length - (applied?.n ?? 0);
  if (missing <= 0) return true;
  throw new Error(
    `This database lacks ${missing} migrations, which the app's role may not apply: ` +
      'run `npm run db:migrate` with MIGRATION_DATABASE_URL set to the owner role (README, Running on a server).',
  );
}
