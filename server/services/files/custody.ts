import type { Tx } from '@/db/client';
import type { evidenceFiles } from '@/db/schema';
import { recordAudit } from '../audit/record';

export const custodyActions = [
  'file.upload',
  'file.view',
  'file.download',
  'file.export',
  'file.share',
  'file.mark_public',
  'file.unmark_public',
  'file.publish',
  'file.delete',
  'file.restore',
  'file.purge',
] as const;
export type CustodyAction = (typeof custodyActions)[number];

type FileRow = Pick<typeof evidenceFiles.$inferSelect, 'id' | 'organizationId' | 'sha256' | 'size' | 'mediaType' | 'subjectKind' | 'subjectId'>;

/**
 * A custody event: one link of the file's chain of custody, in the hash-chained audit log. It names
 * the file by id and SHA-256 (so a package can show the chain), never by its title, which may hold
 * a confidential name.
 */
export function recordCustody(tx: Tx, actorId: string | null, action: CustodyAction, file: FileRow, details: Record<string, unknown> = {}) {
  return recordAudit(tx, {
    actorId,
    action,
    organizationId: file.organizationId,
    subjectType: 'evidence_file',
    subjectId: file.id,
    details: { sha256: file.sha256, size: file.size, mediaType: file.mediaType, attachedTo: { kind: file.subjectKind, id: file.subjectId }, ...details },
  });
}
