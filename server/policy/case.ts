import 'server-only';
import { isEditableReviewStatus, type ReviewStatus } from '@/common/values';
import { notFound, refused } from '../errors';
import { canDeleteRecord } from './deletion';
import { canEditRecord } from './incident';
import { availableTransitions, type ChangeAuthors, whyCannot } from './review';
import { retractsPublishedVersionOnly, type TransitionName } from './transitions';
import { roleIn, type Viewer } from './viewer';

/**
 * Who may do what to which case. Cases follow the incidents' rules: members of the owning
 * organization see them; drafts, cases returned for changes and published cases are editable (a
 * monitor edits only their own, a reviewer or admin any of the organization's); the four-eyes review
 * rules are those of server/policy/review.ts. A case one may not see answers NOT_FOUND.
 */

export type CaseFacts = {
  organizationId: string;
  reviewStatus: ReviewStatus;
  createdBy: string | null;
  updatedBy: string | null;
  publishedVersion: number | null;
};

/** A case's facts under the name the shared record rules use for the review state. */
const asRecord = <T extends CaseFacts>(record: T) => ({ ...record, status: record.reviewStatus });

export const casePolicy = {
  canView(viewer: Viewer, record: CaseFacts): boolean {
    return roleIn(viewer, record.organizationId) !== null;
  },
  canEdit(viewer: Viewer, record: CaseFacts): boolean {
    return canEditRecord(viewer, asRecord(record));
  },
  /** Authors delete their own unpublished drafts; anything under review or ever published is retracted instead. */
  canDelete(viewer: Viewer, record: CaseFacts): boolean {
    return canDeleteRecord(viewer, asRecord(record));
  },
};

export function assertCanViewCase(viewer: Viewer, record: CaseFacts | null): asserts record is CaseFacts {
  if (!record || !casePolicy.canView(viewer, record)) throw notFound('case');
}

export function assertCanEditCase(viewer: Viewer, record: CaseFacts | null): asserts record is CaseFacts {
  assertCanViewCase(viewer, record);
  if (!casePolicy.canEdit(viewer, record)) {
    throw refused(isEditableReviewStatus(record.reviewStatus) ? 'case.changeOwn' : 'case.frozen');
  }
}

export function assertCanDeleteCase(viewer: Viewer, record: CaseFacts | null): asserts record is CaseFacts {
  assertCanViewCase(viewer, record);
  if (!casePolicy.canDelete(viewer, record)) {
    throw refused('case.deleteOwnDraft');
  }
}

/**
 * The review decisions this viewer could take on the case as it stands (what the page offers):
 * the incidents' four-eyes rules, and a reviewer may also retract a published case while an edit of
 * it is pending, so that it leaves the public side at once (server/services/review/decide.ts).
 */
export function availableCaseTransitions(viewer: Viewer, record: CaseFacts & ChangeAuthors): TransitionName[] {
  const facts = asRecord(record);
  const names = availableTransitions(viewer, facts);
  if (retractsPublishedVersionOnly(facts) && whyCannot(viewer, 'retract', facts) === null) names.push('retract');
  return names;
}

type IncidentFacts = { organizationId: string; sharedWith: string[] };

/**
 * A case takes incidents of its own organization and incidents other organizations share with it.
 * Any other incident answers NOT_FOUND, exactly like one that does not exist.
 */
export function assertIncidentLinkable(record: CaseFacts, incident: IncidentFacts | null): asserts incident is IncidentFacts {
  if (!incident) throw notFound('incident');
  const visible = incident.organizationId === record.organizationId || incident.sharedWith.includes(record.organizationId);
  if (!visible) throw notFound('incident');
}
