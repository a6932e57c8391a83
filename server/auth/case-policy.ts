import { TRPCError } from '@trpc/server';
import type { ReviewStatus } from '@/db/schema';
import { notFound } from '../services/errors';
import { retractsPublishedVersionOnly, type TransitionName } from '../services/review/transitions';
import { memberOrganizationIds, roleIn } from './policy';
import { availableTransitions, whyCannot, type ChangeAuthors } from './review-policy';
import type { Viewer } from './viewer';

/**
 * Who may do what to which case. Cases follow the incidents' rules: members of the owning
 * organization see them; drafts, cases returned for changes and published cases are editable (a
 * monitor edits only their own, a reviewer or admin any of the organization's); the four-eyes review
 * rules are those of server/auth/review-policy.ts. A case one may not see answers NOT_FOUND.
 */

export type CaseFacts = {
  organizationId: string;
  reviewStatus: ReviewStatus;
  createdBy: string | null;
  updatedBy: string | null;
  publishedVersion: number | null;
};

// A published case is editable too: the change becomes a new draft, and the public keeps the published version.
// A retracted (archived) one as well: the change becomes a new draft that goes through review again.
const editableStatuses = new Set<ReviewStatus>(['draft', 'changes_requested', 'published', 'archived']);

export const casePolicy = {
  canView(viewer: Viewer, record: CaseFacts): boolean {
    return roleIn(viewer, record.organizationId) !== null;
  },
  canEdit(viewer: Viewer, record: CaseFacts): boolean {
    const role = roleIn(viewer, record.organizationId);
    if (!role || !editableStatuses.has(record.reviewStatus)) return false;
    return role !== 'monitor' || record.createdBy === viewer.id;
  },
  /** Authors delete their own unpublished drafts; anything under review or ever published is retracted instead. */
  canDelete(viewer: Viewer, record: CaseFacts): boolean {
    return (
      roleIn(viewer, record.organizationId) !== null &&
      record.createdBy === viewer.id &&
      (record.reviewStatus === 'draft' || record.reviewStatus === 'changes_requested') &&
      record.publishedVersion === null
    );
  },
};

export function assertCanViewCase(viewer: Viewer, record: CaseFacts | null): asserts record is CaseFacts {
  if (!record || !casePolicy.canView(viewer, record)) throw notFound('case');
}

export function assertCanEditCase(viewer: Viewer, record: CaseFacts | null): asserts record is CaseFacts {
  assertCanViewCase(viewer, record);
  if (!casePolicy.canEdit(viewer, record)) {
    const why = editableStatuses.has(record.reviewStatus)
      ? 'Monitors change only the cases they opened.'
      : `It is ${record.reviewStatus.replace('_', ' ')}; only drafts, cases returned for changes, published and retracted cases can be changed.`;
    throw new TRPCError({ code: 'FORBIDDEN', message: `You cannot change this case. ${why}` });
  }
}

export function assertCanDeleteCase(viewer: Viewer, record: CaseFacts | null): asserts record is CaseFacts {
  assertCanViewCase(viewer, record);
  if (!casePolicy.canDelete(viewer, record)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Only the author can delete a case, and only while it is a draft that was never published.' });
  }
}

export function assertCanCreateCaseIn(viewer: Viewer, organizationId: string): void {
  // Not being a member of an organization looks the same as it not existing.
  if (roleIn(viewer, organizationId) === null) throw notFound('organization');
}

/**
 * The review decisions this viewer could take on the case as it stands (what the page offers):
 * the incidents' four-eyes rules, and a reviewer may also retract a published case while an edit of
 * it is pending, so that it leaves the public side at once (server/services/cases/decide.ts).
 */
export function availableCaseTransitions(viewer: Viewer, record: CaseFacts & ChangeAuthors): TransitionName[] {
  const facts = { ...record, status: record.reviewStatus };
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

/** The organizations whose cases the viewer sees. */
export function caseOrganizationIds(viewer: Viewer, organizationId?: string | null): string[] {
  const mine = memberOrganizationIds(viewer);
  if (!organizationId) return mine;
  return mine.includes(organizationId) ? [organizationId] : [];
}
