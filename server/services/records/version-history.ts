import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { users, type caseVersions, type incidentVersions } from '@/db/schema';

/** Where a kind of record keeps its saved versions: the table, and its column naming the record. */
export type VersionTable =
  | { versions: typeof incidentVersions; key: typeof incidentVersions.incidentId }
  | { versions: typeof caseVersions; key: typeof caseVersions.caseId };

export type HistoryEntry<Change> = {
  version: number;
  savedAt: Date;
  savedVia: string;
  savedBy: { id: string; name: string } | null;
  changes: Change[];
};

/** How one kind reads its history: how two snapshots differ, and how stored snapshots are shown to the reader. */
export type HistoryReading<Snapshot, Change> = {
  diff(before: Snapshot | null, after: Snapshot): Change[];
  /** The stored snapshots (oldest first) as the reader may see them, compared in that form. */
  asRead?(snapshots: Snapshot[]): Promise<Snapshot[]>;
};

/** Every saved version of one record, newest first, each with what changed since the one before it. */
export async function listVersionHistory<Snapshot, Change>(
  db: DbOrTx,
  { versions, key }: VersionTable,
  id: string,
  reading: HistoryReading<Snapshot, Change>,
): Promise<HistoryEntry<Change>[]> {
  const rows = await db
    .select({
      version: versions.version,
      snapshot: versions.snapshot,
      savedAt: versions.savedAt,
      savedVia: versions.savedVia,
      savedById: users.id,
      savedByName: users.name,
    })
    .from(versions)
    .leftJoin(users, eq(users.id, versions.savedBy))
    .where(eq(key, id))
    .orderBy(asc(versions.version));
  const stored = rows.map((row) => row.snapshot as Snapshot);
  const snapshots = reading.asRead ? await reading.asRead(stored) : stored;
  let previous: Snapshot | null = null;
  const entries = rows.map((row, index) => {
    const snapshot = snapshots[index]!;
    const entry: HistoryEntry<Change> = {
      version: row.version,
      savedAt: row.savedAt,
      savedVia: row.savedVia,
      savedBy: row.savedById ? { id: row.savedById, name: row.savedByName ?? '' } : null,
      changes: reading.diff(previous, snapshot),
    };
    previous = snapshot;
    return entry;
  });
  return entries.reverse();
}
