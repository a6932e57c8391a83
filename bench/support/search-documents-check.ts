/**
 * Proof that a benchmark's search documents are the app's: a sample of incidents is rebuilt by
 * refreshSearch (marked stale as a write would mark them), and every column of the rebuilt rows,
 * the generated vectors included, must equal what the benchmark wrote. Otherwise it throws: the
 * figures would be measured on documents the app never makes.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { refreshSearch } from '../../server/services/search/refresh';

const columns = ['organization_id', 'title', 'title_keys', 'text', 'keys', 'vector', 'title_vector'] as const;
type Row = Record<(typeof columns)[number] | 'incident_id', string>;

async function documentsOf(db: Db, ids: string[]): Promise<Map<string, Row>> {
  const rows = rowsOf<Row>(
    await db.execute(sql`SELECT incident_id, organization_id::text, title, title_keys, text, keys, vector::text, title_vector::text
      FROM incident_search WHERE incident_id = ANY(${`{${ids.join(',')}}`}::uuid[])`),
  );
  return new Map(rows.map((row) => [row.incident_id, row]));
}

/**
 * Compares `random` incidents picked at random and the `first` generated ones (numbered 1…first,
 * whose number can repeat in the same document as a town's) with refreshSearch's rebuild of them;
 * answers how many were compared.
 */
export async function checkSearchDocuments(db: Db, { random = 500, first = 300 } = {}): Promise<number> {
  const refs = Array.from({ length: first }, (_, i) => `inc:bench-${i + 1}`);
  const ids = rowsOf<{ id: string }>(
    await db.execute(sql`(SELECT id FROM incidents ORDER BY random() LIMIT ${random})
      UNION SELECT id FROM incidents WHERE ref = ANY(${`{${refs.join(',')}}`}::text[])`),
  ).map((row) => row.id);
  const written = await documentsOf(db, ids);
  await db.execute(sql`INSERT INTO search_stale (kind, id) SELECT 'incident', unnest(${`{${ids.join(',')}}`}::uuid[]) ON CONFLICT DO NOTHING`);
  await refreshSearch(db);
  const rebuilt = await documentsOf(db, ids);
  for (const id of ids) {
    const ours = written.get(id);
    const app = rebuilt.get(id);
    if (!ours || !app) throw new Error(`Search document of incident ${id}: ${ours ? 'refreshSearch made none' : 'the benchmark wrote none'}.`);
    for (const column of columns) {
      if (ours[column] !== app[column]) {
        throw new Error(`Search document of incident ${id} differs from refreshSearch's in ${column}:\n  benchmark: ${ours[column]}\n  app:       ${app[column]}`);
      }
    }
  }
  return ids.length;
}
