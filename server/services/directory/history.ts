import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import { directoryVersions, users, type DirectoryKind } from '@/db/schema';

type NewVersion = typeof directoryVersions.$inferInsert;

/** Appends one version of a record to its history (in the caller's transaction). */
export async function recordDirectoryVersion(tx: Tx, version: NewVersion): Promise<void> {
  await tx.insert(directoryVersions).values(version);
}

/** Whether the history already holds this version of the record (a record never edited has none). */
export async function hasDirectoryVersion(tx: Tx, kind: DirectoryKind, recordId: string, version: number): Promise<boolean> {
  const [row] = await tx
    .select({ id: directoryVersions.id })
    .from(directoryVersions)
    .where(and(eq(directoryVersions.kind, kind), eq(directoryVersions.recordId, recordId), eq(directoryVersions.version, version)));
  return row !== undefined;
}

export type FieldChange = { field: string; before: unknown; after: unknown };

function changesBetween(before: Record<string, unknown> | null, after: Record<string, unknown>): FieldChange[] {
  if (!before) return [];
  return Object.keys(after)
    .filter((field) => JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null))
    .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}

/** A record's history, newest first: who saved which version when, and which fields changed from the one before. */
export async function listDirectoryVersions(db: DbOrTx, kind: DirectoryKind, recordId: string) {
  const rows = await db
    .select({
      version: directoryVersions.version,
      snapshot: directoryVersions.snapshot,
      savedVia: directoryVersions.savedVia,
      savedAt: directoryVersions.savedAt,
      savedBy: users.name,
    })
    .from(directoryVersions)
    .leftJoin(users, eq(users.id, directoryVersions.savedBy))
    .where(and(eq(directoryVersions.kind, kind), eq(directoryVersions.recordId, recordId)))
    .orderBy(asc(directoryVersions.version));
  return rows
    .map((row, index) => ({
      version: row.version,
      savedVia: row.savedVia,
      savedAt: row.savedAt,
      savedBy: row.savedBy,
      changes: changesBetween(index > 0 ? rows[index - 1]!.snapshot : null, row.snapshot),
    }))
    .reverse();
}
