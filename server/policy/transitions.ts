import 'server-only';
import type { ReviewDecision, ReviewStatus } from '@/common/values';

/**
 * The review workflow: which decision moves an incident from which state to which.
 * draft → submitted → (changes_requested → submitted)* → approved → published → archived.
 */
export type Transition = {
  decision: ReviewDecision;
  from: readonly ReviewStatus[];
  to: ReviewStatus;
  /** A comment the decider must give (a request for changes says what to change; a retraction says why). */
  needsComment: boolean;
};

export const transitions = {
  submit: { decision: 'submitted', from: ['draft', 'changes_requested'], to: 'submitted', needsComment: false },
  requestChanges: { decision: 'changes_requested', from: ['submitted'], to: 'changes_requested', needsComment: true },
  approve: { decision: 'approved', from: ['submitted'], to: 'approved', needsComment: false },
  publish: { decision: 'published', from: ['approved'], to: 'published', needsComment: false },
  retract: { decision: 'retracted', from: ['published'], to: 'archived', needsComment: true },
} as const satisfies Record<string, Transition>;

export type TransitionName = keyof typeof transitions;

/** Where an edit of a published record stands while the public keeps seeing the published version. */
const pendingEditStatuses: readonly ReviewStatus[] = ['draft', 'submitted', 'changes_requested', 'approved'];

/**
 * A retraction while an edit of a published record is pending: only the published version leaves the
 * public side, and the edit keeps its state, to be reviewed and published anew. A reviewer must be able
 * to withdraw a published record at once (it may endanger someone) whatever a monitor has in progress.
 */
export function retractsPublishedVersionOnly(record: { status: ReviewStatus; publishedVersion: number | null }): boolean {
  return record.publishedVersion !== null && pendingEditStatuses.includes(record.status);
}
