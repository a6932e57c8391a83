import 'server-only';
import { and, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { evidenceFiles, type EvidenceSubject, users } from '@/db/schema';
import { notFound } from '../../errors';
import { recordCustody } from './custody';
import type { EvidenceFile } from './read';
import type { FileStore } from './store/types';

/** The live files attached to one record, oldest first, with who uploaded them. */
export function listAttached(db: DbOrTx, kind: EvidenceSubject, subjectId: string) {
  return db
    .select({
      id: evidenceFiles.id,
      organizationId: evidenceFiles.organizationId,
      title: evidenceFiles.title,
      mediaType: evidenceFiles.mediaType,
      size: evidenceFiles.size,
      sha256: evidenceFiles.sha256,
      capturedAt: evidenceFiles.capturedAt,
      uploadedAt: evidenceFiles.uploadedAt,
      uploadedBy: evidenceFiles.uploadedBy,
      uploaderName: users.name,
      markedPublicAt: evidenceFiles.markedPublicAt,
      // The reviewer's public title and boxes, for the editor to reopen with.
      publicTitle: evidenceFiles.publicTitle,
      redactions: evidenceFiles.redactions,
    })
    .from(evidenceFiles)
    .leftJoin(users, eq(users.id, evidenceFiles.uploadedBy))
    .where(and(eq(evidenceFiles.subjectKind, kind), eq(evidenceFiles.subjectId, subjectId), isNull(evidenceFiles.deletedAt)))
    .orderBy(evidenceFiles.uploadedAt, evidenceFiles.id)
    .limit(500);
}

/** Files in the bin of the given organizations (admins restore or purge them), most recent first. */
export async function listDeletedFiles(db: DbOrTx, organizationIds: string[]) {
  if (!organizationIds.length) return [];
  return db
    .select({
      id: evidenceFiles.id,
      title: evidenceFiles.title,
      subjectKind: evidenceFiles.subjectKind,
      subjectId: evidenceFiles.subjectId,
      size: evidenceFiles.size,
      deletedAt: evidenceFiles.deletedAt,
      deletedByName: users.name,
    })
    .from(evidenceFiles)
    .leftJoin(users, eq(users.id, evidenceFiles.deletedBy))
    .where(and(inArray(evidenceFiles.organizationId, organizationIds), isNotNull(evidenceFiles.deletedAt)))
    .orderBy(desc(evidenceFiles.deletedAt))
    .limit(200);
}

/** Soft delete: the file leaves every list and download, its bytes stay, an admin can restore it. */
export function deleteFile(db: Db, file: EvidenceFile, actorId: string) {
  return db.transaction(async (tx) => {
    const [deleted] = await tx
      .update(evidenceFiles)
      .set({ deletedAt: sql`now()`, deletedBy: actorId })
      .where(and(eq(evidenceFiles.id, file.id), isNull(evidenceFiles.deletedAt)))
      .returning();
    if (!deleted) throw notFound('file');
    await recordCustody(tx, actorId, 'file.delete', deleted);
  });
}

export function restoreFile(db: Db, file: EvidenceFile, actorId: string) {
  return db.transaction(async (tx) => {
    const [restored] = await tx
      .update(evidenceFiles)
      .set({ deletedAt: null, deletedBy: null })
      .where(and(eq(evidenceFiles.id, file.id), isNotNull(evidenceFiles.deletedAt)))
      .returning();
    if (!restored) throw notFound('deleted file');
    await recordCustody(tx, actorId, 'file.restore', restored);
  });
}

/**
 * Purge, for a legal erasure request: the row and the stored bytes go; the audit log keeps the
 * file's SHA-256 and the reason (never its title). The bytes are removed after the commit, so a
 * failed transaction never leaves a row without its bytes.
 */
export async function purgeFile(db: Db, store: FileStore, file: EvidenceFile, actorId: string, reason: string) {
  await db.transaction(async (tx) => {
    const [purged] = await tx.delete(evidenceFiles).where(eq(evidenceFiles.id, file.id)).returning();
    if (!purged) throw notFound('file');
    await recordCustody(tx, actorId, 'file.purge', purged, { reason });
  });
  await store.remove(file.storageKey);
}
