import 'server-only';
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { caseIncidents, caseInterventions, caseLegalEvents, incidentShares, incidents, organizations, persons, sources } from '@/db/schema';
import type { DatePrecision, ReviewStatus } from '@/db/schema';
import { foreignIncidentView } from '../incidents/foreign-view';
import { interventionColumns, legalEventColumns, liveInterventionsOf, liveLegalEventsOf } from './part-columns';
import { loadLegalEventProvisions, type CaseSnapshot } from './snapshot';

type Dated = { date: string | null; datePrecision: DatePrecision };

export type TimelineIncident = Dated & {
  type: 'incident';
  id: string;
  endDate: string | null;
  title: string;
  status: ReviewStatus;
  /** Set when the incident is another organization's, shared with the case's: read-only, redacted on its page. */
  sharedBy: string | null;
};

/** A legal event as the case's snapshot holds it, with the version the timeline edits. */
export type TimelineLegalEvent = CaseSnapshot['legalEvents'][number] & { type: 'legalEvent'; version: number };

/** An intervention as the case's snapshot holds it, with the version the timeline edits. */
export type TimelineIntervention = Dated & Omit<CaseSnapshot['interventions'][number], 'date' | 'datePrecision'> & { type: 'intervention'; version: number };

export type TimelineItem = TimelineIncident | TimelineLegalEvent | TimelineIntervention;

const precisionRank: Record<DatePrecision, number> = { year: 0, month: 1, day: 2 };
const typeRank: Record<TimelineItem['type'], number> = { incident: 0, legalEvent: 1, intervention: 2 };

/**
 * Date order, undated last. Dates are stored as the first day of their period, so "2017" and
 * "May 2017" sort at the start of their year or month, before the days within it; on the same
 * start, the less precise item comes first, then incidents, legal events, interventions.
 */
export function compareTimelineItems(a: TimelineItem, b: TimelineItem): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  }
  return (
    precisionRank[a.datePrecision] - precisionRank[b.datePrecision] ||
    typeRank[a.type] - typeRank[b.type] ||
    // Same type on the same date: incidents by id (uuid text), legal events and interventions in the order entered.
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * A case's incidents, legal events and interventions merged in date order. Only incidents the
 * case's organization may see are included: its own, and others' that are still shared with it.
 */
export async function getCaseTimeline(db: DbOrTx, caseId: string, caseOrganizationId: string): Promise<TimelineItem[]> {
  const visible = or(
    eq(incidents.organizationId, caseOrganizationId),
    sql`EXISTS (SELECT 1 FROM ${incidentShares} WHERE ${incidentShares.incidentId} = ${incidents.id} AND ${incidentShares.organizationId} = ${caseOrganizationId})`,
  );
  const [incidentRows, eventRows, interventionRows] = await Promise.all([
    db
      .select({
        id: incidents.id,
        date: incidents.startDate,
        endDate: incidents.endDate,
        datePrecision: incidents.datePrecision,
        title: incidents.title,
        status: incidents.reviewStatus,
        organizationId: incidents.organizationId,
        organizationName: organizations.name,
      })
      .from(caseIncidents)
      .innerJoin(incidents, eq(incidents.id, caseIncidents.incidentId))
      .innerJoin(organizations, eq(organizations.id, incidents.organizationId))
      .where(and(eq(caseIncidents.caseId, caseId), isNull(incidents.deletedAt), visible)),
    // The version too: the timeline edits these in place.
    db
      .select({ ...legalEventColumns, version: caseLegalEvents.version })
      .from(caseLegalEvents)
      .leftJoin(persons, eq(persons.id, caseLegalEvents.personId))
      .where(liveLegalEventsOf(caseId)),
    db
      .select({ ...interventionColumns, version: caseInterventions.version })
      .from(caseInterventions)
      .leftJoin(sources, eq(sources.id, caseInterventions.sourceId))
      .where(liveInterventionsOf(caseId)),
  ]);
  const provisions = await loadLegalEventProvisions(db, eventRows.map((event) => event.id));
  // Another organization's incident reads as that organization lets others read it.
  const view = await foreignIncidentView(db, incidentRows.filter((row) => row.organizationId !== caseOrganizationId).map((row) => row.id));

  const items: TimelineItem[] = [
    ...incidentRows.map(({ organizationId, organizationName, ...row }): TimelineIncident =>
      organizationId === caseOrganizationId
        ? { ...row, type: 'incident', sharedBy: null }
        : { ...row, title: view(row.id, { title: row.title }).title, type: 'incident', sharedBy: organizationName },
    ),
    ...eventRows.map((row): TimelineLegalEvent => ({ ...row, type: 'legalEvent', provisions: provisions.get(row.id) ?? [] })),
    ...interventionRows.map((row): TimelineIntervention => ({ ...row, type: 'intervention' })),
  ];
  return items.sort(compareTimelineItems);
}
