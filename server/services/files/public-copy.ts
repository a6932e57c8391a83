import 'server-only';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { evidenceFiles, type RedactionBox } from '@/db/schema';
import { notFound } from '../../errors';
import { confidentialPersonsOf } from '../publishing/protected-persons';
import { protectionFor } from '../publishing/protection';
import { recordCustody } from './custody';
import { assertPublicCopyPossible, makeDerivative } from './derivative';
import { type EvidenceFile, openOriginal } from './read';
import type { FileStore } from './store/types';

type Decision = { public: true; title: string; redactions: RedactionBox[] } | { public: false };

/**
 * A reviewer's decision on a file's public copy. Marking it public makes the derivative now (so
 * publishing the record later is only a row in the read model) and stores it, unencrypted since it
 * is meant for anyone, under its own SHA-256. The copy is shown only once its record is published
 * after the marking (see the public_attachments view, migration 0036). Unmarking withdraws it at once.
 */
export async function decidePublicCopy(db: Db, deps: { store: FileStore; masterKey: Buffer }, file: EvidenceFile, actorId: string, decision: Decision) {
  let derivative: { key: string; size: number; mediaType: string } | null = null;
  if (decision.public) {
    assertPublicCopyPossible(file.mediaType, decision.redactions);
    const original = await buffer(await openOriginal(db, deps.store, deps.masterKey, file));
    const made = await makeDerivative(original, file.mediaType, decision.redactions);
    const stored = await deps.store.put(Readable.from([made.bytes]));
    derivative = { ...stored, mediaType: made.mediaType };
  }
  const previous = file.publicSha256;
  await db.transaction(async (tx) => {
    // The public title is free text a reviewer typed: it goes through the name detector like every public text.
    const publicTitle = decision.public ? (protectionFor([], await confidentialPersonsOf(tx, file.organizationId)).detector.redact(decision.title) ?? '') : null;
    const [changed] = await tx
      .update(evidenceFiles)
      .set(
        decision.public && derivative
          ? {
              publicId: file.publicId ?? randomUUID(),
              publicTitle,
              publicMediaType: derivative.mediaType,
              publicSize: derivative.size,
              publicSha256: derivative.key,
              markedPublicBy: actorId,
              markedPublicAt: sql`now()`,
              redactions: decision.redactions,
            }
          : { publicTitle: null, publicMediaType: null, publicSize: null, publicSha256: null, markedPublicBy: null, markedPublicAt: null, redactions: [] },
      )
      .where(and(eq(evidenceFiles.id, file.id), isNull(evidenceFiles.deletedAt)))
      .returning();
    if (!changed) throw notFound('file');
    await recordCustody(tx, actorId, decision.public ? 'file.mark_public' : 'file.unmark_public', changed, {
      publicCopy: derivative ? { sha256: derivative.key, size: derivative.size, mediaType: derivative.mediaType, redactions: decision.public ? decision.redactions.length : 0 } : null,
    });
  });
  // The old public copy goes once nothing refers to it any more (two files may share one copy).
  if (previous && previous !== derivative?.key) {
    const [other] = await db.select({ id: evidenceFiles.id }).from(evidenceFiles).where(and(eq(evidenceFiles.publicSha256, previous), ne(evidenceFiles.id, file.id))).limit(1);
    if (!other) await deps.store.remove(previous);
  }
}
