import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf } from '@/db/rows';
import { publicIncidentCounts as c, publicIncidentCountsState as state, vocabularyHierarchy, type CountedDimension } from '@/db/schema/public';
import type { PublicTx } from './db';
import { periodBounds, type PublicFilters } from './filters';
import type { Grouping } from './groupings';

/**
 * The stats from the counted figures (public_incident_counts, described in db/schema/public.ts):
 * sums of at most a few thousand rows, whatever the number of incidents. They hold, per month, the
 * incidents with each value and with each pair of values, so they can answer when
 *  - the dates are whole months or years (`from` on a month's first day, `to` on its last): a month
 *    either lies wholly inside the range or wholly outside it;
 *  - there is no text search (`q`): words are not counted;
 *  - the filters and the grouping name at most two values together: a grouping by a vocabulary or a
 *    region under one filter; the total, years and months under two; regions under a region filter
 *    and one more;
 *  - the figures were counted with the vocabulary hierarchy as it is now.
 * Anything else is answered from the read model, exactly but at the cost of reading the incidents.
 */

/** Counts before labelling: the total, how many of it are known only to the year, and a count per key. */
export type Counted = { total: number; yearOnly: number; rows: { key: string | null; n: number }[] };

type Value = { dim: CountedDimension; key: string };
export type RollupPlan = { groupBy: Grouping; values: Value[]; fromMonth: string | null; toMonth: string | null };

const dimensionOf: Partial<Record<Grouping, CountedDimension>> = {
  region: 'region',
  violation_type: 'violation_type',
  defender_category: 'defender_category',
  perpetrator_type: 'perpetrator_type',
};

/** How to answer from the counts, or null when they cannot answer these filters exactly. */
export function rollupPlan(groupBy: Grouping, filters: PublicFilters): RollupPlan | null {
  if (filters.q) return null;
  const from = filters.from ? periodBounds(filters.from)! : null;
  const to = filters.to ? periodBounds(filters.to)! : null;
  if (from && !from.first.endsWith('-01')) return null;
  if (to && to.last !== periodBounds(to.last.slice(0, 7))!.last) return null;
  const values: Value[] = [];
  if (filters.region) values.push({ dim: 'region', key: filters.region });
  if (filters.type) values.push({ dim: 'violation_type', key: filters.type });
  if (filters.category) values.push({ dim: 'defender_category', key: filters.category });
  if (filters.perpetrator) values.push({ dim: 'perpetrator_type', key: filters.perpetrator });
  const dimension = dimensionOf[groupBy];
  const regionWithinRegion = groupBy === 'region' && filters.region !== undefined;
  const limit = !dimension || regionWithinRegion ? 2 : 1;
  if (values.length > limit) return null;
  return { groupBy, values, fromMonth: from?.first ?? null, toMonth: to ? `${to.last.slice(0, 7)}-01` : null };
}

/** Whether the counts were made with the vocabulary hierarchy as it is now (else they may be wrong). */
export async function rollupIsCurrent(tx: PublicTx): Promise<boolean> {
  const [row] = rowsOf<{ current: boolean }>(await tx.execute(sql`SELECT vocabulary = ${vocabularyHierarchy} AS current FROM ${state}`));
  return row?.current === true;
}

/** The rows whose sum is the number of incidents having every one of `values` (at most two). */
function incidentsWith(values: Value[]): SQL {
  const [a, b] = values;
  if (!a) return sql`${c.filterDim} = '' AND ${c.filterKey} IS NULL AND ${c.groupDim} = '' AND ${c.groupKey} IS NULL`;
  if (!b) return sql`${c.filterDim} = '' AND ${c.filterKey} IS NULL AND ${c.groupDim} = ${a.dim} AND ${c.groupKey} = ${a.key}`;
  return sql`${c.filterDim} = ${a.dim} AND ${c.filterKey} = ${a.key} AND ${c.groupDim} = ${b.dim} AND ${c.groupKey} = ${b.key}`;
}

