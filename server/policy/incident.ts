import 'server-only';
import { isEditableReviewStatus } from '@/common/values';
import { notFound, refused } from '../errors';
import { roleIn, type Viewer } from './viewer';

/**
 * Who may do what to which incident. Every procedure asks here; the UI only mirrors the answers.
 * An incident the viewer may not see answers NOT_FOUND, exactly as a missing one does.
 */

type IncidentFacts = { organizationId: string; status: string; createdBy: string | null };

/**
 * Drafts, records returned for changes, published and retracted records are editable
 * (common/values.ts); a monitor edits only their own, a reviewer or admin any of their
 * organization's. Incidents and cases follow this one rule.
 */
export function canEditRecord(viewer: Viewer, record: { organizationId: string; status: string; createdBy: string | null }): boolean {
  const role = roleIn(viewer, record.organizationId);
  if (!role || !isEditableReviewStatus(record.status)) return false;
  return role !== 'monitor' || record.createdBy === viewer.id;
}

export const incidentPolicy = {
  canView(viewer: Viewer, incident: IncidentFacts): boolean {
    return roleIn(viewer, incident.organizationId) !== null;
  },
  canCreateIn(viewer: Viewer, organizationId: string): boolean {
    return roleIn(viewer, organizationId) !== null;
  },
  canEdit: canEditRecord,
};

export function assertCanViewIncident(viewer: Viewer, incident: IncidentFacts | null): asserts incident is IncidentFacts {
  if (!incident || !incidentPolicy.canView(viewer, incident)) throw notFound('incident');
}

export function assertCanEditIncident(viewer: Viewer, incident: IncidentFacts | null): asserts incident is IncidentFacts {
  assertCanViewIncident(viewer, incident);
  if (!incidentPolicy.canEdit(viewer, incident)) {
    throw refused(isEditableReviewStatus(incident.status) ? 'incident.editOwnDrafts' : 'incident.frozen');
  }
}

/** Creating an incident or a case: any member. Not being a member of an organization looks the same as it not existing. */
export function assertCanCreateIn(viewer: Viewer, organizationId: string): void {
  if (!incidentPolicy.canCreateIn(viewer, organizationId)) throw notFound('organization');
}
