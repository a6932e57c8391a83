import 'server-only';
import { refused } from '../errors';
import { roleIn, type Viewer } from './viewer';

type RecordFacts = { organizationId: string; status: string; createdBy: string | null; publishedVersion: number | null };

/**
 * Authors delete their own unpublished drafts (incidents and cases alike); nothing under review or
 * ever published is deleted (it is retracted). A draft of a published record is refused too: deleting
 * it would take the published version off the public side without a reviewer's retraction and its reason.
 */
export function canDeleteRecord(viewer: Viewer, record: RecordFacts): boolean {
  return (
    roleIn(viewer, record.organizationId) !== null &&
    record.createdBy === viewer.id &&
    (record.status === 'draft' || record.status === 'changes_requested') &&
    record.publishedVersion === null
  );
}

export function assertCanDeleteIncident(viewer: Viewer, incident: RecordFacts): void {
  if (!canDeleteRecord(viewer, incident)) {
    throw refused(incident.publishedVersion !== null ? 'incident.deletePublished' : 'incident.deleteOwnDraft');
  }
}
