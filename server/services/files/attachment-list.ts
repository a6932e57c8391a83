import 'server-only';
import type { DbOrTx } from '@/db/client';
import type { EvidenceSubject } from '@/db/schema';
import { evidencePolicy } from '@/server/policy/evidence';
import type { Viewer } from '@/server/policy/viewer';
import { memberOrganizationIds } from '@/server/policy/viewer';
import { listSharesOf } from '../incidents/sharing';
import { maxUploadBytes } from './limits';
import { listAttached } from './manage';
import { filesSharedWith, sharesOfFiles } from './sharing';

type Subject = { subjectKind: EvidenceSubject; subjectId: string };

/**
 * The files on a record's page, for its owners: every live file with what the viewer may do to it
 * and with whom it is shared, the organizations it can be shared with (those reading the incident),
 * and the upload limit. The router has checked that the viewer belongs to the owning organization.
 */
export async function ownersAttachments(db: DbOrTx, viewer: Viewer, organizationId: string, subject: Subject) {
  const files = await listAttached(db, subject.subjectKind, subject.subjectId);
  const shares = await sharesOfFiles(db, files.map((file) => file.id));
  const canShare = subject.subjectKind === 'incident' && evidencePolicy.canShare(viewer, { organizationId });
  const shareTargets = canShare ? (await listSharesOf(db, subject.subjectId)).map(({ organizationId: id, name }) => ({ organizationId: id, name })) : [];
  return {
    readOnly: false,
    maxBytes: maxUploadBytes() as number | null,
    shareTargets,
    files: files.map((file) => {
      const facts = { organizationId, uploadedBy: file.uploadedBy, deletedAt: null };
      return {
        ...file,
        canDelete: evidencePolicy.canDelete(viewer, facts),
        canMarkPublic: evidencePolicy.canMarkPublic(viewer, facts),
        canShare,
        sharedWith: shares.get(file.id) ?? [],
      };
    }),
  };
}

/**
 * The files of a shared incident for a reader from another organization: only those the owners
 * shared with the reader's organization, as plain facts (no uploader, no public copy, no shares),
 * and nothing they may do but preview and download. The router has checked that the incident is
 * shared with the reader.
 */
export async function readersAttachments(db: DbOrTx, viewer: Viewer, subject: Subject) {
  const shared = subject.subjectKind === 'incident' ? await filesSharedWith(db, subject.subjectId, memberOrganizationIds(viewer)) : new Set<string>();
  const files = (await listAttached(db, subject.subjectKind, subject.subjectId)).filter((file) => shared.has(file.id));
  return {
    readOnly: true,
    maxBytes: null,
    shareTargets: [],
    files: files.map((file) => ({
      ...file,
      uploadedBy: null,
      uploaderName: null,
      markedPublicAt: null,
      publicTitle: null,
      redactions: [],
      canDelete: false,
      canMarkPublic: false,
      canShare: false,
      sharedWith: [],
    })),
  };
}