/** The rows whose sums by group_key count, for each value of `dimension`, the incidents having it and `values` (at most one). */
function byValueWith(dimension: CountedDimension, values: Value[]): SQL {
  const [a] = values;
  const filter = a ? sql`${c.filterDim} = ${a.dim} AND ${c.filterKey} = ${a.key}` : sql`${c.filterDim} = '' AND ${c.filterKey} IS NULL`;
  return sql`${filter} AND ${c.groupDim} = ${dimension}`;
}

/**
 * The months of the date filters. An incident overlaps `from` when its period ends on or after it:
 * for one known to the day or month, when its month is not earlier; for one known only to the year,
 * when its year is not earlier. It starts on or before `to` when its month is not later.
 */
function monthsWhere(plan: RollupPlan): SQL {
  const conditions = [sql`TRUE`];
  if (plan.fromMonth) {
    conditions.push(
      sql`${c.month} >= (CASE WHEN ${c.yearOnly} THEN date_trunc('year', ${plan.fromMonth}::date)::date ELSE ${plan.fromMonth}::date END)`,
    );
  }
  if (plan.toMonth) conditions.push(sql`${c.month} <= ${plan.toMonth}::date`);
  return sql.join(conditions, sql` AND `);
}

/**
 * The counts, in one statement (the stats are mostly round trips): whether the counts are current,
 * the total, and a count per key. Null when the counts were made with another vocabulary hierarchy.
 */
export async function statsFromRollup(tx: PublicTx, plan: RollupPlan): Promise<Counted | null> {
  const months = monthsWhere(plan);
  const all = incidentsWith(plan.values);
  const dimension = dimensionOf[plan.groupBy];
  const regionFilter = plan.values.find((v) => v.dim === 'region');
  let grouped: SQL;
  if (plan.groupBy === 'year' || plan.groupBy === 'month') {
    const key = plan.groupBy === 'year' ? sql`to_char(${c.month}, 'YYYY')` : sql`to_char(${c.month}, 'YYYY-MM')`;
    const known = plan.groupBy === 'month' ? sql`AND NOT ${c.yearOnly}` : sql``;
    grouped = sql`SELECT json_agg(json_build_array(key, n) ORDER BY key) FROM (
      SELECT ${key} AS key, sum(${c.incidents})::int AS n FROM ${c} WHERE ${all} AND ${months} ${known} GROUP BY 1 HAVING sum(${c.incidents}) > 0) g`;
  } else if (dimension === 'region' && regionFilter) {
    // Within one region every incident is of that region: the total is its count.
    grouped = sql`SELECT NULL::json`;
  } else {
    grouped = sql`SELECT json_agg(json_build_array(key, n) ORDER BY n DESC, key) FROM (
      SELECT ${c.groupKey} AS key, sum(${c.incidents})::int AS n FROM ${c} WHERE ${byValueWith(dimension!, plan.values)} AND ${months}
      GROUP BY 1 HAVING sum(${c.incidents}) > 0) g`;
  }
  const [row] = rowsOf<{ current: boolean | null; total: number; year_only: number; grouped: [string | null, number][] | string | null }>(
    await tx.execute(sql`SELECT (SELECT vocabulary = ${vocabularyHierarchy} FROM ${state}) AS current,
        coalesce(sum(${c.incidents}), 0)::int AS total, coalesce(sum(${c.incidents}) FILTER (WHERE ${c.yearOnly}), 0)::int AS year_only,
        (${grouped}) AS grouped
      FROM ${c} WHERE ${all} AND ${months}`),
  );
  if (!row?.current) return null;
  const total = Number(row.total);
  const yearOnly = Number(row.year_only);
  if (dimension === 'region' && regionFilter) return { total, yearOnly, rows: total > 0 ? [{ key: regionFilter.key, n: total }] : [] };
  // PGlite hands json back as text, postgres.js as a value.
  const pairs = (typeof row.grouped === 'string' ? JSON.parse(row.grouped) : row.grouped) as [string | null, number][] | null;
  return { total, yearOnly, rows: (pairs ?? []).map(([key, n]) => ({ key, n: Number(n) })) };
}
