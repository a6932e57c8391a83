import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { createTestDatabase } from '../support/database';
import { createBenchOrganization } from '../../bench/support/bench-database';
import { fillIncidents } from '../../bench/support/incident-fill';
import { buildSearchDocuments } from '../../bench/support/search-documents';
import { checkSearchDocuments } from '../../bench/support/search-documents-check';

/**
 * bench:incidents builds its search documents in bulk rather than through refreshSearch (a million
 * took over 20 minutes that way); its figures count only if those documents are the app's, which
 * the benchmark's own check proves on a sample. Here, that the check passes on the bulk documents
 * and fails on a document the app would not write.
 */

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  await fillIncidents(database, await createBenchOrganization(database.db), 320);
});

afterAll(async () => {
  await database?.close();
});

describe("the incident benchmark's search documents", () => {
  it('are built for every incident, with no stale mark left for refreshSearch', async () => {
    expect(await buildSearchDocuments(database)).toBe(320);
    const [counts] = rowsOf<{ documents: number; stale: number }>(
      await database.db.execute(sql`SELECT (SELECT count(*) FROM incident_search)::int AS documents, (SELECT count(*) FROM search_stale)::int AS stale`),
    );
    expect(counts).toEqual({ documents: 320, stale: 0 });
  });

  it("equal refreshSearch's rebuild of them, the numbered incidents whose town repeats their number included", async () => {
    expect(await checkSearchDocuments(database.db, { random: 10, first: 320 })).toBe(320);
  });

  it('are refused when one differs from what the app makes', async () => {
    await database.db.execute(sql`UPDATE incident_search SET keys = keys || ' tampered' WHERE incident_id = (SELECT id FROM incidents WHERE ref = 'inc:bench-7')`);
    await expect(checkSearchDocuments(database.db, { random: 0, first: 10 })).rejects.toThrow(/differs from refreshSearch's in keys/);
  });
});
