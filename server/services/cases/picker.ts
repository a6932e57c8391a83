import 'server-only';
import { and, desc, eq, isNull, notExists, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { caseIncidents, incidentShares, incidents, organizations } from '@/db/schema';
import { foreignIncidentView } from '../incidents/foreign-view';

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// The same expression as the trigram index on incidents (migration 0001), so a search uses the index.
const searchableText = sql`(${incidents.title} || ' ' || coalesce(${incidents.summary}, ''))`;

/** How many of the newest shared incidents a search looks through: their text is redacted in memory, not by the database. */
const sharedSearchWindow = 300;

const columns = {
  id: incidents.id,
  title: incidents.title,
  summary: incidents.summary,
  startDate: incidents.startDate,
  endDate: incidents.endDate,
  datePrecision: incidents.datePrecision,
  status: incidents.reviewStatus,
  organizationName: organizations.name,
};

/**
 * Incidents a case could take, for the search-as-you-type picker: the case organization's own and
 * those shared with it, not deleted, not already in the case, matching the text; newest first.
 *
 * The organization's own incidents are searched by the database. A shared incident is searched in
 * its redacted text only (the projection for other organizations): a search on the original text
 * would let a member of the case's organization test whether a name is in it.
 */
export async function searchLinkableIncidents(
  db: DbOrTx,
  params: { caseId: string; organizationId: string; text: string; limit: number },
) {
  const notInCase = notExists(
    db
      .select({ one: sql`1` })
      .from(caseIncidents)
      .where(and(eq(caseIncidents.caseId, params.caseId), eq(caseIncidents.incidentId, incidents.id))),
  );
  const own: SQL[] = [isNull(incidents.deletedAt), eq(incidents.organizationId, params.organizationId), notInCase];
  if (params.text) own.push(sql`${searchableText} ILIKE ${`%${escapeLike(params.text)}%`}`);
  const [ownRows, sharedRows] = await Promise.all([
    db
      .select(columns)
      .from(incidents)
      .innerJoin(organizations, eq(organizations.id, incidents.organizationId))
      .where(and(...own))
      .orderBy(desc(incidents.startDate), desc(incidents.id))
      .limit(params.limit),
    db
      .select(columns)
      .from(incidentShares)
      .innerJoin(incidents, eq(incidents.id, incidentShares.incidentId))
      .innerJoin(organizations, eq(organizations.id, incidents.organizationId))
      .where(and(eq(incidentShares.organizationId, params.organizationId), isNull(incidents.deletedAt), notInCase))
      .orderBy(desc(incidents.startDate), desc(incidents.id))
      .limit(params.text ? sharedSearchWindow : params.limit),
  ]);
  const view = await foreignIncidentView(db, sharedRows.map((row) => row.id));
  const wanted = params.text.toLocaleLowerCase();
  const shared = sharedRows
    .map(({ organizationName, ...row }) => ({ ...view(row.id, row), sharedBy: organizationName as string | null }))
    .filter((row) => !wanted || `${row.title} ${row.summary ?? ''}`.toLocaleLowerCase().includes(wanted));
  return [...ownRows.map(({ organizationName: _, ...row }) => ({ ...row, sharedBy: null as string | null })), ...shared]
    .sort((a, b) => (a.startDate !== b.startDate ? (a.startDate < b.startDate ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .slice(0, params.limit)
    .map(({ summary: _, ...row }) => row);
}
