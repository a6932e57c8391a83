import 'server-only';
import type { ProblemCode } from '@/common/i18n/problems';
import { notFound, refused } from '../errors';
import { isReviewerRole, roleIn, type Viewer } from './viewer';

type FileFacts = { organizationId: string; uploadedBy: string | null; deletedAt: string | null };

/**
 * Evidence files are confidential by default: only members of the owning organization see, list
 * and download them. A foreign or unknown file answers NOT_FOUND alike. Sharing an incident with
 * another organization shares none of its files (its members read the incident's projection,
 * services/incidents/sharing.ts); the public reads only public copies, through the
 * public_attachments view, never through this policy.
 */
export const evidencePolicy = {
  canSee(viewer: Viewer, file: { organizationId: string }): boolean {
    return roleIn(viewer, file.organizationId) !== null;
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
