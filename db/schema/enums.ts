import { pgEnum } from 'drizzle-orm/pg-core';
import { caseStatuses, datePrecisions, genders, locationPrecisions, reliabilityGrades, reviewDecisions, reviewStatuses, roles, vocabularyKinds } from '../../common/values';

// The value lists live once in common/values.ts (the browser imports them from there); the enums are built from them.
export const roleEnum = pgEnum('role', roles);
export const reviewStatusEnum = pgEnum('review_status', reviewStatuses);
export const datePrecisionEnum = pgEnum('date_precision', datePrecisions);
export const locationPrecisionEnum = pgEnum('location_precision', locationPrecisions);
export const vocabularyKindEnum = pgEnum('vocabulary_kind', vocabularyKinds);
export const genderEnum = pgEnum('gender', genders);
export const reliabilityEnum = pgEnum('reliability', reliabilityGrades);
export const caseStatusEnum = pgEnum('case_status', caseStatuses);
/** The decisions of the review workflow, shared by incidents and cases (here so that neither schema file imports the other's). */
export const reviewDecisionEnum = pgEnum('review_decision', reviewDecisions);

export type { DatePrecision, LocationPrecision, ReviewDecision, ReviewStatus, Role, VocabularyKind } from '../../common/values';
