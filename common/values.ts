/**
 * The value lists of the domain, once, as plain arrays: db/schema/enums.ts builds its PostgreSQL
 * enums from them, zod inputs and the browser use them directly. No drizzle, no server code here.
 */

export const roles = ['monitor', 'reviewer', 'admin'] as const;
export type Role = (typeof roles)[number];

/** draft → submitted → (changes_requested → submitted)* → approved → published → archived. */
export const reviewStatuses = ['draft', 'submitted', 'changes_requested', 'approved', 'published', 'archived'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];

/**
 * The review states in which an incident or a case (and its parts) may change. A published record
 * is editable too: the edit becomes a new draft and the public keeps the published version; a
 * retracted (archived) one as well, and the edit goes through review again. Submitted and approved
 * records are frozen while someone decides on them.
 */
export const editableReviewStatuses = ['draft', 'changes_requested', 'published', 'archived'] as const satisfies readonly ReviewStatus[];

export function isEditableReviewStatus(status: string): boolean {
  return (editableReviewStatuses as readonly string[]).includes(status);
}

/** The decisions of the review workflow, shared by incidents and cases. */
export const reviewDecisions = ['submitted', 'changes_requested', 'approved', 'published', 'retracted'] as const;
export type ReviewDecision = (typeof reviewDecisions)[number];

export const datePrecisions = ['day', 'month', 'year'] as const;
export type DatePrecision = (typeof datePrecisions)[number];

export const locationPrecisions = ['exact', 'locality', 'region', 'country'] as const;
export type LocationPrecision = (typeof locationPrecisions)[number];

export const vocabularyKinds = ['violation_type', 'defender_category', 'perpetrator_type'] as const;
export type VocabularyKind = (typeof vocabularyKinds)[number];

export const genders = ['female', 'male', 'other', 'unknown'] as const;
export type Gender = (typeof genders)[number];

/** Source reliability, A (completely reliable) to F (cannot be judged). */
export const reliabilityGrades = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type Reliability = (typeof reliabilityGrades)[number];

export const caseStatuses = ['open', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];
/** Which members of an organization must sign in with a second factor (passkey or TOTP). */
export const secondFactorPolicies = ['nobody', 'reviewers_and_admins', 'everyone'] as const;
export type SecondFactorPolicy = (typeof secondFactorPolicies)[number];

/** What happened in a case's legal proceedings. */
export const legalEventKinds = ['charges', 'detention', 'hearing', 'verdict', 'sentence', 'appeal', 'appeal_decision', 'release', 'other'] as const;
export type LegalEventKind = (typeof legalEventKinds)[number];

/** The records an evidence file can be attached to. */
export const evidenceSubjects = ['incident', 'source', 'case', 'legal_event'] as const;
export type EvidenceSubject = (typeof evidenceSubjects)[number];

/** The records of the directory (persons, documented organizations, sources), as their histories name them. */
export const directoryKinds = ['person', 'documented_organization', 'source'] as const;
export type DirectoryKind = (typeof directoryKinds)[number];

/** What an in-app notice tells: a review decision or a comment. */
export const notificationKinds = [
  'submitted',
  'changes_requested',
  'approved',
  'published',
  'retracted',
  'commented',
  /** A new incident matches one of the person's saved searches (db/schema/saved-searches.ts). */
  'saved_search_match',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** File titles (the uploader's file names) are kept as data, bounded like other short texts. */
export const maxFileTitleLength = 255;
