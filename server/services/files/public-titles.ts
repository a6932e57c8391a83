import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { evidenceFiles } from '@/db/schema';
import type { NameDetector } from '../publishing/redact-names';

/**
 * A public copy's title is free text a reviewer typed when marking the file; it goes public with
 * its record (the public_attachments view). The projection calls this each time it writes the
 * record's public row, with (a way to build) the detector it used for the record, so a person protected after the
 * marking (before publication or after it) is replaced in the title as in every other public text,
 * with the same label. Redacting is idempotent: a label is never taken for a name.
 */
export async function redactPublicTitles(tx: Tx, subjectKind: 'incident' | 'case', subjectId: string, detectorOf: () => NameDetector): Promise<void> {
  const rows = await tx
    .select({ id: evidenceFiles.id, publicTitle: evidenceFiles.publicTitle })
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.subjectKind, subjectKind), eq(evidenceFiles.subjectId, subjectId), isNotNull(evidenceFiles.publicTitle), isNull(evidenceFiles.deletedAt)));
  // Built only when there is a title to redact: most records have no public copy.
  const detector = rows.length ? detectorOf() : null;
  for (const row of rows) {
    const shown = detector!.redact(row.publicTitle);
    if (shown !== row.publicTitle) await tx.update(evidenceFiles).set({ publicTitle: shown }).where(eq(evidenceFiles.id, row.id));
  }
}
