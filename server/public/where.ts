import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { publicIncidents as p } from '@/db/schema/public';
import type { VocabularyKind } from '@/db/schema/enums';
import { textQuery } from '@/server/text-search/query';
import { periodBounds, type PublicFilters } from './filters';

/**
 * The SQL condition for the public filters over public_incidents. Dates overlap: an incident known
 * only to May 2017 matches `from=2017-05-20`, since it may have happened then; it counts in May.
 * A vocabulary filter matches the term and every narrower term (a parent type includes its children).
 */

/** The last day of the period the start date names, at its precision. */
export const periodEnd = sql`(CASE ${p.datePrecision}
  WHEN 'year' THEN (date_trunc('year', ${p.startDate}) + interval '1 year - 1 day')::date
  WHEN 'month' THEN (date_trunc('month', ${p.startDate}) + interval '1 month - 1 day')::date
  ELSE ${p.startDate} END)`;

function termAndNarrower(kind: VocabularyKind, code: string): SQL {
  return sql`ARRAY(WITH RECURSIVE narrower(code) AS (
      SELECT ${code}::text
      UNION SELECT v.code FROM vocabulary_terms v JOIN narrower n ON v.parent_code = n.code WHERE v.kind = ${kind}
    ) SELECT code FROM narrower)`;
}

/** `%`, `_` and `\` in a search are literal characters, not wildcards. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function whereFilters(filters: PublicFilters): SQL {
  const conditions: SQL[] = [sql`TRUE`];
  if (filters.from) {
    const first = periodBounds(filters.from)!.first;
    // The first condition lets the start-date index narrow the scan; the second is the exact overlap.
    conditions.push(sql`${p.startDate} > (${first}::date - interval '1 year')`, sql`${periodEnd} >= ${first}::date`);
  }
  if (filters.to) conditions.push(sql`${p.startDate} <= ${periodBounds(filters.to)!.last}::date`);
  if (filters.type) conditions.push(sql`${p.violationTypes} && ${termAndNarrower('violation_type', filters.type)}`);
  if (filters.category) conditions.push(sql`${p.defenderCategories} && ${termAndNarrower('defender_category', filters.category)}`);
  if (filters.perpetrator) conditions.push(sql`${p.perpetratorTypes} && ${termAndNarrower('perpetrator_type', filters.perpetrator)}`);
  if (filters.region) conditions.push(sql`${p.region} = ${filters.region}`);
  // The words in any script and form (server/text-search/query.ts), in the row's public text only.
  const words = textQuery(filters.q);
  if (words) conditions.push(sql`${p.searchVector} @@ ${words}`);
  return sql.join(conditions, sql` AND `);
}

/** The incidents whose public title holds the words (`title`), or the other matches (`rest`): a ranked list shows the first before the second. */
export function whereTier(q: string | undefined, tier: 'title' | 'rest'): SQL {
  const words = textQuery(q);
  if (!words) return sql`TRUE`;
  return tier === 'title' ? sql`${p.titleVector} @@ ${words}` : sql`NOT (${p.titleVector} @@ ${words})`;
}
