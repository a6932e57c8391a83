import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { rowsOf } from '@/db/rows';

/** Where a kind keeps its versions and its review trail, by table and column name. */
export type TrailNames = { versions: string; reviews: string; key: string; stateKey: string };

/**
 * The version a reviewer compares a submission with: the latest earlier version that was approved
 * or published (in the workspace or by an import, as its snapshot says), or that a reviewer returned
 * for changes: a resubmitted entry shows what the author changed since the reviewer read it, not
 * everything since its last approval. A returned version's snapshot is the text the reviewer read
 * (a decision changes the state, not the text).
 */
export async function baselineVersion(db: DbOrTx, names: TrailNames, id: string, version: number) {
  const versions = sql.identifier(names.versions);
  const reviews = sql.identifier(names.reviews);
  const key = sql.identifier(names.key);
  const [row] = rowsOf<{ version: number; returned: boolean }>(
    await db.execute(sql`
      SELECT v.version, (v.snapshot->>${names.stateKey}) = 'changes_requested' AS returned
      FROM ${versions} v
      WHERE v.${key} = ${id} AND v.version < ${version}
        AND ((v.snapshot->>${names.stateKey}) IN ('approved', 'published')
          OR v.version IN (SELECT r.version FROM ${reviews} r WHERE r.${key} = ${id} AND r.decision = 'changes_requested'))
      ORDER BY v.version DESC
      LIMIT 1`),
  );
  return row ? { version: Number(row.version), returned: row.returned } : null;
}
