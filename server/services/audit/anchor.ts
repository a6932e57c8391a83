import 'server-only';
import { count, eq, lte } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { auditLog } from '@/db/schema';
import type { AuditChainReport } from './verify';

/**
 * An anchor is the head of the audit chain at a moment, written down somewhere the server cannot
 * reach (printed, mailed to a board member, kept in another organization's files). A chain that is
 * whole but no longer holds the anchored row, or holds it with another hash, lost its newest rows
 * after the anchor was taken: something a chain alone cannot show.
 */
export const auditAnchor = z.object({
  kind: z.literal('hrd-monitor audit anchor'),
  takenAt: z.iso.datetime(),
  rows: z.number().int().min(0),
  lastId: z.number().int().positive().nullable(),
  lastHash: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
});
export type AuditAnchor = z.infer<typeof auditAnchor>;

/** The anchor of a whole chain (verify it first: an anchor of a broken chain anchors nothing). */
export function anchorOf(report: Extract<AuditChainReport, { whole: true }>, takenAt = new Date()): AuditAnchor {
  return { kind: 'hrd-monitor audit anchor', takenAt: takenAt.toISOString(), rows: report.rows, lastId: report.lastId, lastHash: report.lastHash };
}

/** What an anchor finds missing, as the dictionaries word it under `cli.audit.<reason>`. */
export type AnchorFinding = { reason: 'anchorRowGone' | 'anchorRowRewritten' | 'anchorRowCount'; params: { id: number; takenAt: string; rows?: number; now?: number } };

/** Null when the database still holds everything the anchor saw; otherwise what is missing. */
export async function checkAnchor(db: DbOrTx, anchor: AuditAnchor): Promise<AnchorFinding | null> {
  if (anchor.lastId === null) return null;
  const at = { id: anchor.lastId, takenAt: anchor.takenAt };
  const [row] = await db.select({ hash: auditLog.hash }).from(auditLog).where(eq(auditLog.id, anchor.lastId));
  if (!row) return { reason: 'anchorRowGone', params: at };
  if (row.hash !== anchor.lastHash) return { reason: 'anchorRowRewritten', params: at };
  const [{ rows }] = (await db.select({ rows: count() }).from(auditLog).where(lte(auditLog.id, anchor.lastId))) as [{ rows: number }];
  if (rows !== anchor.rows) return { reason: 'anchorRowCount', params: { ...at, rows: anchor.rows, now: rows } };
  return null;
}
