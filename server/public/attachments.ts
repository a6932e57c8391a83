import 'server-only';
import { and, eq, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
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

/**
 * The public copies of each incident's files, for the public export: a subquery over the row of
 * public_incidents the export reads (one query for the whole export instead of one per batch, which
 * waited on the export's cursor every time), as JSON text of { id, title, media_type, size, sha256 },
 * in the order publicAttachmentsOf lists them; null when there is none.
 */
export function incidentAttachmentsJson(incidentId: SQLWrapper): SQL {
  const a = publicAttachments;
  return sql`(SELECT json_agg(json_build_object('id', ${a.id}, 'title', ${a.title}, 'media_type', ${a.mediaType}, 'size', ${a.size}, 'sha256', ${a.sha256})
    ORDER BY ${a.markedAt}, ${a.id})::text FROM ${a} WHERE ${a.subjectKind} = 'incident' AND ${a.subjectId} = ${incidentId})`;
}

/** The public copies an export read as incidentAttachmentsJson's text. */
export function attachmentsFromJson(json: string | null): PublicAttachment[] {
  if (!json) return [];
  return (JSON.parse(json) as (Omit<PublicAttachment, 'url'> & { id: string })[]).map(({ id, ...copy }) => ({ ...copy, url: publicFileUrl(id) }));
}
