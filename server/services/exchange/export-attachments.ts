import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { evidenceFiles, incidents } from '@/db/schema';
import type { EvidenceFile } from '../files/read';
import type { ExchangeAttachment, ExchangeIncident } from './document';

/** An incident's attachment as the exchange format describes it, and the file row its bytes come from. */
export type ExportedAttachment = { incidentRef: string; attachment: ExchangeAttachment; file: EvidenceFile };

/**
 * The evidence files of an organization's incidents (deleted ones excepted), as exchange format
 * version 2 describes them: by SHA-256, file name, sniffed media type and size; a file with a public
 * copy travels as `confidential: false` with its public title, any other as confidential.
 */
export async function exportedAttachments(db: DbOrTx, organizationId: string): Promise<ExportedAttachment[]> {
  const rows = await db
    .select({ file: evidenceFiles, incidentRef: incidents.ref })
    .from(evidenceFiles)
    .innerJoin(incidents, sql`${incidents.id}::text = ${evidenceFiles.subjectId}`)
    .where(
      and(eq(evidenceFiles.organizationId, organizationId), eq(evidenceFiles.subjectKind, 'incident'), isNull(evidenceFiles.deletedAt), isNull(incidents.deletedAt)),
    )
    .orderBy(evidenceFiles.uploadedAt, evidenceFiles.id);
  return rows.map(({ file, incidentRef }) => ({
    incidentRef,
    file,
    attachment: {
      sha256: file.sha256,
      filename: file.title.slice(0, 255) || file.sha256,
      media_type: file.mediaType,
      size: file.size,
      ...(file.publicId ? { title: file.publicTitle } : {}),
      captured_on: file.capturedAt ? file.capturedAt.slice(0, 10) : null,
      confidential: file.publicId === null,
    },
  }));
}

/** The incidents with their attachments added (in place of none). */
export function withAttachments(records: ExchangeIncident[], attachments: ExportedAttachment[]): ExchangeIncident[] {
  const byRef = new Map<string, ExchangeAttachment[]>();
  for (const { incidentRef, attachment } of attachments) byRef.set(incidentRef, [...(byRef.get(incidentRef) ?? []), attachment]);
  return records.map((record) => (byRef.has(record.ref) ? { ...record, attachments: byRef.get(record.ref) } : record));
}
