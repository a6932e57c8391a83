import 'server-only';
import { regionLabel } from '@/common/regions';
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf } from '@/db/rows';
import type { Db } from '@/db/client';
import type { VocabularyKind } from '@/db/schema/enums';
import { publicIncidents as p } from '@/db/schema/public';
import { answerCache } from './answer-cache';
import { publicRead, type PublicTx } from './db';
import type { Language, PublicFilters } from './filters';
import { groupings, type Grouping } from './groupings';
import { rollupPlan, statsFromRollup, type Counted } from './stats-rollup';
import { loadVocabulary, type PublicVocabulary } from './vocabulary';
import { narrowerTerms, whereFilters } from './where';

/**
 * Counts of published incidents. `count` counts incidents: one with two violation types counts once
 * under each, and once under a parent type however many of its children it has. `total` counts each
 * incident once. An incident known only to the year never counts in a month: `unknownMonth` says how
 * many there are.
 */

export { groupings, type Grouping };

export type StatsCount = { key: string | null; label: string; count: number; parent?: string | null };
export type Stats = { groupBy: Grouping; total: number; counts: StatsCount[]; unknownMonth?: number };

const arrayColumn = { violation_type: p.violationTypes, defender_category: p.defenderCategories, perpetrator_type: p.perpetratorTypes } as const;

function vocabularyCounts(kind: VocabularyKind, where: SQL): SQL {
  const column = arrayColumn[kind as keyof typeof arrayColumn];
  // Each incident's terms plus all their broader terms, then distinct incidents per term.
  return sql`WITH RECURSIVE broader(code, ancestor) AS (
      SELECT code, parent_code FROM vocabulary_terms WHERE kind = ${kind} AND parent_code IS NOT NULL
      UNION SELECT b.code, v.parent_code FROM broader b JOIN vocabulary_terms v ON v.kind = ${kind} AND v.code = b.ancestor WHERE v.parent_code IS NOT NULL
    ), hits AS (
      SELECT ${p.incidentId} AS incident_id, t.code FROM ${p} CROSS JOIN LATERAL unnest(${column}) AS t(code) WHERE ${where}
    )
    SELECT key, count(DISTINCT incident_id)::int AS n FROM (
      SELECT incident_id, code AS key FROM hits
      UNION SELECT h.incident_id, b.ancestor FROM hits h JOIN broader b ON b.code = h.code
    ) x GROUP BY key ORDER BY n DESC, key`;
}

function groupedCounts(groupBy: Grouping, where: SQL): SQL {
  switch (groupBy) {
    case 'year':
      return sql`SELECT to_char(${p.startDate}, 'YYYY') AS key, count(*)::int AS n FROM ${p} WHERE ${where} GROUP BY 1 ORDER BY 1`;
    case 'month':
      return sql`SELECT to_char(${p.startDate}, 'YYYY-MM') AS key, count(*)::int AS n FROM ${p} WHERE ${where} AND ${p.datePrecision} <> 'year' GROUP BY 1 ORDER BY 1`;
    case 'region':
      return sql`SELECT ${p.region} AS key, count(*)::int AS n FROM ${p} WHERE ${where} GROUP BY 1 ORDER BY 2 DESC, 1`;
    default:
      return vocabularyCounts(groupBy, where);
  }
}

