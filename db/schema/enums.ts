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
export const caseStatusEnum = pgEnum('case_status', ['open', 'closed']);

export type Role = (typeof roleEnum.enumValues)[number];
export type ReviewStatus = (typeof reviewStatusEnum.enumValues)[number];
export type DatePrecision = (typeof datePrecisionEnum.enumValues)[number];
export type LocationPrecision = (typeof locationPrecisionEnum.enumValues)[number];
export type VocabularyKind = (typeof vocabularyKindEnum.enumValues)[number];
