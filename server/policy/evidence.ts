import 'server-only';
import type { ProblemCode } from '@/common/i18n/problems';
import { badRequest, notFound, refused } from '../errors';
import { isReviewerRole, memberOrganizationIds, roleIn, type Viewer } from './viewer';

type FileFacts = { organizationId: string; uploadedBy: string | null; deletedAt: string | null };

/**
 * Who a file is shared with: the organizations its incident is shared with (read-only copies) and
 * those the owners shared this very file with. A file reaches another organization only when both
 * name it, so unsharing either the incident or the file ends it.
 */
export type FileShareFacts = { recordSharedWith: string[]; fileSharedWith: string[] };

/**
 * Evidence files are confidential by default: only members of the owning organization see, list
 * and download them. A foreign or unknown file answers NOT_FOUND alike. Sharing an incident with
 * another organization shares none of its files (its members read the incident's projection,
 * services/incidents/sharing.ts) until the owners share a file explicitly: then that organization's
 * members read (view, download) that file, and nothing more. The public reads only public copies,
 * through the public_attachments view, never through this policy.
 */
export const evidencePolicy = {
  canSee(viewer: Viewer, file: { organizationId: string }): boolean {
    return roleIn(viewer, file.organizationId) !== null;
  },
  /** A member of an organization the owners shared both the incident and this file with reads it. */
  canReadShared(viewer: Viewer, shares: FileShareFacts): boolean {
    return memberOrganizationIds(viewer).some((id) => shares.recordSharedWith.includes(id) && shares.fileSharedWith.includes(id));
  },
  /** Reviewers and admins of the owning organization decide what leaves it, as they do for the incident itself. */
  canShare(viewer: Viewer, file: { organizationId: string }): boolean {
    return isReviewerRole(roleIn(viewer, file.organizationId));
  },
  /** Any member of the organization that owns the record attaches evidence to it. */
  canAttachTo(viewer: Viewer, subject: { organizationId: string }): boolean {
    return roleIn(viewer, subject.organizationId) !== null;
  },
  /** The uploader, or a reviewer or admin of the organization, moves a file to the bin (restorable). */
  canDelete(viewer: Viewer, file: FileFacts): boolean {
    const role = roleIn(viewer, file.organizationId);
    return isReviewerRole(role) || (role === 'monitor' && file.uploadedBy === viewer.id);
  },
  /** Restoring and purging (legal erasure) are an admin's. */
  canRestoreOrPurge(viewer: Viewer, file: { organizationId: string }): boolean {
    return roleIn(viewer, file.organizationId) === 'admin';
  },
  /** Four eyes, as for records: a reviewer or admin who did not upload the file decides that it goes public. */
  canMarkPublic(viewer: Viewer, file: FileFacts): boolean {
    const role = roleIn(viewer, file.organizationId);
    return isReviewerRole(role) && file.uploadedBy !== viewer.id;
  },
};

export function assertCanSeeFile<T extends { organizationId: string }>(viewer: Viewer, file: T | null | undefined): asserts file is T {
  if (!file || !evidencePolicy.canSee(viewer, file)) throw notFound('file');
}

export function assertFileAction(allowed: boolean, problem: ProblemCode): void {
  if (!allowed) throw refused(problem);
}

/**
 * Sharing a file: only its owners manage it (to anyone else, even a reader of the shared file, it is
 * another organization's file), only reviewers and admins, and only with an organization its
 * incident is already shared with (the file goes with the read-only copy, never alone).
 */
export function assertCanShareFile<T extends { organizationId: string }>(
  viewer: Viewer,
  file: T | null | undefined,
  target: { organizationId: string; recordSharedWith: string[] },
): asserts file is T {
  assertCanSeeFile(viewer, file);
  assertFileAction(evidencePolicy.canShare(viewer, file), 'file.shareReviewersOnly');
  if (!target.recordSharedWith.includes(target.organizationId)) throw badRequest('file.shareRecordFirst');
}
