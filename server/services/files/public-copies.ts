import 'server-only';
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { evidenceFiles } from '@/db/schema';
import type { NameDetector } from '../publishing/redact-names';
import { recordCustody } from './custody';

/**
 * The publication the record's public row was just written from, when it is a new one (another
 * version than the row had); `at` is when that version was published (the row's updated_at, not the
 * first publication), the time the public_attachments view compares a copy's marking with.
 */
export type Publication = { version: number; at: Date; by: string | null };

/**
 * What the projection does to a record's public copies each time it writes the record's public row
 * (the public_attachments view shows a copy marked before the publication of the version the
 * public reads):
 *
 * - A copy's title is free text a reviewer typed when marking the file: it is redacted with (a way
 *   to build) the detector the projection used for the record, so a person protected after the
 *   marking, before publication or after it, is replaced as in every other public text, with the
 *   same label. Redacting is idempotent: a label is never taken for a name.
 * - A copy that goes public with a new publication of the record gets its `file.publish` custody
 *   event, by whoever saved the published version (the reviewer who published); writing the row
 *   again for another reason (a re-projection) records nothing new.
 */
export async function refreshPublicCopies(
  tx: Tx,
  subjectKind: 'incident' | 'case',
  subjectId: string,
  params: { detectorOf: () => NameDetector; publication: Publication | null },
): Promise<void> {
  const files = await tx
    .select()
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.subjectKind, subjectKind), eq(evidenceFiles.subjectId, subjectId), isNotNull(evidenceFiles.publicSha256), isNull(evidenceFiles.deletedAt)));
  if (!files.length) return;
  const detector = params.detectorOf();
  const { publication } = params;
  for (const file of files) {
    const shown = detector.redact(file.publicTitle);
    if (shown !== file.publicTitle) await tx.update(evidenceFiles).set({ publicTitle: shown }).where(eq(evidenceFiles.id, file.id));
    // Only a new publication of the record sends a copy out; writing the row again for another reason does not.
    if (!publication || !file.markedPublicAt || new Date(file.markedPublicAt) > publication.at) continue;
    await recordCustody(tx, publication.by, 'file.publish', file, {
      publishedVersion: String(publication.version),
      publicCopy: { sha256: file.publicSha256, size: file.publicSize, mediaType: file.publicMediaType },
    });
  }
}
