import type { Database, Db } from '@/db/client';
import { closeTestDatabase, openTestDatabase } from './file-database';

/**
 * The database of the stories whose setup modules hand out steps that use it (admin-users-setup,
 * persons-merge-setup): the test file calls `openSetup` before its tests and `closeSetup` after them.
 */
export let database: Database;
export let db: Db;

export async function openSetup(): Promise<void> {
  database = await openTestDatabase();
  db = database.db;
}
export async function closeSetup(): Promise<void> {
  if (database) await closeTestDatabase(database);
}
