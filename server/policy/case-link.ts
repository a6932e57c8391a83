import 'server-only';
import { editableReviewStatuses } from '@/common/values';
import { notFound, refused } from '../errors';
import { assertCanViewCase, type CaseFacts } from './case';
import { memberOrganizationIds, roleIn, type Viewer } from './viewer';

/**
 * Adding an incident to a case is a contribution, not a rewrite: any member of the case's
 * organization may do it to a case they can see (a monitor too, on a colleague's case), while the
 * case takes changes at all. It makes a new version of the case, which goes through review as any
 * other change. Taking an incident out stays with those who may edit the case.
 */
const takesIncidents = new Set<string>(editableReviewStatuses);

export function canLinkIncident(viewer: Viewer, record: CaseFacts): boolean {
  return roleIn(viewer, record.organizationId) !== null && takesIncidents.has(record.reviewStatus);
}

export function assertCanLinkIncident(viewer: Viewer, record: CaseFacts | null): asserts record is CaseFacts {
  assertCanViewCase(viewer, record);
  if (!canLinkIncident(viewer, record)) throw refused('case.busy');
}

/**
 * The organizations whose cases could take this incident for this viewer: the incident's own and
 * those it is shared with (as assertIncidentLinkable accepts), where the viewer is a member. None
 * means the viewer does not see the incident: NOT_FOUND, as for one that does not exist.
 */
export function caseOrganizationsFor(viewer: Viewer, incident: { organizationId: string; sharedWith: string[] } | null): string[] {
  const mine = new Set(memberOrganizationIds(viewer));
  const organizations = incident ? [incident.organizationId, ...incident.sharedWith].filter((id) => mine.has(id)) : [];
  if (!organizations.length) throw notFound('incident');
  return organizations;
}
