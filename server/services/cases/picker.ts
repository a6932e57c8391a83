import { and, desc, eq, isNull, notExists, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { caseIncidents, incidentShares, incidents, organizations } from '@/db/schema';

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// The same expression as the trigram index on incidents (migration 0001), so a search uses the index.
const searchableText = sql`(${incidents.title} || ' ' || coalesce(${incidents.summary}, ''))`;

/**
 * Incidents a case could take, for the search-as-you-type picker: the case organization's own and
 * those shared with it, not deleted, not already in the case, matching the text; newest first.
 */
export async function searchLinkableIncidents(
  db: DbOrTx,
  params: { caseId: string; organizationId: string; text: string; limit: number },
) {
  const conditions: SQL[] = [
    isNull(incidents.deletedAt),
    or(
      eq(incidents.organizationId, params.organizationId),
      sql`EXISTS (SELECT 1 FROM ${incidentShares} WHERE ${incidentShares.incidentId} = ${incidents.id} AND ${incidentShares.organizationId} = ${params.organizationId})`,
    )!,
    notExists(
      db
        .select({ one: sql`1` })
        .from(caseIncidents)
        .where(and(eq(caseIncidents.caseId, params.caseId), eq(caseIncidents.incidentId, incidents.id))),
    ),
  ];
  if (params.text) conditions.push(sql`${searchableText} ILIKE ${`%${escapeLike(params.text)}%`}`);
  const rows = await db
    .select({
      id: incidents.id,
      title: incidents.title,
      startDate: incidents.startDate,
      endDate: incidents.endDate,
      datePrecision: incidents.datePrecision,
      status: incidents.status,
      organizationId: incidents.organizationId,
      organizationName: organizations.name,
    })
    .from(incidents)
    .innerJoin(organizations, eq(organizations.id, incidents.organizationId))
    .where(and(...conditions))
    .orderBy(desc(incidents.startDate), desc(incidents.id))
    .limit(params.limit);
  return rows.map(({ organizationId, organizationName, ...row }) => ({
    ...row,
    sharedBy: organizationId === params.organizationId ? null : organizationName,
  }));
}
