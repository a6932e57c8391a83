import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { publicIncidents as p } from '@/db/schema/public';
import type { VocabularyKind } from '@/db/schema/enums';
import { rowsOf } from '@/db/rows';
import type { Db } from '@/db/client';
import { textQuery } from '@/server/text-search/query';
import type { PublicTx } from './db';
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

/** The vocabulary filters: their parameter, vocabulary and column. */
const termFilters = [
  { param: 'type', kind: 'violation_type', column: p.violationTypes },
  { param: 'category', kind: 'defender_category', column: p.defenderCategories },
  { param: 'perpetrator', kind: 'perpetrator_type', column: p.perpetratorTypes },
] as const;

/** The codes each vocabulary filter matches (the term and its narrower terms), as read by narrowerTerms. */
export type NarrowerTerms = Partial<Record<(typeof termFilters)[number]['param'], string[]>>;

/**
 * The codes the vocabulary filters match, read before the query that uses them. Written into that
 * query as constants, they let the planner use its statistics of the arrays: given the subquery
 * instead, it guessed 0.5% for each filter, so 100 incidents for type and category together
 * (62,000 on a million), and gathered them all through both GIN indexes instead of walking the dates.
 */
export async function narrowerTerms(tx: PublicTx | Db, filters: PublicFilters): Promise<NarrowerTerms> {
  const wanted = termFilters.filter((f) => filters[f.param]);
  if (!wanted.length) return {};
  const columns = wanted.map((f) => sql`${termAndNarrower(f.kind, filters[f.param]!)} AS ${sql.identifier(f.param)}`);
  const [row] = rowsOf<Record<string, string[] | string>>(await tx.execute(sql`SELECT ${sql.join(columns, sql`, `)}`));
  // PGlite hands a text[] back as an array, postgres.js too; a literal '{a,b}' is read as one just in case.
  const codes = (value: string[] | string | undefined) => (typeof value === 'string' ? value.replace(/^\{|\}$/g, '').split(',').filter(Boolean) : (value ?? []));
  return Object.fromEntries(wanted.map((f) => [f.param, codes(row?.[f.param])]));
}

/** Codes as an array literal in the statement's text (not parameters: a prepared statement's generic plan would not see them). */
function codesLiteral(codes: string[]): SQL {
  return sql.raw(`ARRAY[${codes.map((code) => `'${code.replaceAll("'", "''")}'`).join(', ')}]::text[]`);
}

export function whereFilters(filters: PublicFilters, narrower: NarrowerTerms = {}): SQL {
  const conditions: SQL[] = [sql`TRUE`];
  if (filters.from) {
    const first = periodBounds(filters.from)!.first;
    // The first condition lets the start-date index narrow the scan; the second is the exact overlap.
    conditions.push(sql`${p.startDate} > (${first}::date - interval '1 year')`, sql`${periodEnd} >= ${first}::date`);
  }
  if (filters.to) conditions.push(sql`${p.startDate} <= ${periodBounds(filters.to)!.last}::date`);
  for (const { param, kind, column } of termFilters) {
    const code = filters[param];
    const codes = narrower[param];
    if (code) conditions.push(sql`${column} && ${codes ? codesLiteral(codes) : termAndNarrower(kind, code)}`);
  }
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
