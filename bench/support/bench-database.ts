/** The throwaway database a workspace benchmark fills and drops, and the one organization it fills it for. */
import { sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { createEmbeddedTestDatabase, createTestDatabase } from '../../tests/support/database';

/**
 * A new database: on the PostgreSQL server (TEST_DATABASE_URL or 127.0.0.1:5432) named
 * hrd_bench_workspace_… (dropped when closed, unless `keep`), or in-memory PGlite with --embedded.
 */
export function openBenchDatabase(embedded: boolean, keep = false): Promise<Database> {
  return embedded ? createEmbeddedTestDatabase() : createTestDatabase('hrd_bench_workspace', { keep });
}

/** Creates the organization that owns every generated record; answers its id. */
export async function createBenchOrganization(db: DbOrTx): Promise<string> {
  const [org] = rowsOf<{ id: string }>(await db.execute(sql`INSERT INTO organizations (slug, name) VALUES ('bench', 'Bench NGO') RETURNING id`));
  return org!.id;
}
