import path from 'node:path';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type { Database } from './client';
import { grantPublicRole } from './public-role';

export const migrationsFolder = path.join(__dirname, 'migrations');

/**
 * Applies the committed drizzle-kit migrations (the same folder serves both drivers), then the
 * public role's grants, which must hold whenever the role exists, even if it was created after the
 * migrations that grant ran. Both drivers: the public side reads as hrd_public on PGlite too.
 */
export async function applyMigrations(database: Database): Promise<void> {
  if (database.driver === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
  } else {
    await migratePostgres(database.db as unknown as PostgresJsDatabase, { migrationsFolder });
  }
  await grantPublicRole(database.db);
}
