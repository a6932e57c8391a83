import 'server-only';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { caseIncidents, caseLegalEvents, casePersons, cases, incidentVictims, incidents } from '@/db/schema';
import { incidentHeadlineColumns } from '../incidents/list-columns';

/** Every incident that names the person as a victim (deleted ones left out), oldest first. */
export async function incidentsConcerning(db: DbOrTx, personId: string) {
  return db
    .selectDistinct(incidentHeadlineColumns)
    .from(incidentVictims)
    .innerJoin(incidents, eq(incidents.id, incidentVictims.incidentId))
    .where(and(eq(incidentVictims.personId, personId), isNull(incidents.deletedAt)))
    .orderBy(asc(incidents.startDate), asc(incidents.ref));
}

export type CaseConnection = 'person' | 'incident' | 'legalEvent';

/**
 * Every case the viewer can see that concerns the person: as one of the case's persons, through
 * one of its incidents that names them, or through a legal event against them. A case of another
 * organization (one that links a shared incident) is listed only to its own members.
 */
export async function casesConcerning(db: DbOrTx, personId: string, visibleOrganizationIds: string[]) {
  if (visibleOrganizationIds.length === 0) return [];
  const [asPerson, throughIncident, throughEvent] = await Promise.all([
    db.select({ caseId: casePersons.caseId, role: casePersons.role }).from(casePersons).where(eq(casePersons.personId, personId)),
    db
      .selectDistinct({ caseId: caseIncidents.caseId })
      .from(caseIncidents)
      .innerJoin(incidentVictims, eq(incidentVictims.incidentId, caseIncidents.incidentId))
      .innerJoin(incidents, eq(incidents.id, caseIncidents.incidentId))
      .where(and(eq(incidentVictims.personId, personId), isNull(incidents.deletedAt))),
    db
      .selectDistinct({ caseId: caseLegalEvents.caseId })
      .from(caseLegalEvents)
      .where(and(eq(caseLegalEvents.personId, personId), isNull(caseLegalEvents.deletedAt))),
  ]);
  const how = new Map<string, { connections: Set<CaseConnection>; role: string | null }>();
  const add = (caseId: string, connection: CaseConnection, role: string | null = null) => {
    const entry = how.get(caseId) ?? { connections: new Set<CaseConnection>(), role: null };
    entry.connections.add(connection);
    entry.role ??= role;
    how.set(caseId, entry);
  };
  for (const row of asPerson) add(row.caseId, 'person', row.role);
  for (const row of throughIncident) add(row.caseId, 'incident');
  for (const row of throughEvent) add(row.caseId, 'legalEvent');
  if (how.size === 0) return [];

  const rows = await db
    .select({ id: cases.id, ref: cases.ref, title: cases.title, status: cases.status, reviewStatus: cases.reviewStatus })
    .from(cases)
    .where(and(inArray(cases.id, [...how.keys()]), inArray(cases.organizationId, visibleOrganizationIds), isNull(cases.deletedAt)))
    .orderBy(asc(sql`lower(${cases.title})`), asc(cases.id));
  const order: CaseConnection[] = ['person', 'legalEvent', 'incident'];
  return rows.map((row) => {
    const entry = how.get(row.id)!;
    return { ...row, role: entry.role, connections: order.filter((c) => entry.connections.has(c)) };
  });
}
