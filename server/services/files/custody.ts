import 'server-only';
import type { Tx } from '@/db/client';
import type { evidenceFiles } from '@/db/schema';
import type { auditActions } from '../audit/actions';
import { recordAudit } from '../audit/record';

/** The custody events of a file: the audit log's `file.*` actions (server/services/audit/actions.ts). */
export type CustodyAction = Extract<(typeof auditActions)[number], `file.${string}`>;

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
