import 'server-only';
/** The kinds of record that go through review: one workflow serves them all (server/services/review/). */
export const reviewKinds = ['incident', 'case'] as const;
export type ReviewKind = (typeof reviewKinds)[number];

/** What a decision, a comment or a notice is about. */
export type ReviewSubject = { kind: ReviewKind; id: string };

/** The subject as the columns of the tables that name it (one of incident_id, case_id). */
export function subjectColumns(subject: ReviewSubject): { incidentId: string; caseId?: never } | { caseId: string; incidentId?: never } {
  return subject.kind === 'incident' ? { incidentId: subject.id } : { caseId: subject.id };
}
