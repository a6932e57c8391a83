/**
 * The parts of an incident and of a case that a version diff names and a comment may be about,
 * shared by the history (server) and the comment form (browser).
 */

export const incidentFields = [
  'title',
  'summary',
  'status',
  'date',
  'location',
  'violationTypes',
  'victims',
  'perpetrators',
  'legalProvisions',
  'sources',
] as const;
export type IncidentField = (typeof incidentFields)[number];

export const caseFields = ['title', 'summary', 'status', 'reviewStatus', 'persons', 'incidents', 'legalEvents', 'interventions'] as const;
export type CaseField = (typeof caseFields)[number];
/** The parts of a case a comment may be about: its review state is the workflow's, not something to discuss. */
export const caseCommentFields = ['title', 'summary', 'status', 'persons', 'incidents', 'legalEvents', 'interventions'] as const satisfies readonly CaseField[];
