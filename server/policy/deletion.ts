import 'server-only';
import { TRPCError } from '@trpc/server';
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
    const why =
      incident.publishedVersion !== null
        ? 'A version of it is published: a reviewer retracts it first, giving the reason.'
        : 'Only the author can delete an entry, and only while it is a draft.';
    throw new TRPCError({ code: 'FORBIDDEN', message: `You cannot delete this incident. ${why}` });
  }
}
