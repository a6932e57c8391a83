import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { publicAttachments } from '@/db/schema/public-attachments';
import type { PublicTx } from './db';

/** One public copy of an evidence file, as the open-data answers list it. */
export type PublicAttachment = { title: string; media_type: string; size: number; sha256: string; url: string };

/** Where the public gets a copy: the derivative's own id, never the original's. */
export const publicFileUrl = (id: string) => `/api/public-files/${id}`;

/** The public copies of a published incident's or case's files (only those the view lets through). */
export async function publicAttachmentsOf(tx: PublicTx, kind: 'incident' | 'case', subjectId: string): Promise<PublicAttachment[]> {
  const rows = await tx
    .select()
    .from(publicAttachments)
    .where(and(eq(publicAttachments.subjectKind, kind), eq(publicAttachments.subjectId, subjectId)))
    .orderBy(publicAttachments.markedAt, publicAttachments.id);
  return rows.map((row) => ({ title: row.title, media_type: row.mediaType, size: row.size, sha256: row.sha256, url: publicFileUrl(row.id) }));
}

/** The public copies of many published incidents at once (the public export, a batch at a time), by incident. */
export async function publicAttachmentsOfIncidents(tx: PublicTx, incidentIds: string[]): Promise<Map<string, PublicAttachment[]>> {
  const rows = await tx
    .select()
    .from(publicAttachments)
    .where(and(eq(publicAttachments.subjectKind, 'incident'), inArray(publicAttachments.subjectId, incidentIds)))
    .orderBy(publicAttachments.markedAt, publicAttachments.id);
  const byIncident = new Map<string, PublicAttachment[]>();
  for (const row of rows) {
    byIncident.set(row.subjectId, [...(byIncident.get(row.subjectId) ?? []), { title: row.title, media_type: row.mediaType, size: row.size, sha256: row.sha256, url: publicFileUrl(row.id) }]);
  }
  return byIncident;
}
