import 'server-only';
import type { ReviewKind } from '../subject';
import type { ReviewAdapter } from './adapter';
import { caseReview } from './case';
import { incidentReview } from './incident';

/** One adapter per reviewable kind; a new kind adds its adapter here and nothing else in the workflow. */
export const reviewAdapters = { incident: incidentReview, case: caseReview } as const satisfies Record<ReviewKind, ReviewAdapter<unknown>>;
