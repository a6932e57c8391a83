import 'server-only';
import { and, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import { z } from 'zod';
import { publicIncidents, type PublicSource, type PublicVictim } from '@/db/schema/public';
import type { Db } from '@/db/client';
import { isDatabaseDay } from '@/common/database-values';
import { publicRead, type PublicTx } from './db';
import type { Language, PublicFilters } from './filters';
import { loadVocabulary, type PublicVocabulary } from './vocabulary';
import { narrowerTerms, whereFilters, whereTier, type NarrowerTerms } from './where';
import { textQuery } from '@/server/text-search/query';
import { snippet, type SnippetSegment } from '@/server/text-search/snippet';
import { publicAttachmentsOf, type PublicAttachment } from './attachments';
import { hitsPlan, type HitsPlan } from './word-hits';

/** Published incidents as the public sees them: a page at a time, one by id, or every one in batches. */

/** A row as read: without the search's keys and vector, which only the database's matching reads (the text stays, for snippets). */
const { titleKeys: _titleKeys, searchKeys: _searchKeys, searchVector: _searchVector, titleVector: _titleVector, ...rowColumns } = getTableColumns(publicIncidents);
export type PublicIncidentRow = Omit<typeof publicIncidents.$inferSelect, 'titleKeys' | 'searchKeys' | 'searchVector' | 'titleVector'>;

export type PublicIncident = {
  id: string;
  title: string;
  summary: string | null;
  date: { start: string; end: string | null; precision: PublicIncidentRow['datePrecision'] };
  location: {
    country: string;
    /** An ISO 3166-2:KZ code, or a region outside the list as it was written. */
    region: string | null;
    /** The region in the answer's language (the text itself outside the list). */
    regionLabel: string | null;
    locality: string | null;
    lat: number | null;
    lon: number | null;
    precision: PublicIncidentRow['locationPrecision'];
  };
  violationTypes: { code: string; label: string }[];
  defenderCategories: { code: string; label: string }[];
  perpetratorTypes: { code: string; label: string }[];
  victims: PublicVictim[];
  perpetrators: { type: string; typeLabel: string; name: string | null }[];
  legal: PublicIncidentRow['legal'];
  sources: PublicSource[];
  publisher: string;
  publishedAt: string;
  updatedAt: string;
  /** With a search (`q`): a passage of the public text around the words found, the words marked. */
  snippet?: SnippetSegment[] | null;
};

export function toPublicIncident(row: PublicIncidentRow, vocabulary: PublicVocabulary): PublicIncident {
  const terms = (kind: 'violation_type' | 'defender_category' | 'perpetrator_type', codes: string[]) =>
    codes.map((code) => ({ code, label: vocabulary.label(kind, code) }));
  return {
    id: row.incidentId,
    title: row.title,
    summary: row.summary,
    date: { start: row.startDate, end: row.endDate, precision: row.datePrecision },
    location: { country: row.country, region: row.region, regionLabel: row.region && vocabulary.region(row.region), locality: row.locality, lat: row.lat, lon: row.lon, precision: row.locationPrecision },
    violationTypes: terms('violation_type', row.violationTypes),
    defenderCategories: terms('defender_category', row.defenderCategories),
    perpetratorTypes: terms('perpetrator_type', row.perpetratorTypes),
    victims: row.victims,
    perpetrators: row.perpetrators.map((p) => ({ type: p.type, typeLabel: vocabulary.label('perpetrator_type', p.type), name: p.name })),
    legal: row.legal,
    sources: row.sources,
    publisher: row.publisher,
    publishedAt: row.publishedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The position after the last incident of a page, opaque to clients: newest first, then by id. */
const cursorShape = z.strictObject({ d: z.string().refine(isDatabaseDay), id: z.uuid(), t: z.enum(['title', 'rest']).optional() });
export type Cursor = z.infer<typeof cursorShape>;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** The cursor, or null when it is not one this API gave out (a date the database has no such day for, e.g. year 0, included). */
export function decodeCursor(text: string): Cursor | null {
  try {
    const parsed = cursorShape.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** How a page is read: a tier of a ranked search, how its words' hits are gathered (./word-hits.ts), the vocabulary filters' codes (./where.ts). */
export type PageReading = { tier?: Tier; plan?: HitsPlan; narrower?: NarrowerTerms };

/**
 * The query for a page (bench/support/api-floor.ts runs its SQL text without the app around it, as a floor).
 * With words (`q`) and a `tier`, only the incidents whose title holds them, or only the others.
 * `sort` (few incidents hold the words) orders by a value the start-date index cannot give, so
 * that the planner fetches the hits through the words' GIN index and sorts them.
 */
export function pageQuery(tx: PublicTx | Db, filters: PublicFilters, after: Cursor | null, limit: number, { tier, plan = 'walk', narrower }: PageReading = {}) {
  const keyset = after && (after.t ?? 'title') === (tier ?? after.t ?? 'title')
    ? sql`(${publicIncidents.startDate}, ${publicIncidents.incidentId}) < (${after.d}::date, ${after.id}::uuid)`
    : sql`TRUE`;
  return tx
    .select(rowColumns)
    .from(publicIncidents)
    .where(and(whereFilters(filters, narrower), tier ? whereTier(filters.q, tier) : sql`TRUE`, keyset))
    .orderBy(plan === 'sort' ? sql`${publicIncidents.startDate} + 0 DESC` : desc(publicIncidents.startDate), desc(publicIncidents.incidentId))
    .limit(limit);
}

type Tier = 'title' | 'rest';

async function pageOf(tx: PublicTx, filters: PublicFilters, after: Cursor | null, limit: number, reading: PageReading): Promise<PublicIncidentRow[]> {
  if (!filters.q || !textQuery(filters.q)) return pageQuery(tx, filters, after, limit, reading);
  // With words, read as their number of hits says (./word-hits.ts): a title tier's in the titles, any other's in the whole rows.
  const plan = await hitsPlan(tx, filters.q, reading.tier === 'title' ? 'title' : 'all');
  return plan === 'none' ? [] : pageQuery(tx, filters, after, limit, { ...reading, plan });
}

/** A page ranked for words: the incidents whose title holds them first, then the others, each newest first. */
async function rankedPageOf(tx: PublicTx, filters: PublicFilters, after: Cursor | null, limit: number): Promise<(PublicIncidentRow & { tier?: Tier })[]> {
  const narrower = await narrowerTerms(tx, filters);
  if (!textQuery(filters.q)) return pageOf(tx, filters, after, limit, { narrower });
  const rows: (PublicIncidentRow & { tier: Tier })[] = [];
  for (const tier of ['title', 'rest'] as const) {
    if (after?.t === 'rest' && tier === 'title') continue;
    for (const row of await pageOf(tx, filters, after, limit - rows.length, { tier, narrower })) rows.push({ ...row, tier });
    if (rows.length >= limit) break;
  }
  return rows;
}

export async function listPublicIncidents(
  params: { filters: PublicFilters; cursor: Cursor | null; limit: number; lang: Language },
  db?: Db,
): Promise<{ incidents: PublicIncident[]; nextCursor: string | null }> {
  return publicRead(async (tx) => {
    // Sent together: the database answers them in order on the transaction's connection, one round trip apart less.
    const [vocabulary, rows] = await Promise.all([loadVocabulary(tx, params.lang), rankedPageOf(tx, params.filters, params.cursor, params.limit + 1)]);
    const page = rows.slice(0, params.limit);
    const last = page.at(-1);
    const q = params.filters.q;
    return {
      incidents: page.map((row) => {
        const incident = toPublicIncident(row, vocabulary);
        // Words found: where, from the row's public text (the title is shown whole beside it).
        return q ? { ...incident, snippet: snippet(row.searchText, q) } : incident;
      }),
      nextCursor: rows.length > params.limit && last ? encodeCursor({ d: last.startDate, id: last.incidentId, ...(last.tier ? { t: last.tier } : {}) }) : null,
    };
  }, db);
}

/** One published incident; null for an unknown id and for one that is not (or no longer) public alike. */
export async function getPublicIncident(id: string, lang: Language, db?: Db): Promise<(PublicIncident & { attachments: PublicAttachment[] }) | null> {
  if (!z.uuid().safeParse(id).success) return null;
  return publicRead(async (tx) => {
    const [row] = await tx.select(rowColumns).from(publicIncidents).where(eq(publicIncidents.incidentId, id));
    return row ? { ...toPublicIncident(row, await loadVocabulary(tx, lang)), attachments: await publicAttachmentsOf(tx, 'incident', id) } : null;
  }, db);
}

/** The labels for the exports, read once per export. */
export function publicVocabulary(lang: Language, db?: Db): Promise<PublicVocabulary> {
  return publicRead((tx) => loadVocabulary(tx, lang), db);
}
