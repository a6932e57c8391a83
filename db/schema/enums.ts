import { pgEnum } from 'drizzle-orm/pg-core';

// The value lists live here once; zod schemas and the UI derive theirs from `.enumValues`.
export const roleEnum = pgEnum('role', ['monitor', 'reviewer', 'admin']);
export const reviewStatusEnum = pgEnum('review_status', [
  'draft',
  'submitted',
  'changes_requested',
  'approved',
  'published',
  'archived',
]);
export const datePrecisionEnum = pgEnum('date_precision', ['day', 'month', 'year']);
export const locationPrecisionEnum = pgEnum('location_precision', ['exact', 'locality', 'region', 'country']);
export const vocabularyKindEnum = pgEnum('vocabulary_kind', [
  'violation_type',
  'defender_category',
  'perpetrator_type',
]);
export const genderEnum = pgEnum('gender', ['female', 'male', 'other', 'unknown']);
export const reliabilityEnum = pgEnum('reliability', ['A', 'B', 'C', 'D', 'E', 'F']);
/** Which members of an organization must sign in with a second factor (passkey or TOTP), set by its admins. */
export const secondFactorPolicyEnum = pgEnum('second_factor_policy', ['nobody', 'reviewers_and_admins', 'everyone']);
export const caseStatusEnum = pgEnum('case_status', ['open', 'closed']);
/** The decisions of the review workflow, shared by incidents and cases (here so that neither schema file imports the other's). */
export const reviewDecisionEnum = pgEnum('review_decision', [
  'submitted',
  'changes_requested',
  'approved',
  'published',
  'retracted',
]);

export type SecondFactorPolicy = (typeof secondFactorPolicyEnum.enumValues)[number];
export type Role = (typeof roleEnum.enumValues)[number];
export type ReviewStatus = (typeof reviewStatusEnum.enumValues)[number];
export type DatePrecision = (typeof datePrecisionEnum.enumValues)[number];
export type LocationPrecision = (typeof locationPrecisionEnum.enumValues)[number];
export type VocabularyKind = (typeof vocabularyKindEnum.enumValues)[number];
export type ReviewDecision = (typeof reviewDecisionEnum.enumValues)[number];
