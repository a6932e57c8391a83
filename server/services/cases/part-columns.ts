import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { caseInterventions, caseLegalEvents, persons, sources } from '@/db/schema';

/**
 * A case's legal events and interventions as people read them, the same in the saved snapshot and
 * on the timeline: one list of columns each, so that a field added to one shows in both.
 */

/** A legal event with the name of the person it concerns (join `persons` on `personId`). */
export const legalEventColumns = {
  id: caseLegalEvents.id,
  kind: caseLegalEvents.kind,
  date: caseLegalEvents.date,
  datePrecision: caseLegalEvents.datePrecision,
  personId: caseLegalEvents.personId,
  personName: persons.name,
  court: caseLegalEvents.court,
  summary: caseLegalEvents.summary,
  outcome: caseLegalEvents.outcome,
};

/** An intervention with the title of the source it cites (join `sources` on `sourceId`). */
export const interventionColumns = {
  id: caseInterventions.id,
  kind: caseInterventions.kind,
  date: caseInterventions.date,
  datePrecision: caseInterventions.datePrecision,
  by: caseInterventions.by,
  referenceCode: caseInterventions.referenceCode,
  summary: caseInterventions.summary,
  sourceId: caseInterventions.sourceId,
  sourceTitle: sources.title,
  replyDueOn: caseInterventions.replyDueOn,
  replyReceivedOn: caseInterventions.replyReceivedOn,
};

/** The case's legal events that are not deleted. */
export const liveLegalEventsOf = (caseId: string) => and(eq(caseLegalEvents.caseId, caseId), isNull(caseLegalEvents.deletedAt));

/** The case's interventions that are not deleted. */
export const liveInterventionsOf = (caseId: string) => and(eq(caseInterventions.caseId, caseId), isNull(caseInterventions.deletedAt));
