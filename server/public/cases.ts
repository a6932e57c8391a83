import 'server-only';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { hasNul, isDatabaseMoment } from '@/common/database-values';
import { publicCases, publicIncidents, type PublicCasePerson, type PublicIntervention, type PublicLegalEvent, type PublicSource } from '@/db/schema/public';
import { publicRead } from './db';
import { likePattern } from './where';
import { publicAttachmentsOf, type PublicAttachment } from './attachments';

/** Published cases as the public sees them: a page at a time (optionally matching words), one with its timeline, those holding an incident. */

type PublicCaseRow = typeof publicCases.$inferSelect;
type Precision = 'day' | 'month' | 'year';

/** One dated step of a case: one of its public incidents, a legal event or an intervention. */
export type TimelineEntry =
  | { kind: 'incident'; date: string; datePrecision: Precision; incident: { id: string; title: string } }
  | { kind: 'legal_event'; date: string | null; datePrecision: Precision; legalEvent: PublicLegalEvent }
  | { kind: 'intervention'; date: string; datePrecision: Precision; intervention: PublicIntervention };

export type PublicCaseSummary = {
  id: string;
  title: string;
  summary: string | null;
  status: 'open' | 'closed';
  incidents: number;
  publisher: string;
  publishedAt: string;
  updatedAt: string;
};
export type PublicCase = Omit<PublicCaseSummary, 'incidents'> & {
  persons: PublicCasePerson[];
  timeline: TimelineEntry[];
  /** Every source its interventions and its published incidents cite, once each. */
  sources: PublicSource[];
};

const kindOrder = { incident: 0, legal_event: 1, intervention: 2 } as const;

/**
 * The case's steps in date order, steps of unknown date last; on one date, incidents, then legal
 * events, then interventions (what happened, what the courts did, what was done about it). A date
 * known only to the month or year is stored as its first day, so it comes before the days of that
 * period: it may have been any of them.
 */
export function caseTimeline(row: Pick<PublicCaseRow, 'incidents' | 'legalEvents' | 'interventions'>): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...row.incidents.map((i): TimelineEntry => ({ kind: 'incident', date: i.startDate, datePrecision: i.datePrecision, incident: { id: i.id, title: i.title } })),
    ...row.legalEvents.map((e): TimelineEntry => ({ kind: 'legal_event', date: e.date, datePrecision: e.datePrecision, legalEvent: e })),
    ...row.interventions.map((i): TimelineEntry => ({ kind: 'intervention', date: i.date, datePrecision: i.datePrecision, intervention: i })),
  ];
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => {
      if (a.entry.date !== b.entry.date) {
        if (a.entry.date === null) return 1;
        if (b.entry.date === null) return -1;
        return a.entry.date < b.entry.date ? -1 : 1;
      }
      return kindOrder[a.entry.kind] - kindOrder[b.entry.kind] || a.index - b.index;
    })
    .map(({ entry }) => entry);
}

/** The sources once each, in the order given (the same source cited twice is one entry). */
function distinctSources(cited: PublicSource[]): PublicSource[] {
  const seen = new Map<string, PublicSource>();
  for (const source of cited) {
    const key = JSON.stringify([source.title, source.publisher, source.publishedOn, source.referenceCode, source.url]);
    if (!seen.has(key)) seen.set(key, source);
  }
  return [...seen.values()];
}

