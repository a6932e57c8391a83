import 'server-only';
import type { ProblemCode } from '@/common/i18n/problems';
import type { ReviewStatus } from '@/common/values';
import { refused } from '../errors';
import { retractsPublishedVersionOnly, type TransitionName, transitions } from './transitions';
import { isReviewerRole, roleIn, type Viewer } from './viewer';

/** Who saved any part of the record since its last approved / published version (server/services/review/change-authors.ts). */
export type ChangeAuthors = { savedSinceApproval: string[]; savedSincePublication: string[] };

type IncidentFacts = {
  organizationId: string;
  status: ReviewStatus;
  createdBy: string | null;
  updatedBy: string | null;
  publishedVersion: number | null;
} & ChangeAuthors;

/**
 * Four eyes: who may take which review decision. The author submits; a reviewer of the organization
 * who neither created the entry nor saved any part of it since its last approved or published version
 * approves or returns it; a reviewer who saved none of it since its last publication publishes what
 * was approved; a reviewer or admin retracts. Nobody approves or publishes their own work.
 */
export function whyCannot(viewer: Viewer, name: TransitionName, incident: IncidentFacts): ProblemCode | null {
  const role = roleIn(viewer, incident.organizationId);
  if (!role) return 'notFound';
  const isReviewer = isReviewerRole(role);
  const wroteOrLastEdited = incident.createdBy === viewer.id || incident.updatedBy === viewer.id;
  const ownWork = wroteOrLastEdited || incident.savedSinceApproval.includes(viewer.id);
  switch (name) {
    case 'submit':
      return incident.createdBy === viewer.id ? null : 'review.authorSubmits';
    case 'approve':
    case 'requestChanges':
      if (!isReviewer) return 'review.reviewersOnly';
      return ownWork ? 'review.selfApproval' : null;
    case 'publish':
      if (!isReviewer) return 'review.reviewersOnly';
      return ownWork || incident.savedSincePublication.includes(viewer.id)
        ? 'review.selfPublication'
        : null;
    case 'retract':
      return isReviewer ? null : 'review.retractReviewersOnly';
  }
}

/** The decisions this viewer could take on the incident as it stands (what the page offers as buttons). */
export function availableTransitions(viewer: Viewer, incident: IncidentFacts): TransitionName[] {
  return (Object.keys(transitions) as TransitionName[]).filter(
    (name) => (transitions[name].from as readonly string[]).includes(incident.status) && whyCannot(viewer, name, incident) === null,
  );
}

/**
 * The decisions on an incident, with retraction also offered while an edit of a published incident is
 * pending (server/services/review/decide.ts takes only the published version off the public side then).
 */
export function availableIncidentTransitions(viewer: Viewer, incident: IncidentFacts): TransitionName[] {
  const names = availableTransitions(viewer, incident);
  if (retractsPublishedVersionOnly(incident) && whyCannot(viewer, 'retract', incident) === null) names.push('retract');
  return names;
}

export function assertMayTransition(viewer: Viewer, name: TransitionName, incident: IncidentFacts): void {
  const why = whyCannot(viewer, name, incident);
  if (why) throw refused(why);
}
