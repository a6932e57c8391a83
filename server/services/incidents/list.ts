import 'server-only';
import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { incidents } from '@/db/schema';
import { rowsOf } from '@/db/rows';
import { decodeCursor, encodeCursor } from '@/common/inputs/cursor';
import { type IncidentListInput, incidentListCursor } from '@/common/inputs/incident';
import { incidentTextMatch } from '../search/match';
import { incidentHitsPlan, type HitsPlan } from '../search/word-hits';
import { textQuery } from '@/server/text-search/query';
import { incidentSnippets } from '../search/workspace-snippets';
import type { IncidentFacetFilters } from '@/common/inputs/incident-facets';
import { facetFilterConditions, narrowerTerms, type ListViewer } from './list-facet-filters';
import { incidentListColumns } from './list-columns';

/**
 * The cursor's key as the sort compares it. The input schema has already refused a cursor that does
 * not decode (the page sets such a one aside and starts from the first page); one made for the other
 * kind of sort (a date for "recently updated", a moment for a date order) still reads sensibly.
 */
function cursorKey(text: string | null | undefined, byUpdate: boolean): { key: SQL; id: string; tier: Tier | undefined } | null {
  const cursor = text ? decodeCursor(text, incidentListCursor) : null;
  if (!cursor) return null;
  const [key, id, tier] = cursor;
  if (byUpdate) return { key: sql`${key.length === 10 ? `${key}T00:00:00.000000Z` : key}::timestamptz`, id, tier };
  return { key: sql`${key.slice(0, 10)}::date`, id, tier };
}

type Tier = 'title' | 'rest';

/** A violation type and all the narrower types under it, so a filter on a parent finds its children. */
function withNarrowerTypes(db: DbOrTx, code: string): Promise<string[]> {
  return narrowerTerms(db, 'violation_type', code);
}

/**
 * One page of the monitor's incident list. Keyset pagination (sort key + id) keeps every page as
 * fast as the first, however deep, on 100,000 incidents: the row comparison `(sort, id) < (key, id)`
 * bounds the index scan (incidents_org_start_id, incidents_org_updated_id, incidents_org_status_start_id
 * hold both columns in the same direction), where `sort < key OR (sort = key AND id < …)` is only a
 * filter over every earlier row.
 */
export async function listIncidents(db: DbOrTx, organizationIds: string[], input: IncidentListInput, viewer?: ListViewer) {
  if (organizationIds.length === 0) return { items: [], nextCursor: null };
  const conditions = await incidentListConditions(db, organizationIds, { ...input, text: null }, viewer);

  const byUpdate = input.sort === 'updated_desc';
  // To the microsecond in UTC, as stored: a JavaScript Date would round it and the keyset could skip a row.
  const sortKey = byUpdate
    ? sql<string>`to_char(${incidents.updatedAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`
    : sql<string>`to_char(${incidents.startDate}, 'YYYY-MM-DD')`;
  const sortColumn = byUpdate ? incidents.updatedAt : incidents.startDate;
  const ascending = input.sort === 'date_asc';
  const cursor = cursorKey(input.cursor, byUpdate);
  const after = cursor ? sql`(${sortColumn}, ${incidents.id}) ${ascending ? sql`>` : sql`<`} (${cursor.key}, ${cursor.id}::uuid)` : null;

  // `sort` (few incidents hold the words, ../search/word-hits.ts) orders by a value the sort column's
  // index cannot give, so that the planner fetches the hits through the words' GIN index and sorts them.
  const orderColumn = (plan: HitsPlan) => (plan !== 'sort' ? sortColumn : byUpdate ? sql`${sortColumn} + interval '0'` : sql`${sortColumn} + 0`);
  const page = (where: SQL[], limit: number, plan: HitsPlan = 'walk', on: DbOrTx = db) =>
    on
      .select({
        ...incidentListColumns,
        version: incidents.version,
        updatedAt: incidents.updatedAt,
        sortKey,
      })
      .from(incidents)
      .where(and(...where))
      .orderBy(...(ascending ? [asc(orderColumn(plan)), asc(incidents.id)] : [desc(orderColumn(plan)), desc(incidents.id)]))
      .limit(limit);

  if (!textQuery(input.text)) {
    const rows = await page(after ? [...conditions, after] : conditions, input.limit + 1);
    const hasMore = rows.length > input.limit;
    const shown = hasMore ? rows.slice(0, input.limit) : rows;
    const last = shown.at(-1);
    return {
      items: shown.map(({ sortKey: _sortKey, ...item }) => ({ ...item, snippet: null })),
      nextCursor: hasMore && last ? encodeCursor([last.sortKey, last.id]) : null,
    };
  }

  // Ranked: the incidents whose title holds the words first, then the others, each in the chosen order.
  const rows: (Awaited<ReturnType<typeof page>>[number] & { tier: Tier })[] = [];
  for (const tier of ['title', 'rest'] as const) {
    if (cursor?.tier === 'rest' && tier === 'title') continue;
    const match = (await incidentTextMatch(db, input.text, tier))!;
    // Read as the words' number of hits says: a title tier's in the titles, the rest's in the whole documents (an upper bound).
    const plan = await incidentHitsPlan(db, input.text!, tier === 'title' ? 'title' : 'all');
    if (plan === 'none') continue;
    const keyset = after && (cursor?.tier ?? 'title') === tier ? [after] : [];
    const where = [...conditions, match, ...keyset];
    const limit = input.limit + 1 - rows.length;
    for (const row of await (plan === 'sort' ? serially(db, (tx) => page(where, limit, plan, tx)) : page(where, limit, plan))) rows.push({ ...row, tier });
    if (rows.length > input.limit) break;
  }
  const hasMore = rows.length > input.limit;
  const shown = hasMore ? rows.slice(0, input.limit) : rows;
  const last = shown.at(-1);
  const snippets = await incidentSnippets(db, shown.map((row) => row.id), input.text!);
  return {
    items: shown.map(({ sortKey: _sortKey, tier: _tier, ...item }) => ({ ...item, snippet: snippets.get(item.id) ?? null })),
    nextCursor: hasMore && last ? encodeCursor([last.sortKey, last.id, last.tier]) : null,
  };
}

