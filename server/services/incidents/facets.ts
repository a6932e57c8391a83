import 'server-only';
import { and, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { plannedRows } from '@/db/planned-rows';
import { rowsOf } from '@/db/rows';
import { incidentPerpetrators, incidents, incidentVictims, persons, users } from '@/db/schema';
import { incidentListConditions, type IncidentListFilters } from './list';
import { victimCategories, type ListViewer } from './list-facet-filters';

/**
 * Counts beside the workspace incident list: how many of the incidents the list shows (same filters,
 * same organizations, so only what the viewer may see) have each value of each facet. A value an
 * incident holds twice (two victims of one category) counts the incident once.
 */

export const workspaceFacetNames = ['status', 'violationType', 'category', 'perpetrator', 'region', 'year', 'author'] as const;
export type WorkspaceFacetName = (typeof workspaceFacetNames)[number];
export type FacetCount = { key: string; label: string | null; count: number };
/**
 * `more`: the list holds more than `total` incidents, too many to count by value (facetCountCap);
 * the values are then left empty and the page asks for a narrower list.
 */
export type WorkspaceFacets = { total: number; more: boolean } & Record<WorkspaceFacetName, FacetCount[]>;

/** The most values a facet shows: the busiest ones (the filter selects still offer every value). */
const perFacet = 30;

/**
 * Counting by value reads every matching incident with its victims and perpetrators: seconds of
 * database time on a million incidents, for every page view. Past this many the counts are left
 * out (the matching rows are counted only up to it, a bounded index read), so an unfiltered list
 * of a very large archive stays fast for everyone sharing the database; any filter that narrows
 * the list below it brings the counts back. An NGO's archive is far below it.
 */
export const facetCountCap = 50_000;

export async function incidentFacets(
  db: DbOrTx,
  organizationIds: string[],
  input: IncidentListFilters,
  viewer?: ListViewer,
  cap = facetCountCap,
): Promise<WorkspaceFacets> {
  const empty: WorkspaceFacets = { total: 0, more: false, status: [], violationType: [], category: [], perpetrator: [], region: [], year: [], author: [] };
  if (organizationIds.length === 0) return empty;
  const conditions = await incidentListConditions(db, organizationIds, input, viewer);
  const matching = sql`SELECT 1 FROM ${incidents} WHERE ${and(...conditions)}`;
  // The planner's statistics first: when they put the list far past the cap (a whole large archive),
  // even counting up to the cap is skipped; near it, the bounded count decides.
  const far = (await plannedRows(db, matching)) > cap * 4;
  const [bounded] = far ? [{ n: cap + 1 }] : rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM (${matching} LIMIT ${cap + 1}) AS up_to_cap`));
  if (bounded!.n > cap) return { ...empty, total: cap, more: true };
  // One statement: the matching incidents once, then each facet's counts over them.
  const rows = await db.execute(sql`
    WITH matching AS (
      SELECT ${incidents.id} AS id, ${incidents.reviewStatus}::text AS status, ${incidents.region} AS region,
             ${incidents.violationTypes} AS types, ${incidents.startDate} AS start_date, ${incidents.createdBy} AS author
      FROM ${incidents} WHERE ${and(...conditions)}
    ),
    counted AS (
      SELECT 'total' AS facet, '' AS key, NULL::text AS label, count(*)::int AS n FROM matching
      UNION ALL SELECT 'status', status, NULL, count(*)::int FROM matching GROUP BY status
      UNION ALL SELECT 'violationType', t, NULL, count(DISTINCT id)::int FROM matching, unnest(types) AS t GROUP BY t
      UNION ALL SELECT 'region', region, NULL, count(*)::int FROM matching WHERE region IS NOT NULL GROUP BY region
      UNION ALL SELECT 'year', extract(year FROM start_date)::int::text, NULL, count(*)::int FROM matching GROUP BY 2
      UNION ALL SELECT 'author', m.author::text, min(u.name), count(*)::int
        FROM matching m JOIN ${users} u ON u.id = m.author GROUP BY m.author
      UNION ALL SELECT 'category', c, NULL, count(DISTINCT m.id)::int
        FROM matching m JOIN ${incidentVictims} v ON v.incident_id = m.id LEFT JOIN ${persons} pe ON pe.id = v.person_id,
             unnest(${victimCategories}) AS c GROUP BY c
      UNION ALL SELECT 'perpetrator', p.type_code, NULL, count(DISTINCT m.id)::int
        FROM matching m JOIN ${incidentPerpetrators} p ON p.incident_id = m.id GROUP BY p.type_code
    )
    SELECT facet, key, label, n FROM (
      SELECT *, row_number() OVER (PARTITION BY facet ORDER BY n DESC, key) AS rank FROM counted
    ) ranked WHERE rank <= ${perFacet}`);
  const facets = empty;
  for (const row of rowsOf<{ facet: string; key: string; label: string | null; n: number }>(rows)) {
    if (row.facet === 'total') facets.total = row.n;
    else facets[row.facet as WorkspaceFacetName].push({ key: row.key, label: row.label, count: row.n });
  }
  // Years read best in order, newest first; the others by how many.
  facets.year.sort((a, b) => b.key.localeCompare(a.key));
  return facets;
}
