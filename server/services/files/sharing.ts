import 'server-only';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '@/db/client';
import { evidenceFileShares, evidenceFiles, incidents, incidentShares, organizations } from '@/db/schema';
import type { FileShareFacts } from '@/server/policy/evidence';
import { badRequest, notFound } from '../../errors';
import { recordCustody } from './custody';
import type { EvidenceFile } from './read';

/**
 * Per-file sharing. Only files of incidents can be shared (incidents are what organizations share
 * with each other), and only with an organization the incident is shared with: the policy
 * (server/policy/evidence.ts) reads both lists from `fileShareFacts`.
 */

/** The organizations a live incident is shared with; none for a deleted incident. */
export async function incidentSharedWith(db: DbOrTx, incidentId: string): Promise<string[]> {
  const rows = await db
    .select({ organizationId: incidentShares.organizationId })
    .from(incidentShares)
    .innerJoin(incidents, eq(incidents.id, incidentShares.incidentId))
    .where(and(eq(incidentShares.incidentId, incidentId), isNull(incidents.deletedAt)));
  return rows.map((row) => row.organizationId);
}

export async function fileShareFacts(db: DbOrTx, file: Pick<EvidenceFile, 'id' | 'subjectKind' | 'subjectId'>): Promise<FileShareFacts> {
  if (file.subjectKind !== 'incident') return { recordSharedWith: [], fileSharedWith: [] };
  const [recordSharedWith, fileShares] = await Promise.all([
    incidentSharedWith(db, file.subjectId),
    db.select({ organizationId: evidenceFileShares.organizationId }).from(evidenceFileShares).where(eq(evidenceFileShares.fileId, file.id)),
  ]);
  return { recordSharedWith, fileSharedWith: fileShares.map((row) => row.organizationId) };
}

/** With whom each of these files is shared (for their owners' list), by file id. */
export async function sharesOfFiles(db: DbOrTx, fileIds: string[]): Promise<Map<string, { organizationId: string; name: string }[]>> {
  const shares = new Map<string, { organizationId: string; name: string }[]>();
  if (!fileIds.length) return shares;
  const rows = await db
    .select({ fileId: evidenceFileShares.fileId, organizationId: evidenceFileShares.organizationId, name: organizations.name })
    .from(evidenceFileShares)
    .innerJoin(organizations, eq(organizations.id, evidenceFileShares.organizationId))
    .where(inArray(evidenceFileShares.fileId, fileIds))
    .orderBy(organizations.name);
  for (const { fileId, ...share } of rows) shares.set(fileId, [...(shares.get(fileId) ?? []), share]);
  return shares;
}

/** The ids of an incident's live files shared with any of these organizations (the incident being shared with it too). */
export async function filesSharedWith(db: DbOrTx, incidentId: string, organizationIds: string[]): Promise<Set<string>> {
  const recordSharedWith = new Set(await incidentSharedWith(db, incidentId));
  const readable = organizationIds.filter((id) => recordSharedWith.has(id));
  if (!readable.length) return new Set();
  const rows = await db
    .selectDistinct({ fileId: evidenceFileShares.fileId })
    .from(evidenceFileShares)
    .innerJoin(evidenceFiles, eq(evidenceFiles.id, evidenceFileShares.fileId))
    .where(and(eq(evidenceFiles.subjectKind, 'incident'), eq(evidenceFiles.subjectId, incidentId), inArray(evidenceFileShares.organizationId, readable)));
  return new Set(rows.map((row) => row.fileId));
}

/** Shares a file (the policy has checked who and with whom); sharing twice changes and records nothing. */
export function shareFile(db: Db, file: EvidenceFile, organizationId: string, actorId: string) {
  return db.transaction(async (tx) => {
    const [live] = await tx.select({ id: evidenceFiles.id }).from(evidenceFiles).where(and(eq(evidenceFiles.id, file.id), isNull(evidenceFiles.deletedAt))).for('update');
    if (!live) throw notFound('file');
    // Checked again under a lock: an incident unshared meanwhile takes its files' shares with it (unshareFilesOfIncident).
    const [recordShare] = await tx
      .select({ organizationId: incidentShares.organizationId })
      .from(incidentShares)
      .where(and(eq(incidentShares.incidentId, file.subjectId), eq(incidentShares.organizationId, organizationId)))
      .for('share');
    if (file.subjectKind !== 'incident' || !recordShare) throw badRequest('file.shareRecordFirst');
    const inserted = await tx.insert(evidenceFileShares).values({ fileId: file.id, organizationId, sharedBy: actorId }).onConflictDoNothing().returning();
    if (inserted.length) await recordCustody(tx, actorId, 'file.share', file, { with: organizationId });
  });
}

export function unshareFile(db: Db, file: EvidenceFile, organizationId: string, actorId: string) {
  return db.transaction((tx) => removeShares(tx, actorId, organizationId, [file]));
}

/**
 * When an incident stops being shared with an organization, its files' shares with it go too (in
 * the same transaction): sharing the incident again later must not bring files back unasked.
 */
export async function unshareFilesOfIncident(tx: Tx, incidentId: string, organizationId: string, actorId: string) {
  const attached = await tx.select().from(evidenceFiles).where(and(eq(evidenceFiles.subjectKind, 'incident'), eq(evidenceFiles.subjectId, incidentId)));
  await removeShares(tx, actorId, organizationId, attached, { withIncident: true });
}

async function removeShares(tx: Tx, actorId: string, organizationId: string, files: EvidenceFile[], details: Record<string, unknown> = {}) {
  if (!files.length) return;
  const removed = await tx
    .delete(evidenceFileShares)
    .where(and(eq(evidenceFileShares.organizationId, organizationId), inArray(evidenceFileShares.fileId, files.map((file) => file.id))))
    .returning({ fileId: evidenceFileShares.fileId });
  for (const { fileId } of removed) await recordCustody(tx, actorId, 'file.unshare', files.find((file) => file.id === fileId)!, { with: organizationId, ...details });
}