/** Counts from the read model itself: any filter, at the cost of reading every matching incident. */
export async function statsFromReadModel(tx: PublicTx, groupBy: Grouping, filters: PublicFilters): Promise<Counted> {
  // The vocabulary filters' codes as constants, so the planner can tell how many incidents they select (./where.ts).
  const where = whereFilters(filters, await narrowerTerms(tx, filters));
  const [totals] = rowsOf<{ total: number; year_only: number }>(
    await tx.execute(
      sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE ${p.datePrecision} = 'year')::int AS year_only FROM ${p} WHERE ${where}`,
    ),
  );
  const rows = rowsOf<{ key: string | null; n: number }>(await tx.execute(groupedCounts(groupBy, where))).map((row) => ({ key: row.key, n: Number(row.n) }));
  return { total: Number(totals?.total ?? 0), yearOnly: Number(totals?.year_only ?? 0), rows };
}

const isVocabulary = (groupBy: Grouping): groupBy is VocabularyKind =>
  groupBy === 'violation_type' || groupBy === 'defender_category' || groupBy === 'perpetrator_type';

/** Labels only a vocabulary grouping needs the vocabulary for (a region's label is common/regions', years and months are their own). */
function labelled(groupBy: Grouping, counted: Counted, vocabulary: PublicVocabulary | null, lang: Language): Stats {
  const counts: StatsCount[] = counted.rows.map((row) => {
    const count = row.n;
    if (vocabulary && isVocabulary(groupBy) && row.key !== null) {
      return { key: row.key, label: vocabulary.label(groupBy, row.key), count, parent: vocabulary.parentOf(groupBy, row.key) };
    }
    if (groupBy === 'region' && row.key !== null) return { key: row.key, label: regionLabel(row.key, lang), count };
    return { key: row.key, label: row.key ?? 'Not recorded', count };
  });
  const stats: Stats = { groupBy, total: counted.total, counts };
  if (groupBy === 'month') stats.unknownMonth = counted.yearOnly;
  return stats;
}

/** From the counted figures when they can answer (see ./stats-rollup.ts), else from the read model. */
async function countsIn(tx: PublicTx, groupBy: Grouping, filters: PublicFilters): Promise<Counted> {
  const plan = rollupPlan(groupBy, filters);
  return (plan && (await statsFromRollup(tx, plan))) ?? (await statsFromReadModel(tx, groupBy, filters));
}

// Kept answers (./answer-cache.ts): a few hundred small stats answers; dashboards weigh more, fewer are kept.
const keptStats = answerCache<Stats>(500);
const keptDashboards = answerCache<Awaited<ReturnType<typeof readPublicDashboard>>>(50);

/** Tests start with nothing kept. */
export function forgetKeptStats(): void {
  keptStats.clear();
  keptDashboards.clear();
}

/** `generation`: the read model's, when the caller read it already (server/public/http.ts, with the rate limit). */
export function publicStats(groupBy: Grouping, filters: PublicFilters, lang: Language, db?: Db, generation?: string | null): Promise<Stats> {
  const read = () => readPublicStats(groupBy, filters, lang, db);
  return filters.q ? read() : keptStats.get(JSON.stringify([groupBy, filters, lang]), read, db, generation);
}

async function readPublicStats(groupBy: Grouping, filters: PublicFilters, lang: Language, db?: Db): Promise<Stats> {
  return publicRead(async (tx) => {
    // Sent together (see listPublicIncidents); the labels are applied once both are back. The stats by
    // year, month or region need none: one query less on the API's busiest answer.
    const [vocabulary, counted] = await Promise.all([isVocabulary(groupBy) ? loadVocabulary(tx, lang) : null, countsIn(tx, groupBy, filters)]);
    return labelled(groupBy, counted, vocabulary, lang);
  }, db);
}

/** Every grouping at once, in one transaction, for the dashboard. */
export function publicDashboard(filters: PublicFilters, lang: Language, db?: Db): Promise<Record<Grouping, Stats> & { vocabulary: PublicVocabulary }> {
  const read = () => readPublicDashboard(filters, lang, db);
  return filters.q ? read() : keptDashboards.get(JSON.stringify([filters, lang]), read, db);
}

async function readPublicDashboard(filters: PublicFilters, lang: Language, db?: Db): Promise<Record<Grouping, Stats> & { vocabulary: PublicVocabulary }> {
  return publicRead(async (tx) => {
    const [vocabulary, ...counted] = await Promise.all([loadVocabulary(tx, lang), ...groupings.map((groupBy) => countsIn(tx, groupBy, filters))]);
    const entries = groupings.map((groupBy, index): [Grouping, Stats] => [groupBy, labelled(groupBy, counted[index]!, vocabulary, lang)]);
    return { ...(Object.fromEntries(entries) as Record<Grouping, Stats>), vocabulary };
  }, db);
}
