import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import {
  caseIncidents,
  caseInterventions,
  caseLegalEvents,
  casePersons,
  cases,
  incidents,
  persons,
  sources,
} from '@/db/schema';
import type { DatePrecision, LegalEventKind, ReviewStatus } from '@/db/schema';
import { loadCitedProvisions, legalEventCitations, type CitedProvision } from '../records/cited-provisions';
import { interventionColumns, legalEventColumns, liveInterventionsOf, liveLegalEventsOf } from './part-columns';

export type SnapshotProvision = CitedProvision;

/**
 * A saved version of a case as people read it: its fields, the persons, the linked incidents, the
 * legal events and the interventions (deleted ones left out). History keeps one per version.
 */
export type CaseSnapshot = {
  ref: string;
  title: string;
  summary: string | null;
  status: 'open' | 'closed';
  reviewStatus: ReviewStatus;
  persons: { id: string; ref: string; name: string; confidential: boolean; role: string | null }[];
  /** Ordered by ref: a case holds its incidents as a set. */
  incidents: { id: string; ref: string; title: string }[];
  legalEvents: {
    id: number;
    kind: LegalEventKind;
    date: string | null;
    datePrecision: DatePrecision;
    personId: string | null;
    personName: string | null;
    court: string | null;
    summary: string | null;
    outcome: string | null;
    provisions: SnapshotProvision[];
  }[];
  interventions: {
    id: number;
    kind: string;
    date: string;
    datePrecision: DatePrecision;
    by: string | null;
    referenceCode: string | null;
    summary: string | null;
    sourceId: string | null;
    sourceTitle: string | null;
    replyDueOn: string | null;
    replyReceivedOn: string | null;
  }[];
};

/** The provisions of each legal event, in order, by event id. */
export function loadLegalEventProvisions(db: DbOrTx, eventIds: number[]): Promise<Map<number, SnapshotProvision[]>> {
  return loadCitedProvisions(db, legalEventCitations, eventIds);
}

/** Reads the case and its parts as they are now; null when there is no such case. */
export async function loadCaseSnapshot(db: DbOrTx, caseId: string): Promise<CaseSnapshot | null> {
  const [row] = await db.select().from(cases).where(eq(cases.id, caseId));
  if (!row) return null;

  const [personRows, incidentRows, eventRows, interventionRows] = await Promise.all([
    db
      .select({ id: persons.id, ref: persons.ref, name: persons.name, confidential: persons.confidential, role: casePersons.role })
      .from(casePersons)
      .innerJoin(persons, eq(persons.id, casePersons.personId))
      .where(eq(casePersons.caseId, caseId))
      .orderBy(asc(casePersons.position)),
    db
      .select({ id: incidents.id, ref: incidents.ref, title: incidents.title })
      .from(caseIncidents)
      .innerJoin(incidents, eq(incidents.id, caseIncidents.incidentId))
      .where(eq(caseIncidents.caseId, caseId))
      .orderBy(asc(incidents.ref), asc(incidents.id)),
    db
      .select(legalEventColumns)
      .from(caseLegalEvents)
      .leftJoin(persons, eq(persons.id, caseLegalEvents.personId))
      .where(liveLegalEventsOf(caseId))
      .orderBy(asc(caseLegalEvents.id)),
    db
      .select(interventionColumns)
      .from(caseInterventions)
      .leftJoin(sources, eq(sources.id, caseInterventions.sourceId))
      .where(liveInterventionsOf(caseId))
      .orderBy(asc(caseInterventions.position), asc(caseInterventions.id)),
  ]);
  const provisions = await loadLegalEventProvisions(db, eventRows.map((event) => event.id));

  return {
    ref: row.ref,
    title: row.title,
    summary: row.summary,
    status: row.status,
    reviewStatus: row.reviewStatus,
    persons: personRows,
    incidents: incidentRows,
    legalEvents: eventRows.map((event) => ({ ...event, provisions: provisions.get(event.id) ?? [] })),
    interventions: interventionRows,
  };
}