/**
 * Reads a few hits (`sort`: at most fewHits, counted just before) as they are: fetched through the
 * words' index, each incident by its key, then sorted. The planner guesses 1% of the rows for any
 * word its statistics do not know: on a million incidents, for one hit, it started two parallel
 * workers (70-100 ms to start on a loaded two-core server for 0.3 ms of work, EXPLAIN ANALYZE) and,
 * without them, hashed all million incidents (1.8 s). Inside a caller's transaction these settings
 * last until that transaction ends.
 */
function serially<T>(db: DbOrTx, read: (tx: DbOrTx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT set_config('max_parallel_workers_per_gather', '0', true), set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true)`);
    return read(tx);
  });
}

/**
 * The regions named in an organization's incidents, for the list's region filter. A DISTINCT reads
 * every incident (half a second on a million, on every list view); stepping along the
 * (organization, region) index from one region to the next reads one row per region instead.
 */
export async function listIncidentRegions(db: DbOrTx, organizationIds: string[]): Promise<string[]> {
  if (organizationIds.length === 0) return [];
  const next = (organization: SQL, after: SQL | null) => sql`(SELECT i.region FROM ${incidents} i
    WHERE i.organization_id = ${organization} AND i.deleted_at IS NULL AND ${after ? sql`i.region > ${after}` : sql`i.region IS NOT NULL`}
    ORDER BY i.region LIMIT 1)`;
  const rows = await db.execute(sql`
    WITH RECURSIVE organizations AS (SELECT unnest(${sql`ARRAY[${sql.join(organizationIds.map((id) => sql`${id}`), sql`, `)}]::uuid[]`}) AS id),
    step AS (
      SELECT o.id AS organization, ${next(sql`o.id`, null)} AS region FROM organizations o
      UNION ALL
      SELECT s.organization, ${next(sql`s.organization`, sql`s.region`)} FROM step s WHERE s.region IS NOT NULL
    )
    SELECT DISTINCT region FROM step WHERE region IS NOT NULL ORDER BY region`);
  return rowsOf<{ region: string }>(rows).map((row) => row.region);
}

export type IncidentListFilters = Pick<IncidentListInput, 'status' | 'violationType' | 'region' | 'from' | 'to' | 'text'> & IncidentFacetFilters;

/** The list's filters as SQL conditions: the list and the coordinators' export select alike. */
export async function incidentListConditions(db: DbOrTx, organizationIds: string[], input: IncidentListFilters, viewer?: ListViewer): Promise<SQL[]> {
  const conditions: SQL[] = [inArray(incidents.organizationId, organizationIds), isNull(incidents.deletedAt)];
  if (input.status) conditions.push(eq(incidents.reviewStatus, input.status));
  if (input.violationType) {
    const codes = await withNarrowerTypes(db, input.violationType);
    conditions.push(sql`${incidents.violationTypes} && ${sql`ARRAY[${sql.join(codes.map((c) => sql`${c}`), sql`, `)}]::text[]`}`);
  }
  if (input.region) conditions.push(eq(incidents.region, input.region));
  if (input.from) conditions.push(sql`coalesce(${incidents.endDate}, ${incidents.startDate}) >= ${input.from}`);
  if (input.to) conditions.push(sql`${incidents.startDate} <= ${input.to}`);
  const text = await incidentTextMatch(db, input.text);
  if (text) conditions.push(text);
  conditions.push(...(await facetFilterConditions(db, input, viewer)));
  return conditions;
}
