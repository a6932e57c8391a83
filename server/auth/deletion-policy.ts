import { TRPCError } from '@trpc/server';
import { memberOrganizationIds, roleIn } from './policy';
import type { Viewer } from './viewer';

type IncidentFacts = { organizationId: string; status: string; createdBy: string | null };

/** Authors delete their own unpublished drafts; nothing under review or ever published is deleted (it is retracted). */
export function canDeleteIncident(viewer: Viewer, incident: IncidentFacts): boolean {
  return (
    roleIn(viewer, incident.organizationId) !== null &&
    incident.createdBy === viewer.id &&
    (incident.status === 'draft' || incident.status === 'changes_requested')
  );
}

export function assertCanDeleteIncident(viewer: Viewer, incident: IncidentFacts): void {
  if (!canDeleteIncident(viewer, incident)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Only the author can delete an entry, and only while it is a draft.' });
  }
}

/** Organizations where the viewer is an admin: where they see and restore deleted records. */
export function adminOrganizationIds(viewer: Viewer): string[] {
  return memberOrganizationIds(viewer).filter((id) => roleIn(viewer, id) === 'admin');
}
