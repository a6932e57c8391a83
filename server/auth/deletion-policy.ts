import { TRPCError } from '@trpc/server';
import { memberOrganizationIds, roleIn } from './policy';
import type { Viewer } from './viewer';

type IncidentFacts = { organizationId: string; status: string; createdBy: string | null; publishedVersion: number | null };

/**
 * Authors delete their own unpublished drafts; nothing under review or ever published is deleted (it is retracted).
 * A draft of a published incident is refused too: deleting it would take the published version off the
 * public side without a reviewer's retraction and its reason.
 */
export function canDeleteIncident(viewer: Viewer, incident: IncidentFacts): boolean {
  return (
    roleIn(viewer, incident.organizationId) !== null &&
    incident.createdBy === viewer.id &&
    (incident.status === 'draft' || incident.status === 'changes_requested') &&
    incident.publishedVersion === null
  );
}

export function assertCanDeleteIncident(viewer: Viewer, incident: IncidentFacts): void {
  if (!canDeleteIncident(viewer, incident)) {
    const why =
      incident.publishedVersion !== null
        ? 'A version of it is published: a reviewer retracts it first, giving the reason.'
        : 'Only the author can delete an entry, and only while it is a draft.';
    throw new TRPCError({ code: 'FORBIDDEN', message: `You cannot delete this incident. ${why}` });
  }
}

/** Organizations where the viewer is an admin: where they see and restore deleted records. */
export function adminOrganizationIds(viewer: Viewer): string[] {
  return memberOrganizationIds(viewer).filter((id) => roleIn(viewer, id) === 'admin');
}
