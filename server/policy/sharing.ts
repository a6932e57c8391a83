import 'server-only';
import { badRequest, notFound, refused } from '../errors';
import { isReviewerRole, memberOrganizationIds, roleIn, type Viewer } from './viewer';

type SharedFacts = { organizationId: string; sharedWith: string[] };

/**
 * Collaboration across organizations: an incident shared with another organization can be read,
 * redacted, by that organization's members; they can neither edit it nor see its discussion or history.
 */
export function readsAsSharedOnly(viewer: Viewer, incident: SharedFacts): boolean {
  if (roleIn(viewer, incident.organizationId)) return false;
  const mine = new Set(memberOrganizationIds(viewer));
  return incident.sharedWith.some((id) => mine.has(id));
}

/** Reviewers and admins of the owning organization decide what is shared, and with whom. */
export function canShareIncident(viewer: Viewer, incident: { organizationId: string }): boolean {
  const role = roleIn(viewer, incident.organizationId);
  return isReviewerRole(role);
}

/**
 * Why the viewer may not share this incident with anyone, as a problem code; null when they may.
 * One they may not see is not found, as everywhere; the list's bulk sharing names these before it acts.
 */
export function whyCannotShare(viewer: Viewer, incident: SharedFacts | null): 'notFound' | 'sharing.reviewersOnly' | null {
  if (!incident || !roleIn(viewer, incident.organizationId)) return 'notFound';
  return canShareIncident(viewer, incident) ? null : 'sharing.reviewersOnly';
}

/** NOT_FOUND unless the viewer is a member of the owning organization (a partner reading a shared copy is not); FORBIDDEN unless they may share. */
export function assertMayShare(viewer: Viewer, incident: SharedFacts | null): asserts incident is SharedFacts {
  if (!incident || !roleIn(viewer, incident.organizationId)) throw notFound('incident');
  if (!canShareIncident(viewer, incident)) throw refused('sharing.reviewersOnly');
}

export function assertCanShare(viewer: Viewer, incident: SharedFacts | null, targetOrganizationId: string): asserts incident is SharedFacts {
  assertMayShare(viewer, incident);
  if (targetOrganizationId === incident.organizationId) {
    throw badRequest('sharing.sameOrganization');
  }
}
