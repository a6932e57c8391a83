import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import type { Db, DbOrTx } from '@/db/client';
import { evidenceFiles } from '@/db/schema';
import { evidencePolicy } from '@/server/policy/evidence';
import type { Viewer } from '@/server/policy/viewer';
import { decryptStream } from './crypto/chunks';
import { openFileKey } from './crypto/file-keys';
import { recordCustody } from './custody';
import { notFound } from '../../errors';
import { fileShareFacts } from './sharing';
import type { FileStore } from './store/types';

export type EvidenceFile = typeof evidenceFiles.$inferSelect;

/** A live (not deleted) file by id, or null; ids that are not uuids are simply not found. */
export async function findFile(db: DbOrTx, id: string, options: { deleted?: boolean } = {}): Promise<EvidenceFile | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const [file] = await db
    .select()
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.id, id), options.deleted ? undefined : isNull(evidenceFiles.deletedAt)));
  return file ?? null;
}

/** The original bytes, decrypted as they stream; a stored file altered or cut short fails the stream. */
export async function openOriginal(db: DbOrTx, store: FileStore, masterKey: Buffer, file: EvidenceFile): Promise<Readable> {
  const key = await openFileKey(db, masterKey, file);
  const sealed = await store.get(file.storageKey);
  const plain = decryptStream(key);
  sealed.on('error', (error) => plain.destroy(error));
  return sealed.pipe(plain);
}

/**
 * A member opens a file, or a member of an organization the owners shared the file (and its
 * incident) with: the custody event (view for a preview, download otherwise) commits before the
 * first byte leaves, so no copy leaves unrecorded. Unknown, deleted, foreign and unshared files answer alike.
 */
export async function readEvidence(
  db: Db,
  deps: { store: FileStore; masterKey: Buffer },
  params: { viewer: Viewer; id: string; purpose: 'view' | 'download' },
) {
  const file = await findFile(db, params.id);
  if (!file) throw notFound('file');
  if (!evidencePolicy.canSee(params.viewer, file) && !evidencePolicy.canReadShared(params.viewer, await fileShareFacts(db, file))) throw notFound('file');
  const body = await openOriginal(db, deps.store, deps.masterKey, file);
  await db.transaction((tx) => recordCustody(tx, params.viewer.id, params.purpose === 'view' ? 'file.view' : 'file.download', file));
  return { file, body };
}
