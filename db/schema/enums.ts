import { pgEnum } from 'drizzle-orm/pg-core';
import { caseStatuses, datePrecisions, genders, locationPrecisions, reliabilityGrades, reviewDecisions, reviewStatuses, roles, secondFactorPolicies, vocabularyKinds } from '../../common/values';

// The value lists live once in common/values.ts (the browser imports them from there); the enums are built from them.
export const roleEnum = pgEnum('role', roles);
export const reviewStatusEnum = pgEnum('review_status', reviewStatuses);
export const datePrecisionEnum = pgEnum('date_precision', datePrecisions);
export const locationPrecisionEnum = pgEnum('location_precision', locationPrecisions);
export const vocabularyKindEnum = pgEnum('vocabulary_kind', vocabularyKinds);
export const genderEnum = pgEnum('gender', genders);
export const reliabilityEnum = pgEnum('reliability', reliabilityGrades);
export const caseStatusEnum = pgEnum('case_status', caseStatuses);
/** Which members of an organization must sign in with a second factor (passkey or TOTP), set by its admins. */
export const secondFactorPolicyEnum = pgEnum('second_factor_policy', secondFactorPolicies);
/** The decisions of the review workflow, shared by incidents and cases (here so that neither schema file imports the other's). */
export const reviewDecisionEnum = pgEnum('review_decision', reviewDecisions);

export type { DatePrecision, LocationPrecision, ReviewDecision, ReviewStatus, Role, SecondFactorPolicy, VocabularyKind } from '../../common/values';
