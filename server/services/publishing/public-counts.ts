import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { publicIncidentCounts as c, publicIncidentCountsState as state, publicIncidents as p, vocabularyHierarchy } from '@/db/schema/public';
import { countPublicPlaces } from './public-places';

/**
 * Keeps public_incident_counts (see its comment in db/schema/public.ts) equal to what the read model
 * holds: an incident's contribution is taken away before its public row changes and added back after,
 * in the same transaction. Writers take the state row's lock first, so they count one at a time.
 */

/**
 * The rollup rows of the public incidents that `where` selects, `sign` times (one statement, for one
 * incident or for all of them). Each incident's facets: its region, and its terms with all their
 * broader terms, without repeats.
 */
function contributions(where: SQL, sign: 1 | -1): SQL {
  const terms = (kind: string, column: SQL) =>
    sql`SELECT ${kind}::text, coalesce(a.ancestor, t.code) FROM unnest(${column}) AS t(code) LEFT JOIN ancestry a ON a.kind = ${kind} AND a.code = t.code`;
  return sql`WITH RECURSIVE ancestry(kind, code, ancestor) AS (
      SELECT kind::text, code, code FROM vocabulary_terms
      UNION
      SELECT a.kind, a.code, v.parent_code FROM ancestry a JOIN vocabulary_terms v ON v.kind::text = a.kind AND v.code = a.ancestor
      WHERE v.parent_code IS NOT NULL
    ), incident AS (
      SELECT date_trunc('month', ${p.startDate})::date AS month, ${p.datePrecision} = 'year' AS year_only, f.dims, f.keys
      FROM ${p} CROSS JOIN LATERAL (
        SELECT array_agg(dim) AS dims, array_agg(key) AS keys FROM (
          SELECT 'region'::text AS dim, ${p.region} AS key
          UNION ${terms('violation_type', sql`${p.violationTypes}`)}
          UNION ${terms('defender_category', sql`${p.defenderCategories}`)}
          UNION ${terms('perpetrator_type', sql`${p.perpetratorTypes}`)}
        ) facet
      ) f
      WHERE ${where}
    ), contribution AS (
      SELECT '' AS filter_dim, NULL::text AS filter_key, '' AS group_dim, NULL::text AS group_key, month, year_only FROM incident
      UNION ALL
      SELECT '', NULL, g.dim, g.key, month, year_only FROM incident CROSS JOIN LATERAL unnest(dims, keys) AS g(dim, key)
      UNION ALL
      SELECT f.dim, f.key, g.dim, g.key, month, year_only
      FROM incident CROSS JOIN LATERAL unnest(dims, keys) AS f(dim, key) CROSS JOIN LATERAL unnest(dims, keys) AS g(dim, key)
      WHERE f.key IS NOT NULL
    )
    SELECT filter_dim, filter_key, group_dim, group_key, month, year_only, ${sign} * count(*)::int AS incidents
    FROM contribution
    GROUP BY filter_dim, filter_key, group_dim, group_key, month, year_only`;
}

/**
 * Adds (or with -1 takes away) the rows of the public incidents that `where` selects. The writers'
 * lock is held (see lockPublicCounts), so no two transactions update the same rows in another order.
 */
export async function countPublicIncidents(tx: Tx, where: SQL, sign: 1 | -1): Promise<void> {
  await tx.execute(sql`INSERT INTO ${c} (filter_dim, filter_key, group_dim, group_key, month, year_only, incidents)
    ${contributions(where, sign)}
    ON CONFLICT ON CONSTRAINT public_incident_counts_key DO UPDATE SET incidents = ${c}.incidents + excluded.incidents`);
}

/**
 * Counts every public incident afresh, with the vocabulary hierarchy as it is now. On a million
 * incidents this takes minutes; it happens only when the hierarchy changed (or on a new database).
 */
export async function rebuildPublicIncidentCounts(tx: Tx): Promise<void> {
  await lockPublicCounts(tx);
  await tx.execute(sql`DELETE FROM ${c}`);
  await countPublicIncidents(tx, sql`TRUE`, 1);
  await markPublicCountsCurrent(tx);
}

/** Records that the counts were made with the vocabulary hierarchy as it is now. */
export async function markPublicCountsCurrent(tx: Tx): Promise<void> {
  await tx.execute(sql`UPDATE ${state} SET vocabulary = ${vocabularyHierarchy}, rebuilt_at = now()`);
}

/**
 * Takes the writers' lock and answers whether the counts can be changed incident by incident
 * (`true`), or must be rebuilt because they were counted with another vocabulary hierarchy (or never).
 */
export async function lockPublicCounts(tx: Tx): Promise<boolean> {
  await tx.execute(sql`INSERT INTO ${state} (id, vocabulary) VALUES (true, '') ON CONFLICT (id) DO NOTHING`);
  const [row] = rowsOf<{ current: boolean }>(
    await tx.execute(sql`SELECT vocabulary = ${vocabularyHierarchy} AS current FROM ${state} FOR UPDATE`),
  );
  return row?.current === true;
}

/**
 * Runs `rewrite` (which changes one incident's public row) with the counts following it: the old
 * row's rows taken away before, the new row's added after, or everything recounted when needed.
 * The counted places (public-places.ts) do not depend on the vocabulary: they always follow so.
 */
export async function withPublicCounts<T>(tx: Tx, incidentId: string, rewrite: () => Promise<T>): Promise<T> {
  const current = await lockPublicCounts(tx);
  const thisIncident = sql`${p.incidentId} = ${incidentId}`;
  if (current) await countPublicIncidents(tx, thisIncident, -1);
  await countPublicPlaces(tx, thisIncident, -1);
  const result = await rewrite();
  await countPublicPlaces(tx, thisIncident, 1);
  if (current) await countPublicIncidents(tx, thisIncident, 1);
  else await rebuildPublicIncidentCounts(tx);
  return result;
}
