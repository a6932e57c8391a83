import 'server-only';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { evidenceFiles, incidents, publicIncidents } from '@/db/schema';
import type { ExchangeDocument } from '../../exchange/document';
import { refreshPublicIncident } from '../../publishing/public-record';
import { recordCustody } from '../custody';
import { canMakePublicCopy, makeDerivative } from '../derivative';
import { ingestFile, UploadRefused } from '../ingest';
import type { FilesDeps } from '../upload';
import { BundleRefused } from './check';

type Params = {
  organizationId: string;
  actingUserId: string | null;
  doc: ExchangeDocument;
  /** The original bytes of a file of the bundle, already checked against its SHA-256 (check.ts). */
  open: (sha256: string) => Promise<Readable>;
  /** Receives the store key of everything written, so the caller can remove it if the import fails after all. */
  stored: string[];
};

/**
 * The attachments of an exchange bundle, attached to the incidents the import just wrote, in the
 * import's transaction: each original stored encrypted like an upload (its custody event says it
 * came by import). An attachment the file marks `confidential: false` on an incident it marks
 * published goes public as a derivative without metadata, as if a reviewer had marked it, and its
 * incident's public row is written again (which redacts the public title). A file already attached
 * to the same incident is not attached twice, so importing a bundle again changes nothing.
 */
export async function importBundleAttachments(tx: Tx, deps: FilesDeps, params: Params): Promise<{ attached: number; published: number }> {
  const { organizationId, actingUserId, doc } = params;
  const withFiles = doc.incidents.flatMap((record, index) => (record.attachments?.length ? [{ record, index }] : []));
  if (!withFiles.length) return { attached: 0, published: 0 };
  const rows = await tx
    .select({ id: incidents.id, ref: incidents.ref })
    .from(incidents)
    .where(and(eq(incidents.organizationId, organizationId), inArray(incidents.ref, withFiles.map(({ record }) => record.ref))));
  const idOf = new Map(rows.map((row) => [row.ref, row.id]));
  const existing = await tx
    .select({ subjectId: evidenceFiles.subjectId, sha256: evidenceFiles.sha256 })
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.organizationId, organizationId), eq(evidenceFiles.subjectKind, 'incident'), isNull(evidenceFiles.deletedAt)));
  const attachedAlready = new Set(existing.map((row) => `${row.subjectId}:${row.sha256}`));
  const goPublic = new Set<string>();
  let attached = 0;

  for (const { record, index } of withFiles) {
    const incidentId = idOf.get(record.ref);
    if (!incidentId) continue;
    for (const [j, attachment] of record.attachments!.entries()) {
      if (attachedAlready.has(`${incidentId}:${attachment.sha256}`)) continue;
      attachedAlready.add(`${incidentId}:${attachment.sha256}`);
      const id = randomUUID();
      let ingested;
      try {
        ingested = await ingestFile({
          // A savepoint inside the import's transaction: the file's key commits or rolls back with it.
          db: tx as unknown as Db,
          store: deps.store,
          masterKey: deps.masterKey,
          organizationId,
          fileId: id,
          body: await params.open(attachment.sha256),
          maxBytes: deps.maxBytes,
          expectedSha256: attachment.sha256,
        });
      } catch (error) {
        if (error instanceof UploadRefused) throw new BundleRefused(`/incidents/${index}/attachments/${j}`, error.message);
        throw error;
      }
      params.stored.push(ingested.storageKey);
      const [file] = await tx
        .insert(evidenceFiles)
        .values({
          id,
          organizationId,
          subjectKind: 'incident',
          subjectId: incidentId,
          title: attachment.filename,
          capturedAt: attachment.captured_on ?? null,
          uploadedBy: actingUserId,
          ...ingested,
        })
        .returning();
      await recordCustody(tx, actingUserId, 'file.upload', file!, { via: 'import' });
      attached += 1;

      if (attachment.confidential !== false || record.status !== 'published' || !canMakePublicCopy(ingested.mediaType)) continue;
      const made = await makeDerivative(await buffer(await params.open(attachment.sha256)), ingested.mediaType, []);
      const copy = await deps.store.put(Readable.from([made.bytes]));
      params.stored.push(copy.key);
      const [marked] = await tx
        .update(evidenceFiles)
        .set({
          publicId: randomUUID(),
          publicTitle: attachment.title || attachment.filename,
          publicMediaType: made.mediaType,
          publicSize: copy.size,
          publicSha256: copy.key,
          markedPublicBy: actingUserId,
          // Marked with its publication: an incident published by an earlier import shows it too.
          markedPublicAt: sql`coalesce((SELECT ${publicIncidents.publishedAt} FROM ${publicIncidents} WHERE ${publicIncidents.incidentId} = ${incidentId}), now())`,
        })
        .where(eq(evidenceFiles.id, id))
        .returning();
      const publicCopy = { sha256: copy.key, size: copy.size, mediaType: made.mediaType };
      await recordCustody(tx, actingUserId, 'file.mark_public', marked!, { via: 'import', publicCopy });
      // Its incident is already published (the import wrote its public row): the copy goes out now.
      await recordCustody(tx, actingUserId, 'file.publish', marked!, { via: 'import', publicCopy });
      goPublic.add(incidentId);
    }
  }
  // Written again with its public copies: the projection redacts their titles and records their publication (public-copies.ts).
  for (const incidentId of goPublic) await refreshPublicIncident(tx, incidentId);
  return { attached, published: goPublic.size };
}
