import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Db } from '@/db/client';
import { evidenceFiles, type EvidenceSubject } from '@/db/schema';
import { evidencePolicy } from '@/server/policy/evidence';
import type { Viewer } from '@/server/policy/viewer';
import { notFound } from '../../errors';
import { recordCustody } from './custody';
import { ingestFile } from './ingest';
import type { FileStore } from './store/types';
import { subjectOwner } from './subjects';

export type FilesDeps = { store: FileStore; masterKey: Buffer; maxBytes: number };

/**
 * Attaches an uploaded file to a record: checks who may, streams it into the store (encrypted,
 * hashed, sniffed), then writes its row and the custody event in one transaction. If that
 * transaction fails, the stored bytes are removed: nothing is kept of a refused upload.
 */
export async function uploadEvidence(
  db: Db,
  deps: FilesDeps,
  params: {
    viewer: Viewer;
    subjectKind: EvidenceSubject;
    subjectId: string;
    title: string;
    expectedSha256: string;
    capturedAt?: string | null;
    body: Readable;
  },
) {
  const organizationId = await subjectOwner(db, params.subjectKind, params.subjectId);
  if (!organizationId || !evidencePolicy.canAttachTo(params.viewer, { organizationId })) throw notFound(params.subjectKind.replace('_', ' '));
  const id = randomUUID();
  const ingested = await ingestFile({
    db,
    store: deps.store,
    masterKey: deps.masterKey,
    organizationId,
    fileId: id,
    body: params.body,
    maxBytes: deps.maxBytes,
    expectedSha256: params.expectedSha256,
  });
  try {
    return await db.transaction(async (tx) => {
      // The record may have been deleted while the bytes arrived.
      if ((await subjectOwner(tx, params.subjectKind, params.subjectId)) !== organizationId) throw notFound(params.subjectKind.replace('_', ' '));
      const [file] = await tx
        .insert(evidenceFiles)
        .values({
          id,
          organizationId,
          subjectKind: params.subjectKind,
          subjectId: params.subjectId,
          title: params.title,
          capturedAt: params.capturedAt ?? null,
          uploadedBy: params.viewer.id,
          ...ingested,
        })
        .returning();
      await recordCustody(tx, params.viewer.id, 'file.upload', file!);
      return file!;
    });
  } catch (error) {
    await deps.store.remove(ingested.storageKey);
    throw error;
  }
}
