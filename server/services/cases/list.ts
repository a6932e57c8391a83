import 'server-only';
import { and, desc, eq, ilike, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { caseIncidents, caseInterventions, cases, incidentShares, incidents, organizations } from '@/db/schema';
import { type CaseListInput } from '@/common/inputs/case';
import { caseFactsColumns } from './read';

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The cases of the given organizations, most recently changed first, with how much each holds. */
export async function listCases(db: DbOrTx, organizationIds: string[], input: CaseListInput) {
  if (!organizationIds.length) return [];
  const conditions: SQL[] = [inArray(cases.organizationId, organizationIds), isNull(cases.deletedAt)];
  if (input.text) conditions.push(ilike(cases.title, `%${escapeLike(input.text)}%`));
  if (input.status) conditions.push(eq(cases.status, input.status));
  if (input.reviewStatus) conditions.push(eq(cases.reviewStatus, input.reviewStatus));
  return db
    .select({
      id: cases.id,
      title: cases.title,
      status: cases.status,
      reviewStatus: cases.reviewStatus,
      organizationName: organizations.name,
      updatedAt: cases.updatedAt,
      // Counted as the case's timeline shows them: not deleted, and the case's organization's own or still shared with it.
      incidentCount: sql<number>`(SELECT count(*)::int FROM ${caseIncidents} JOIN ${incidents} ON ${incidents.id} = ${caseIncidents.incidentId}
        WHERE ${caseIncidents.caseId} = ${cases.id} AND ${incidents.deletedAt} IS NULL
        AND (${incidents.organizationId} = ${cases.organizationId} OR EXISTS (SELECT 1 FROM ${incidentShares}
          WHERE ${incidentShares.incidentId} = ${incidents.id} AND ${incidentShares.organizationId} = ${cases.organizationId})))`,
      awaitingReplies: sql<number>`(SELECT count(*)::int FROM ${caseInterventions} WHERE ${caseInterventions.caseId} = ${cases.id}
        AND ${caseInterventions.replyDueOn} IS NOT NULL AND ${caseInterventions.replyReceivedOn} IS NULL AND ${caseInterventions.deletedAt} IS NULL)`,
    })
    .from(cases)
    .innerJoin(organizations, eq(organizations.id, cases.organizationId))
    .where(and(...conditions))
    .orderBy(desc(cases.updatedAt), desc(cases.id))
    .limit(input.limit);
}

/** The cases of the viewer's organizations that hold an incident, for the incident page. */
export async function listCasesOfIncident(db: DbOrTx, incidentId: string, organizationIds: string[]) {
  if (!organizationIds.length) return [];
  return db
    .select({ ...caseFactsColumns, id: cases.id, title: cases.title, status: cases.status, version: cases.version })
    .from(caseIncidents)
    .innerJoin(cases, eq(cases.id, caseIncidents.caseId))
    .where(and(eq(caseIncidents.incidentId, incidentId), inArray(cases.organizationId, organizationIds), isNull(cases.deletedAt)))
    .orderBy(cases.title);
}

/** Cases of the given organizations an incident could be added to, by title, for the incident page's picker. */
export async function listCaseChoices(db: DbOrTx, organizationIds: string[], text: string) {
  if (!organizationIds.length) return [];
  const conditions: SQL[] = [inArray(cases.organizationId, organizationIds), isNull(cases.deletedAt)];
  if (text) conditions.push(ilike(cases.title, `%${escapeLike(text)}%`));
  return db
    .select({ ...caseFactsColumns, id: cases.id, title: cases.title })
    .from(cases)
    .where(and(...conditions))
    .orderBy(desc(cases.updatedAt))
    .limit(20);
}
