import { and, asc, desc, eq, gt, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { incidents, vocabularyTerms } from '@/db/schema';
import type { IncidentListInput } from '@/server/validation/incident';

type Cursor = { key: string; id: string };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString('base64url');
}

/** A cursor that does not decode is treated as "from the start" rather than an error. */
function decodeCursor(text: string | null | undefined): Cursor | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'string') {
      if (/^[0-9a-f-]{36}$/i.test(value[1]) && value[0].length <= 40) return { key: value[0], id: value[1] };
    }
  } catch {
    // fall through
  }
  return null;
}

/** A violation type and all the narrower types under it, so a filter on a parent finds its children. */
async function withNarrowerTypes(db: DbOrTx, code: string): Promise<string[]> {
  const rows = await db.execute(sql`
    WITH RECURSIVE tree(code) AS (
      SELECT ${code}::text
      UNION
      SELECT t.code FROM ${vocabularyTerms} t JOIN tree ON t.parent_code = tree.code
      WHERE t.kind = 'violation_type'
    )
    SELECT code FROM tree`);
  return rowsOf<{ code: string }>(rows).map((row) => row.code);
}

/** The text both the filter and the trigram index use, so the index serves the search. */
const searchableText = sql`(${incidents.title} || ' ' || coalesce(${incidents.summary}, ''))`;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * One page of the monitor's incident list. Keyset pagination (sort key + id) keeps every page as
 * fast as the first, however deep, on 100,000 incidents.
 */
export async function listIncidents(db: DbOrTx, organizationIds: string[], input: IncidentListInput) {
  if (organizationIds.length === 0) return { items: [], nextCursor: null };
  const conditions: SQL[] = [inArray(incidents.organizationId, organizationIds), isNull(incidents.deletedAt)];
  if (input.status) conditions.push(eq(incidents.status, input.status));
  if (input.violationType) {
    const codes = await withNarrowerTypes(db, input.violationType);
    conditions.push(sql`${incidents.violationTypes} && ${sql`ARRAY[${sql.join(codes.map((c) => sql`${c}`), sql`, `)}]::text[]`}`);
  }
  if (input.region) conditions.push(eq(incidents.region, input.region));
  if (input.from) conditions.push(sql`coalesce(${incidents.endDate}, ${incidents.startDate}) >= ${input.from}`);
  if (input.to) conditions.push(sql`${incidents.startDate} <= ${input.to}`);
  if (input.text) conditions.push(sql`${searchableText} ILIKE ${`%${escapeLike(input.text)}%`}`);

  const sortKey =
    input.sort === 'updated_desc' ? sql<string>`${incidents.updatedAt}::text` : sql<string>`${incidents.startDate}::text`;
  const sortColumn = input.sort === 'updated_desc' ? incidents.updatedAt : incidents.startDate;
  const ascending = input.sort === 'date_asc';
  const cursor = decodeCursor(input.cursor);
  if (cursor) {
    const key = input.sort === 'updated_desc' ? sql`${cursor.key}::timestamptz` : sql`${cursor.key}::date`;
    const after = ascending ? gt : lt;
    conditions.push(or(after(sortColumn, key), and(eq(sortColumn, key), after(incidents.id, cursor.id)))!);
  }

  const rows = await db
    .select({
      id: incidents.id,
      ref: incidents.ref,
      title: incidents.title,
      startDate: incidents.startDate,
      endDate: incidents.endDate,
      datePrecision: incidents.datePrecision,
      country: incidents.country,
      region: incidents.region,
      locality: incidents.locality,
      violationTypes: incidents.violationTypes,
      status: incidents.status,
      version: incidents.version,
      updatedAt: incidents.updatedAt,
      sortKey,
    })
    .from(incidents)
    .where(and(...conditions))
    .orderBy(...(ascending ? [asc(sortColumn), asc(incidents.id)] : [desc(sortColumn), desc(incidents.id)]))
    .limit(input.limit + 1);

  const hasMore = rows.length > input.limit;
  const page = hasMore ? rows.slice(0, input.limit) : rows;
  const last = page.at(-1);
  return {
    items: page.map(({ sortKey: _sortKey, ...item }) => item),
    nextCursor: hasMore && last ? encodeCursor({ key: last.sortKey, id: last.id }) : null,
  };
}

/** The regions named in an organization's incidents, for the list's region filter. */
export async function listIncidentRegions(db: DbOrTx, organizationIds: string[]): Promise<string[]> {
  if (organizationIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ region: incidents.region })
    .from(incidents)
    .where(and(inArray(incidents.organizationId, organizationIds), isNull(incidents.deletedAt), sql`${incidents.region} IS NOT NULL`))
    .orderBy(asc(incidents.region));
  return rows.map((row) => row.region!).filter(Boolean);
}