export function toPublicCase(row: PublicCaseRow, incidentSources: PublicSource[]): PublicCase {
  const timeline = caseTimeline(row);
  const interventionSources = timeline.flatMap((entry) => (entry.kind === 'intervention' && entry.intervention.source ? [entry.intervention.source] : []));
  return {
    id: row.caseId,
    title: row.title,
    summary: row.summary,
    status: row.status,
    persons: row.persons,
    timeline,
    sources: distinctSources([...interventionSources, ...incidentSources]),
    publisher: row.publisher,
    publishedAt: row.publishedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The position after the last case of a page, opaque to clients: latest published first, then by id. */
const cursorShape = z.strictObject({ t: z.string().refine(isDatabaseMoment), id: z.uuid() });
export type CaseCursor = z.infer<typeof cursorShape>;

export function encodeCaseCursor(cursor: CaseCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** The cursor, or null when it is not one this API gave out (a moment that cannot be, e.g. month 13, included). */
export function decodeCaseCursor(text: string): CaseCursor | null {
  try {
    const parsed = cursorShape.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

// To the microsecond, as stored: a JavaScript Date would round it and the keyset could skip a case.
const publishedAtExactly = sql<string>`to_char(${publicCases.publishedAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Words in the title, the summary, a named person or the title of one of its public incidents. */
function matching(q: string | undefined) {
  if (!q) return sql`TRUE`;
  // Stored text cannot hold NUL, so such a search matches nothing (the API refuses it before; a page may not).
  if (hasNul(q)) return sql`FALSE`;
  const pattern = likePattern(q);
  return sql`(${publicCases.title} ILIKE ${pattern} OR ${publicCases.summary} ILIKE ${pattern}
    OR EXISTS (SELECT 1 FROM jsonb_array_elements(${publicCases.persons}) AS person WHERE person->>'name' ILIKE ${pattern})
    OR EXISTS (SELECT 1 FROM jsonb_array_elements(${publicCases.incidents}) AS incident WHERE incident->>'title' ILIKE ${pattern}))`;
}

export async function listPublicCases(
  params: { q?: string; cursor: CaseCursor | null; limit: number },
  db?: Db,
): Promise<{ cases: PublicCaseSummary[]; nextCursor: string | null }> {
  const after = params.cursor
    ? sql`(${publicCases.publishedAt}, ${publicCases.caseId}) < (${params.cursor.t}::timestamptz, ${params.cursor.id}::uuid)`
    : sql`TRUE`;
  const rows = await publicRead(
    (tx) =>
      tx
        .select({
          caseId: publicCases.caseId,
          title: publicCases.title,
          summary: publicCases.summary,
          status: publicCases.status,
          incidents: sql<number>`jsonb_array_length(${publicCases.incidents})`,
          publisher: publicCases.publisher,
          publishedAt: publicCases.publishedAt,
          updatedAt: publicCases.updatedAt,
          exactly: publishedAtExactly,
        })
        .from(publicCases)
        .where(and(matching(params.q), after))
        .orderBy(desc(publicCases.publishedAt), desc(publicCases.caseId))
        .limit(params.limit + 1),
    db,
  );
  const page = rows.slice(0, params.limit);
  const last = page.at(-1);
  return {
    cases: page.map((row) => ({
      id: row.caseId,
      title: row.title,
      summary: row.summary,
      status: row.status,
      incidents: Number(row.incidents),
      publisher: row.publisher,
      publishedAt: row.publishedAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    })),
    nextCursor: rows.length > params.limit && last ? encodeCaseCursor({ t: last.exactly, id: last.caseId }) : null,
  };
}

/** One published case; null for an unknown id and for a case that is not (or no longer) public alike. */
export async function getPublicCase(id: string, db?: Db): Promise<(PublicCase & { attachments: PublicAttachment[] }) | null> {
  if (!z.uuid().safeParse(id).success) return null;
  return publicRead(async (tx) => {
    const [row] = await tx.select().from(publicCases).where(eq(publicCases.caseId, id));
    if (!row) return null;
    // Its incidents' sources as their public pages cite them (only public incidents are in the row).
    const incidentIds = row.incidents.map((incident) => incident.id);
    const cited = incidentIds.length
      ? await tx
          .select({ sources: publicIncidents.sources })
          .from(publicIncidents)
          .where(inArray(publicIncidents.incidentId, incidentIds))
          .orderBy(publicIncidents.startDate, publicIncidents.incidentId)
      : [];
    return { ...toPublicCase(row, cited.flatMap((incident) => incident.sources)), attachments: await publicAttachmentsOf(tx, 'case', id) };
  }, db);
}

/** The published cases that show this incident (only public incidents are in a public case), latest published first. */
export async function publicCasesWithIncident(incidentId: string, db?: Db): Promise<{ id: string; title: string }[]> {
  if (!z.uuid().safeParse(incidentId).success) return [];
  return publicRead(
    (tx) =>
      tx
        .select({ id: publicCases.caseId, title: publicCases.title })
        .from(publicCases)
        .where(sql`${publicCases.incidents} @> ${JSON.stringify([{ id: incidentId }])}::jsonb`)
        .orderBy(desc(publicCases.publishedAt), desc(publicCases.caseId)),
    db,
  );
}
